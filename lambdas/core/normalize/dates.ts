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
