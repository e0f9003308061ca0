// Scoring an extraction against a hand-labeled record. The matching rules (documented in README.md, "Extraction
// quality"):
// - People: a predicted and a labeled person match when their keys (personKey: lower case, no diacritics) are
//   equal, or when every word of the shorter name is a word of the longer one ("Lula" and "Luiz Inácio Lula da
//   Silva", "Xi" and "Xi Jinping"; initials are ignored). Matching is one-to-one, exact keys first.
// - Organizations: equal canonical keys (normalizeOrganization: folded, "the" and a trailing legal form dropped, known
//   aliases and acronyms resolved), or the acronym of one equal to the name or acronym of the other. One-to-one.
// - Countries: equal after normalizeCountry (English short names).
// - eventDate: exactly equal (null = null counts as right). Location: place (folded, a trailing "City" left out:
//   "Davao City" = "Davao"), country (by its short name, as countries are) and virtual all equal.
// - Junk people: a predicted person (participant or mentioned) who matches no labeled person at all; counted as
//   "title" when every word is a title or honorific word, "byline" when the name is printed in a byline or a
//   credit line of the source ("By …", "Reporting by …", "Editor: …", "Photo: …").
import { normalizeCountry, normalizeOrganization, personKey } from '../../lambdas/core/extract';
import { isTitleWord } from '../../lambdas/core/extract/titles';
import { foldKey } from '../../lambdas/core/keys';
import type { Label } from './corpus';

export type Predicted = {
  eventDate: string | null;
  location: { place: string | null; country: string | null; virtual: boolean } | null;
  participants: { name: string }[];
  mentionedPeople: { name: string }[];
  organizations: { name: string; acronym?: string | null }[];
  countries: string[];
};

export type Counts = { tp: number; fp: number; fn: number };
export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export const prf = (c: Counts): { p: number; r: number; f1: number } => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

/** One-to-one matching: exact pairs first, then loose pairs, in order. Returns matched pairs by index. */
function match<P, L>(
  pred: P[],
  labels: L[],
  exact: (p: P, l: L) => boolean,
  loose: (p: P, l: L) => boolean,
): { pairs: [number, number][]; unmatchedPred: number[]; unmatchedLabel: number[] } {
  const usedP = new Set<number>();
  const usedL = new Set<number>();
  const pairs: [number, number][] = [];
  for (const rule of [exact, loose]) {
    pred.forEach((p, i) => {
      if (usedP.has(i)) return;
      const j = labels.findIndex((l, k) => !usedL.has(k) && rule(p, l));
      if (j >= 0) {
        usedP.add(i);
        usedL.add(j);
        pairs.push([i, j]);
      }
    });
  }
  return {
    pairs,
    unmatchedPred: pred.map((_, i) => i).filter((i) => !usedP.has(i)),
    unmatchedLabel: labels.map((_, j) => j).filter((j) => !usedL.has(j)),
  };
}

const words = (name: string): string[] =>
  personKey(name)
    .split(/[\s-]+/)
    .filter((w) => w.length > 1);

/** Same key, or every word of the shorter name is a word of the longer one. */
export const samePerson = (a: string, b: string): boolean => {
  if (personKey(a) === personKey(b)) return true;
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.every((w) => long.has(w));
};

function score<P, L>(
  pred: P[],
  labels: L[],
  exact: (p: P, l: L) => boolean,
  loose: (p: P, l: L) => boolean,
  show: (x: P | L) => string,
): { counts: Counts; extra: string[]; missing: string[] } {
  const m = match(pred, labels, exact, loose);
  return {
    counts: { tp: m.pairs.length, fp: m.unmatchedPred.length, fn: m.unmatchedLabel.length },
    extra: m.unmatchedPred.map((i) => show(pred[i])),
    missing: m.unmatchedLabel.map((j) => show(labels[j])),
  };
}

const nameOf = (x: { name: string }) => x.name;
const people = (pred: { name: string }[], labels: { name: string }[]) =>
  score(
    pred,
    labels,
    (p, l) => personKey(p.name) === personKey(l.name),
    (p, l) => samePerson(p.name, l.name),
    nameOf,
  );

