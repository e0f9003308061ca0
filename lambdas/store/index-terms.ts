// Search terms of a record, and the matching rules queries use to re-check candidates.
// Index items carry only keys; every candidate is re-checked against the document's latest
// record, so an index entry left stale for a moment (a crash between writes) is never returned.

import { foldKey, nameTokenKeys } from '../core/keys';
import type { ArchiveRecord } from '../core/record';
import { TABLE_SCHEMA } from './table-schema';

export const NO_DATE = '0000-00-00';

/** The date a document sorts and filters by: the meeting, else publication. */
export const sortDate = (r: Pick<ArchiveRecord, 'eventDate' | 'publishedDate'>): string =>
  r.eventDate ?? r.publishedDate ?? NO_DATE;

export type IndexItem = Record<string, string> & { pk: string; sk: string };

export const docPk = (id: string) => `DOC#${id}`;

export const participantTerm = (token: string) => `P#${token}`;
export const organizationTerm = (name: string) => `O#${foldKey(name)}`;
export const countryTerm = (name: string) => `C#${foldKey(name)}`;
export const statusTerm = (status: string) => `S#${status}`;
export const DATE_TERM = 'D';

/** All index items (byTerm and byName) that the latest version of a document should have. */
export const indexItemsFor = (record: ArchiveRecord): IndexItem[] => {
  const pk = docPk(record.id);
  const { byTerm, byName } = TABLE_SCHEMA.indexes;
  const dated = `${sortDate(record)}#${record.id}`;
  const terms = new Map<string, string>(); // term -> sort key in byTerm
  terms.set(statusTerm(record.status), `${record.source.uploadedAt}#${record.id}`);
  if (record.status === 'processed') {
    terms.set(DATE_TERM, dated);
    // Transliteration-tolerant keys (nameTokenKeys): "Japarov" finds "Sadyr Zhaparov".
    for (const p of record.participants) for (const t of nameTokenKeys(p.name)) terms.set(participantTerm(t), dated);
    for (const o of record.organizations) {
      terms.set(organizationTerm(o.name), dated);
      if (o.acronym) terms.set(organizationTerm(o.acronym), dated);
    }
    for (const c of record.countries) terms.set(countryTerm(c), dated);
  }
  const items: IndexItem[] = [];
  for (const [term, gsk] of terms) {
    if (term.length > 1 && term.endsWith('#')) continue; // an empty fold ("?!") indexes nothing
    items.push({ pk, sk: `IX#${term}`, [byTerm.partitionKey]: term, [byTerm.sortKey]: gsk });
  }
  if (record.status === 'processed') {
    const seen = new Set<string>();
    for (const p of record.participants) {
      const key = foldKey(p.name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      items.push({
        pk,
        sk: `NM#${key}`,
        [byName.partitionKey]: `NM#${[...key][0]}`,
        [byName.sortKey]: `${key}#${record.id}`,
        name: p.name,
      });
    }
  }
  return items;
};

export type SearchFilters = {
  from?: string;
  to?: string;
  participant?: string;
  organization?: string;
  country?: string;
  status?: 'processed' | 'rejected';
};

/** Does this record satisfy every filter? Used on each candidate an index returned. */
export const matchesFilters = (record: ArchiveRecord, f: SearchFilters): boolean => {
  if (f.status ? record.status !== f.status : record.status !== 'processed') return false;
  if (f.from || f.to) {
    const d = sortDate(record);
    if (d === NO_DATE) return false;
    if (f.from && d < f.from) return false;
    if (f.to && d > f.to) return false;
  }
  if (f.participant) {
    const wanted = nameTokenKeys(f.participant);
    const hit = record.participants.some((p) => {
      const have = new Set(nameTokenKeys(p.name));
      return wanted.every((t) => have.has(t));
    });
    if (!hit) return false;
  }
  if (f.organization) {
    const q = foldKey(f.organization);
    const hit = record.organizations.some((o) => foldKey(o.name) === q || (o.acronym && foldKey(o.acronym) === q));
    if (!hit) return false;
  }
  if (f.country) {
    const q = foldKey(f.country);
    if (!record.countries.some((c) => foldKey(c) === q)) return false;
  }
  return true;
};

/** The one term a query walks in the byTerm index: the most selective filter given. */
export const drivingTerm = (f: SearchFilters): { term: string; dated: boolean } => {
  if (f.participant) {
    const tokens = nameTokenKeys(f.participant);
    const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a), '');
    return { term: participantTerm(longest), dated: true };
  }
  if (f.organization) return { term: organizationTerm(f.organization), dated: true };
  if (f.country) return { term: countryTerm(f.country), dated: true };
  if (f.status) return { term: statusTerm(f.status), dated: false };
  return { term: DATE_TERM, dated: true };
};
