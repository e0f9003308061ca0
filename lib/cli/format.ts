// Human-readable output: record summaries and tables. (--json output bypasses all of this.)
// Text taken from documents is stripped of control characters before it reaches a terminal.
import type { ArchiveRecord, Person } from '../../lambdas/core/record';

/** Control characters (escape sequences included) become spaces; runs of whitespace collapse. */
export const clean = (s: string | null | undefined): string =>
  (s ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const width = (s: string) => [...s].length;

export const truncate = (s: string, max: number): string => {
  const chars = [...s];
  if (chars.length <= max) return s;
  return max <= 1 ? chars.slice(0, max).join('') : `${chars.slice(0, max - 1).join('')}…`;
};

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

const DASH = '—';

/**
 * A plain table: a header row, then rows; columns sized to their content. Column `flex` (the
 * widest text, such as a title) is truncated so that lines fit `maxWidth`.
 */
export const table = (
  headers: string[],
  rows: string[][],
  opts: { flex?: number; maxWidth?: number } = {},
): string[] => {
  const cells = rows.map((r) => r.map((c) => clean(c) || DASH));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i]))));
  if (opts.flex !== undefined && opts.maxWidth) {
    const others = widths.reduce((a, w, i) => (i === opts.flex ? a : a + w), 0) + 2 * (headers.length - 1);
    const room = Math.max(width(headers[opts.flex]), 12, opts.maxWidth - others);
    if (widths[opts.flex] > room) {
      widths[opts.flex] = room;
      for (const r of cells) r[opts.flex] = truncate(r[opts.flex], room);
    }
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)];
};

/** Terminal width when stdout is one, else a width that keeps titles readable in a file. */
export const outputWidth = (): number => (process.stdout.isTTY ? process.stdout.columns || 100 : 120);

export const personLine = (p: Person): string => {
  const role = [p.title, p.affiliation].filter(Boolean).map(clean).join(', ');
  return [clean(p.name), role && `— ${role}`, p.attendance && `(${p.attendance})`].filter(Boolean).join(' ');
};

const list = (items: string[]) => (items.length ? items.map(clean).join(', ') : DASH);

/** The meeting date a record sorts by, as the API does: the event, else publication. */
export const meetingDate = (r: Pick<ArchiveRecord, 'eventDate' | 'eventEndDate' | 'publishedDate'>): string =>
  r.eventDate
    ? r.eventEndDate && r.eventEndDate !== r.eventDate
      ? `${r.eventDate}…${r.eventEndDate}`
      : r.eventDate
    : (r.publishedDate ?? '');

const locationText = (r: ArchiveRecord): string => {
  if (!r.location) return DASH;
  const where = [r.location.place, r.location.country].filter(Boolean).map(clean).join(', ');
  if (r.location.virtual) return where ? `${where} (virtual)` : 'virtual';
  return where || DASH;
};

/**
 * A readable summary of one record. `heading` names it (a file path, or the document key);
 * `stored` adds the archive's view (id, version, upload) for records from the API.
 */
export const recordSummary = (r: ArchiveRecord, opts: { heading: string; stored?: boolean }): string[] => {
  const lines = [clean(opts.heading)];
  const row = (label: string, value: string) => lines.push(`  ${pad(label, 14)}${value}`);
  if (opts.stored) {
    row('id', `${r.id} (version ${r.version})`);
    row('uploaded', `${r.source.uploadedAt} to ${clean(r.source.bucket)}/${clean(r.source.key)}`);
  }
  if (r.status === 'rejected') {
    row('status', `rejected: ${clean(r.rejection?.message ?? 'no reason given')} [${r.rejection?.code ?? '?'}]`);
    row('format', `${r.source.format}, ${r.source.size} bytes`);
    return lines;
  }
  row('title', clean(r.title) || DASH);
  if (r.eventName) row('event', clean(r.eventName));
  row('meeting date', r.eventDate ? meetingDate(r) : DASH);
  row('published', r.publishedDate ?? DASH);
  row('location', locationText(r));
  row('participants', r.participants.length ? String(r.participants.length) : 'none found');
  for (const p of r.participants) lines.push(`    ${personLine(p)}`);
  if (r.mentionedPeople.length) row('also named', list(r.mentionedPeople.map((p) => p.name)));
  row(
    'organizations',
    list(r.organizations.map((o) => (o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name))),
  );
  row('countries', list(r.countries));
  row(
    'text',
    `${r.source.format}, ${r.language ?? 'language unknown'}, ${r.text.paragraphs} paragraphs, ${r.text.words} words`,
  );
  if (r.warnings.length) {
    row('warnings', String(r.warnings.length));
    for (const w of r.warnings) lines.push(`    ${clean(w)}`);
  } else row('warnings', 'none');
  return lines;
};

export const shortHash = (sha256: string) => sha256.slice(0, 12);