const orgKey = (name: string) => normalizeOrganization(name);
const acronymKey = (s: string | null | undefined) => (s ? foldKey(s.replace(/\./g, '')) : null);
const orgs = (pred: Predicted['organizations'], labels: Label['organizations']) =>
  score(
    pred,
    labels,
    (p, l) => orgKey(p.name) === orgKey(l.name),
    (p, l) => {
      const pa = acronymKey(p.acronym);
      const la = acronymKey(l.acronym);
      return (
        (!!pa && (pa === la || pa === acronymKey(l.name))) ||
        (!!la && la === acronymKey(p.name)) ||
        orgKey(p.acronym ?? '') === orgKey(l.name) ||
        orgKey(p.name) === orgKey(l.acronym ?? '\u0000')
      );
    },
    (o) => (o.acronym ? `${o.name} (${o.acronym})` : o.name),
  );

const countryOf = (c: string) => normalizeCountry(c) ?? foldKey(c);
const countries = (pred: string[], labels: string[]) =>
  score(
    [...new Set(pred.map(countryOf))],
    [...new Set(labels.map(countryOf))],
    (p, l) => p === l,
    () => false,
    String,
  );

/** A place by its folded name, without apostrophes ("Nukuʻalofa" is "Nuku'alofa") or a trailing "City" ("Davao City" is Davao). */
const placeKey = (place: string) => foldKey(place.replace(/[ʻ’']/g, '')).replace(/ city$/, '');
const sameLocation = (a: Predicted['location'], b: Label['location']): boolean => {
  const norm = (x: Predicted['location']) =>
    x && (x.place || x.country || x.virtual)
      ? {
          place: x.place ? placeKey(x.place) : null,
          country: x.country ? countryOf(x.country) : null,
          virtual: !!x.virtual,
        }
      : null;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

const CREDIT =
  /^\s*(?:by|reporting by|additional reporting by|editing by|writing by|edited by|editor|photo|photos|credit|written by|text|author)\b[\s:]/i;

export type JunkKind = 'title' | 'byline' | 'unlabeled';

/** Why a predicted person who matches no label was taken: a bare title, a byline name, or anything else. */
export function junkKind(name: string, source: string): JunkKind {
  const ws = foldKey(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  if (ws.length > 0 && ws.every((w) => isTitleWord(w) || HONORIFIC_WORDS.has(w))) return 'title';
  const key = personKey(name);
  for (const raw of source.split(/\n|\(|<p[^>]*>|<\/p>/)) {
    const line = raw.replace(/<[^>]+>/g, ' ');
    if (CREDIT.test(line) && personKey(line).includes(key)) return 'byline';
    if (/\b(?:by|editing by|reporting by)\s/i.test(line) && /^\s*\(?\s*(?:reporting|editing|writing)\b/i.test(line))
      if (personKey(line).includes(key)) return 'byline';
  }
  return 'unlabeled';
}
const HONORIFIC_WORDS = new Set('mr mrs ms dr prof sir dame he hon rt excellency his her the cllr sheikh'.split(' '));

export type DocScore = {
  participants: Counts;
  people: Counts;
  organizations: Counts;
  countries: Counts;
  eventDate: boolean;
  location: boolean;
  junk: { name: string; kind: JunkKind }[];
  diff: string[];
};

export function scoreDocument(pred: Predicted, label: Label, source: string): DocScore {
  const part = people(pred.participants, label.participants);
  const allPred = dedupePeople([...pred.participants, ...pred.mentionedPeople]);
  const allLabel = [...label.participants, ...label.mentionedPeople];
  const all = people(allPred, allLabel);
  const o = orgs(pred.organizations, label.organizations);
  const c = countries(pred.countries, label.countries);
  const eventDate = pred.eventDate === label.eventDate;
  const location = sameLocation(pred.location, label.location);
  const junk = all.extra.map((name) => ({ name, kind: junkKind(name, source) }));
  const diff: string[] = [];
  const line = (what: string, r: { extra: string[]; missing: string[] }) => {
    if (r.extra.length) diff.push(`  ${what} extra:   ${r.extra.join('; ')}`);
    if (r.missing.length) diff.push(`  ${what} missing: ${r.missing.join('; ')}`);
  };
  line('participants', part);
  line('people', all);
  line('orgs', o);
  line('countries', c);
  if (!eventDate) diff.push(`  eventDate: got ${pred.eventDate}, want ${label.eventDate}`);
  if (!location) diff.push(`  location: got ${JSON.stringify(pred.location)}, want ${JSON.stringify(label.location)}`);
  return {
    participants: part.counts,
    people: all.counts,
    organizations: o.counts,
    countries: c.counts,
    eventDate,
    location,
    junk,
    diff,
  };
}

/** One entry per person key (a baseline may list a name twice). */
export function dedupePeople<T extends { name: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = personKey(p.name);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
