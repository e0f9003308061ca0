// `archive query [filters] [--limit N] [--all] [--json]`: GET /documents, newest meeting first.
import type { ArchiveRecord } from '../../../lambdas/core/record';
import type { DocumentFilters } from '../api-client';
import { usageError } from '../errors';
import { clean, meetingDate, outputWidth, table, truncate } from '../format';
import { note, out, outJson } from '../output';
import { apiClientFor, type Target } from '../target';
import { parseDateOption, parseIntOption, parseTextOption } from '../validate';

export type QueryOptions = {
  from?: string;
  to?: string;
  participant?: string;
  organization?: string;
  country?: string;
  status?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
};

export const MAX_PAGE = 100;

/** Checked before the target is resolved: a bad command line fails the same with or without a stack. */
export const parseQueryOptions = (o: QueryOptions): { filters: DocumentFilters; limit?: number } => {
  const from = parseDateOption('--from', o.from);
  const to = parseDateOption('--to', o.to);
  if (from && to && from > to) throw usageError('--from must not be after --to');
  if (o.status !== undefined && o.status !== 'processed' && o.status !== 'rejected')
    throw usageError('--status must be processed or rejected');
  return {
    filters: {
      from,
      to,
      participant: parseTextOption('--participant', o.participant, 200),
      organization: parseTextOption('--organization', o.organization, 200),
      country: parseTextOption('--country', o.country, 100),
      status: o.status as DocumentFilters['status'],
    },
    limit: parseIntOption('--limit', o.limit, 1, MAX_PAGE),
  };
};

/** What a row calls a document: its title, else the meeting's name, else the file it came from. */
const displayTitle = (r: ArchiveRecord) => clean(r.title) || clean(r.eventName) || `(${clean(r.source.key)})`;

export async function queryCommand(o: QueryOptions, target: Target): Promise<number> {
  const { filters, limit } = parseQueryOptions(o);
  const api = apiClientFor(target);
  const pageSize = limit ?? (o.all ? MAX_PAGE : 20);
  const rows: ArchiveRecord[] = [];
  let cursor: string | undefined;
  let more = false;
  do {
    const page = await api.searchDocuments(filters, { limit: pageSize, cursor });
    for (const r of page.items) {
      if (o.json) outJson(r);
      else rows.push(r);
    }
    cursor = page.cursor ?? undefined;
    more = cursor !== undefined;
  } while (o.all && cursor);

  if (!o.json) {
    if (rows.length === 0) out('no documents match');
    else {
      const lines = table(
        ['DATE', 'TITLE', 'PEOPLE', 'COUNTRIES', 'ID'],
        rows.map((r) => [
          meetingDate(r),
          displayTitle(r),
          String(r.participants.length),
          truncate(r.countries.join(', '), 32),
          r.id,
        ]),
        { flex: 1, maxWidth: outputWidth() },
      );
      for (const line of lines) out(line);
    }
  }
  if (more)
    note(
      `archive: more documents match; pass --all to list them all${limit === MAX_PAGE ? '' : ', or a larger --limit'}`,
    );
  return 0;
}
