// Index items of a record (table-schema.ts has the layout), and the matching rules queries use to
// re-check candidates. Index items carry only keys (and, for names, the printed names); every
// search candidate is re-checked against the document's latest record, so an index entry left
// stale for a moment (a crash between writes) is never returned.

import { foldKey, nameTokenKeys, phoneticToken } from '../core/keys';
import type { ArchiveRecord } from '../core/record';

export const NO_DATE = '0000-00-00';

/** The date a document sorts and filters by: the meeting, else publication. */
export const sortDate = (r: Pick<ArchiveRecord, 'eventDate' | 'publishedDate'>): string =>
  r.eventDate ?? r.publishedDate ?? NO_DATE;

/** One index item: keys, plus `n` (the printed names with this token, one per line) on name items. */
export type IndexItem = { pk: string; sk: string; n?: string };

/**
 * DynamoDB's key size limits (UTF-8 bytes). No stored item can have a longer key, and DynamoDB
 * rejects a query whose key value is longer (ValidationException), so such a query has no answer.
 */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export const docPk = (id: string) => `DOC#${id}`;
/** The document id at the end of an index item's sort key (`…#<id>`; ids have no `#`). */
export const idOfIndexItem = (item: Pick<IndexItem, 'sk'>) => item.sk.slice(item.sk.lastIndexOf('#') + 1);

export const DATE_TERM = 'D';
export const REJECTED_TERM = 'S#rejected';
export const organizationTerm = (name: string) => `O#${foldKey(name)}`;
/** Organization aliases: partition `A#<folded name>`, sort key the folded acronym (see organizationItems). */
export const aliasPartition = (name: string) => `A#${foldKey(name)}`;
export const countryTerm = (name: string) => `C#${foldKey(name)}`;
/** Name tokens share one partition per first letter, so that a prefix of a token is one Query. */
export const participantPartition = (token: string) => `P#${[...token][0] ?? ''}`;

/**
 * The participant keys a name is indexed under: its nameTokenKeys without the hyphenated compounds
 * ("kasim-jomart"), whose parts ("kasim", "jomart") are indexed and find the same documents.
 */
export const indexTokens = (name: string): string[] => nameTokenKeys(name).filter((t) => !t.includes('-'));

/** All index items that the latest version of a document should have. */
export const indexItemsFor = (record: ArchiveRecord): IndexItem[] => {
  const items = new Map<string, IndexItem>();
  const add = (item: IndexItem) => {
    if (bytes(item.pk) > MAX_PARTITION_KEY_BYTES || bytes(item.sk) > MAX_SORT_KEY_BYTES) return;
    items.set(`${item.pk}\u0000${item.sk}`, item);
  };
  if (record.status !== 'processed') {
    add({ pk: REJECTED_TERM, sk: `${record.source.uploadedAt}#${record.id}` });
    return [...items.values()];
  }
  const dated = `${sortDate(record)}#${record.id}`;
  add({ pk: DATE_TERM, sk: dated });
  // Transliteration-tolerant keys (nameTokenKeys): "Japarov" finds "Sadyr Zhaparov".
  const names = new Map<string, string[]>();
  for (const p of record.participants)
    for (const t of indexTokens(p.name)) {
      const list = names.get(t) ?? [];
      if (!list.includes(p.name)) list.push(p.name);
      names.set(t, list);
    }
  for (const [t, list] of names) add({ pk: participantPartition(t), sk: `${t}#${dated}`, n: list.join('\n') });
  const termed = (term: string) => {
    if (!term.endsWith('#')) add({ pk: term, sk: dated }); // an empty fold ("?!") indexes nothing
  };
  for (const o of record.organizations) for (const term of organizationTerms(o)) termed(term);
  for (const c of record.countries) termed(countryTerm(c));
  return [...items.values()];
};

type Organization = ArchiveRecord['organizations'][number];

/** Does this organization go into the index under its acronym only (its name reaching it through an alias item)? */
const aliased = (o: Organization): boolean => {
  const acronym = o.acronym ? foldKey(o.acronym) : '';
  const name = foldKey(o.name);
  return (
    acronym !== '' &&
    name !== '' &&
    bytes(acronym) <= MAX_SORT_KEY_BYTES &&
    bytes(aliasPartition(o.name)) <= MAX_PARTITION_KEY_BYTES
  );
};

/**
 * The terms an organization is indexed under: its acronym when it has one, else its name. A query
 * by the name of an organization that has an acronym finds the acronym through the alias item
 * (A#<name>, <acronym>), written once per name and acronym for the whole archive, and walks both
 * terms: one index item per organization and document instead of two.
 */
