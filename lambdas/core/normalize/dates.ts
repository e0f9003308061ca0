// Publication dates from metadata → YYYY-MM-DD. The calendar date is taken as written ("2021-09-17T23:30:00-05:00"
// is the 17th), never shifted to UTC: the publisher's local day is the one printed on the page.

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = s.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Written dates ("September 17, 2021", "17 Sep 2021"): only when a four-digit year is present.
  if (!/\b\d{4}\b/.test(s) || s.length > 40) return null;
  const parsed = new Date(`${s} 12:00 UTC`);
  if (Number.isNaN(parsed.getTime())) return null;
  return valid(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * The first full date printed in a short line of page chrome ("Press Center / News | 15.09.2026 | 18:40",
 * "Posted 3 March 2026"): ISO, day-first with dots (or slashes when the day is over 12), "3 March 2026",
 * "March 3, 2026".
 */
export function dateInLine(line: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/.exec(line);
  if (dotted && (dotted[2] === '.' || Number(dotted[1]) > 12))
    return valid(Number(dotted[4]), Number(dotted[3]), Number(dotted[1]));
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(line);
  if (dayFirst && monthOf(dayFirst[2]) > 0)
    return valid(Number(dayFirst[3]), monthOf(dayFirst[2]), Number(dayFirst[1]));
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(line);
  if (monthFirst && monthOf(monthFirst[1]) > 0)
    return valid(Number(monthFirst[3]), monthOf(monthFirst[1]), Number(monthFirst[2]));
  return null;
}