export const organizationTerms = (o: Organization): string[] =>
  aliased(o) ? [organizationTerm(o.acronym ?? '')] : [organizationTerm(o.name)];

/** The alias items a record's organizations need (shared by every document naming them; never deleted). */
export const aliasItemsFor = (record: ArchiveRecord): IndexItem[] => {
  const items = new Map<string, IndexItem>();
  if (record.status !== 'processed') return [];
  for (const o of record.organizations)
    if (aliased(o)) {
      const item = { pk: aliasPartition(o.name), sk: foldKey(o.acronym ?? '') };
      items.set(`${item.pk}\u0000${item.sk}`, item);
    }
  return [...items.values()];
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

/**
 * The one run of index items a query walks: partition `pk`, sort keys starting with `prefix`
 * (then `<date>#<id>`), for the most selective filter given. `dated`: the sort key after the
 * prefix starts with the document's date, so a date range narrows the walk. Null: nothing can match.
 */
export type DrivingKey = { pk: string; prefix: string; dated: boolean };

export const drivingKey = (f: SearchFilters): DrivingKey | null => {
  const fit = (k: DrivingKey) =>
    bytes(k.pk) <= MAX_PARTITION_KEY_BYTES && bytes(k.prefix) < MAX_SORT_KEY_BYTES ? k : null;
  if (f.participant) {
    const tokens = indexTokens(f.participant);
    if (tokens.length === 0) return null;
    const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
    return fit({ pk: participantPartition(longest), prefix: `${longest}#`, dated: true });
  }
  const termed = (term: string) => (term.endsWith('#') ? null : fit({ pk: term, prefix: '', dated: true }));
  if (f.organization) return termed(organizationTerm(f.organization));
  if (f.country) return termed(countryTerm(f.country));
  if (f.status === 'rejected') return { pk: REJECTED_TERM, prefix: '', dated: false };
  return { pk: DATE_TERM, prefix: '', dated: true };
};

/**
 * How GET /participants?prefix= reads the name items: the person matches when every whole word of
 * the prefix is one of their name keys and the last (maybe partial) word starts one of them, both
 * compared as participant search compares names (folded, transliteration-tolerant: "zha" and "ja"
 * find "Zhaparov"), or when the last word starts one of their printed name words ("tokay" finds
 * "Tokayev", whose key is "tokaev"). The walk: the items of the longest whole word; else the key
 * ranges the partial word can begin once complete, since a letter group may fold differently when
 * its next letter comes ("z" may be the start of "zh", which folds to "j"; "tokay" of "tokaye",
 * which folds to "tokae"). Null: the prefix has no word.
 */
export type DirectoryPlan = {
  /** The key ranges to read, each a partition and a sort key prefix (several only for a partial word). */
  ranges: { pk: string; begins: string }[];
  /** Does a person of that name match the prefix? */
  matches: (name: string) => boolean;
};

// Letters that can follow a typed prefix and change how its end folds (phoneticToken's letter groups).
const FOLD_CONTINUATIONS = ['', 'h', 'j', 'zh', 'a', 'e', 'o', 'u'];

export const directoryPlan = (prefix: string): DirectoryPlan | null => {
  const words = foldKey(prefix)
    .split(/[ -]+/)
    .filter((w) => w.length > 0);
  const last = words.pop();
  if (last === undefined) return null;
  const whole = words.map(phoneticToken).filter((w) => w.length > 0);
  const partial = phoneticToken(last);
  const matches = (name: string) => {
    const keys = indexTokens(name);
    if (!whole.every((w) => keys.includes(w))) return false;
    if (partial && keys.some((k) => k.startsWith(partial))) return true;
    return foldKey(name)
      .split(/[ -]+/)
      .some((w) => w.startsWith(last));
  };
  let begins: string[];
  if (whole.length > 0) begins = [`${whole.reduce((a, b) => (b.length > a.length ? b : a))}#`];
  else {
    const candidates = new Set(FOLD_CONTINUATIONS.map((c) => phoneticToken(last + c)));
    if (last.length > 1) candidates.add(phoneticToken(last.slice(0, -1)));
    // A range inside another is read with it: keep the shortest prefixes only.
    const sorted = [...candidates].filter(Boolean).sort((a, b) => a.length - b.length);
    begins = sorted.filter((b, i) => !sorted.slice(0, i).some((shorter) => b.startsWith(shorter)));
  }
  if (begins.length === 0 || begins.some((b) => bytes(b) >= MAX_SORT_KEY_BYTES)) return null;
  return { ranges: begins.map((b) => ({ pk: participantPartition(b), begins: b })), matches };
};
