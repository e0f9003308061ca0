// Organizations: curated known bodies (data/organizations.json), acronym definitions printed in the text
// ("United Nations (UN)"), and capitalized names that end in an organization head noun ("Eurasian Economic
// Union", "Lumenta Holdings AG"). Government ministries, internal committees, initiatives and events are not
// organizations. Acronyms are linked to their full names.
import { foldKey } from '../keys';
import { isCountryName, matchCountry, matchCountryName, matchPlace, normalizeCountry } from './countries';
import orgData from './data/organizations.json' with { type: 'json' };
import { isDictionaryWord } from './dictionary';
import { isInitialToken, PhraseIndex, type Sentence, span, stripDiacritics, type Token } from './text';
import {
  isCommonWord,
  isGivenName,
  isKnownName,
  isTitleWord,
  matchHonorific,
  matchTitleCore,
  mayOpenHonorific,
} from './titles';

export type OrganizationRef = { name: string; acronym: string | null };

type Known = { name: string; acronym: string | null };

const knownIndex = new PhraseIndex<{ org: Known; viaAcronym: boolean }>(true);
const acronymToName = new Map<string, string>();
const namesByAcronym = new Map<string, string[]>();
const aliasKey = new Map<string, string>();
const HEADS = new Set(orgData.heads);
const INTERNAL = new Set(orgData.internalHeads);
const LEGAL = new Set(orgData.legalSuffixes);
const HEADS_FIRST = new Set(orgData.headsFirst);
const ROMANCE_LINKS = new Set([
  'de',
  'du',
  'des',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'la',
  'le',
  'los',
  'las',
  'y',
  'e',
  'et',
  // (Catalan: "Sindicat de Treballadors de l'Hostaleria i el Turisme de Catalunya")
  'i',
  'el',
  'els',
]);
const NOT_ORG = new Set(orgData.notOrganizations);
/** A Romance article or preposition elided onto a capitalized word: "l'Electricité", "d'Electricité", "dell'Acqua". */
const ELIDED = /^(?:l|d|dell|dall|all|nell|sull)['’]\p{Lu}/u;
const CONNECTORS = new Set(['and', '&', 'for', 'on', 'of', 'the', 'in', 'de', 'du', 'des', 'la', 'le']);

// "Tidewater Pipeline Holdings LP", "Cypress Bayou Energy, Inc.", "Grupo Energético del Norte, S.A. de C.V.": a
// legal form is no part of the body's key, so a search without it finds it.
const LEGAL_TAIL = new RegExp(
  `(?:,?\\s+(?:de\\s+)?(?:${[...LEGAL].map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')}))+\\s*$`,
);
const rawKey = (s: string): string =>
  foldKey(stripDiacritics(s.replace(LEGAL_TAIL, '') || s).replace(/[’']s\b/g, ''))
    .replace(/^the /, '')
    .replace(/\borganisation\b/g, 'organization')
    .replace(/\bprogramme\b/g, 'program')
    .replace(/\bco-operation\b/g, 'cooperation');

for (const k of orgData.known) {
  const org: Known = { name: k.name, acronym: k.acronym ?? null };
  knownIndex.add(k.name, { org, viaAcronym: false });
  for (const a of k.aliases) {
    const isAcr = /^[A-Z.]+$/.test(a);
    knownIndex.add(a, { org, viaAcronym: isAcr });
    aliasKey.set(rawKey(a), rawKey(k.name));
  }
  if (k.acronym) {
    knownIndex.add(k.acronym, { org, viaAcronym: true });
    acronymToName.set(k.acronym, k.name);
    namesByAcronym.set(k.acronym, [k.name, ...k.aliases]);
    aliasKey.set(rawKey(k.acronym), rawKey(k.name));
  }
}

/** Canonical lookup key for an organization name or acronym: "SCO", "the Shanghai Cooperation Organisation" → "shanghai cooperation organization". */
const orgKeyCache = new Map<string, string>();

export function normalizeOrganization(q: string): string {
  if (typeof q !== 'string') return '';
  let key = orgKeyCache.get(q);
  if (key === undefined) {
    key = orgKey(q);
    if (orgKeyCache.size > 20_000) orgKeyCache.clear();
    orgKeyCache.set(q, key);
  }
  return key;
}

function orgKey(q: string): string {
  const compact = q.trim().replace(/^the\s+/i, '');
  const upper = compact.replace(/\./g, '');
  if (acronymToName.has(upper)) return rawKey(acronymToName.get(upper)!);
  const key = rawKey(compact);
  return aliasKey.get(key) ?? key;
}

const ACRONYM = /^(?:[A-Z][A-Za-z0-9&]*[A-Z0-9](?:-[A-Z][A-Za-z0-9&]*[A-Z0-9])*|(?:[A-Z]\.){2,}|[A-Z]{2,}\d*)$/;
const isAcronymToken = (t: Token | undefined): boolean =>
  !!t && ACRONYM.test(t.text) && (t.text.match(/[A-Z]/g)?.length ?? 0) >= 2;

/** Does the acronym fit the phrase: its letters in order, the first one starting the phrase. */
function acronymFits(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const text = words.join(' ').toLowerCase();
  if (!letters || text[0] !== letters[0]) return false;
  // Significant words' initials must cover most letters (avoids matching "Europe Facility" to "EF…" by chance).
  let pos = 0;
  for (const ch of letters) {
    const found = text.indexOf(ch, pos);
    if (found < 0) return false;
    pos = found + 1;
  }
  const initials = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return initials >= Math.min(letters.length, 2) - 1;
}

/** Per-document organization knowledge: acronyms defined in the text, plus the curated list. */
export class OrganizationContext {
  private readonly defined = new PhraseIndex<OrganizationRef>(true);
  readonly found = new Map<string, OrganizationRef & { order: number }>();
  private order = 0;

  define(name: string, acronym: string | null): void {
    const ref = this.record(name, acronym);
    this.defined.add(name, ref);
    if (acronym) this.defined.add(acronym, ref);
  }

  /** A short name the text gives for an organization it defined ("Kitaura Reizo"). */
  alias(short: string, name: string): void {
    const ref = this.found.get(normalizeOrganization(name));
    if (ref) this.defined.add(short, ref);
  }

  record(name: string, acronym: string | null): OrganizationRef {
    // ("Almaty-based Eurasian Logistics Institute", "Vancouver-listed Borealis Copper Corp.": where it is based or
    // listed is no part of its name; nor is the acronym of the body that owns it, "UNESCO's World Heritage Centre")
    const clean = name
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[\p{L}][\p{L}.-]*-(?:based|listed|owned|backed|headquartered|registered)\s+(?=\p{Lu})/u, '')
      .replace(/^\p{Lu}{2,}[\p{Lu}\d&-]*['’]s\s+(?=\p{Lu}\S*\s+\S)/u, '')
      // ("Tuesday's Antwerp Chemical Logistics Forum": a day's, not part of the name)
      .replace(/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)['’]s\s+(?=\p{Lu})/u, '');
    // "Bank of South Sudan and the Central Bank of Somalia", "KU Leuven and Hanoi Architectural University": two
    // bodies, each with its head noun (not "Institute of Water and Flood Management", one body).
    const pair = / and (?:the )?(?=\p{Lu})/u.exec(clean);
    if (pair && !acronym) {
      const left = clean.slice(0, pair.index);
      const right = clean.slice(pair.index + pair[0].length);
      const headed = (x: string) => x.split(/[\s,]+/).some((w) => HEADS.has(w) || HEADS_FIRST.has(w));
      const whole = (x: string) => /\p{Lu}/u.test(x[0] ?? '') && !/ and /.test(x);
      if (
        whole(left) &&
        whole(right) &&
        headed(right) &&
        (headed(left) || acronymToName.has(left.split(' ')[0])) &&
        !/,/.test(left)
      ) {
        this.record(right, null);
        return this.record(left, null);
      }
    }
    const key = normalizeOrganization(clean);
    const existing = this.found.get(key);
    if (existing) {
      if (acronym && !existing.acronym) existing.acronym = acronym;
      // Prefer the mixed-case rendering over an all-caps heading.
      if (existing.name === existing.name.toUpperCase() && clean !== clean.toUpperCase()) existing.name = clean;
      return existing;
    }
    const ref = { name: clean, acronym, order: this.order++ };
    this.found.set(key, ref);
    return ref;
  }

  /** Whether a found organization's name ends in these words, printed after `before` ("… and Flood Management"). */
  endsWithin(before: string, words: string): boolean {
    if (this.tailsFor !== this.found.size) {
      // every tail of every name, two words or more: one set lookup per question, not a pass over the names
      this.tails.clear();
      for (const o of this.found.values()) {
        const w = o.name.split(' ');
        for (let k = 0; k + 1 < w.length; k++) this.tails.add(w.slice(k).join(' '));
      }
      this.tailsFor = this.found.size;
    }
    return this.tails.has(`${before} ${words}`);
  }
  private readonly tails = new Set<string>();
  private tailsFor = -1;

  /** A known or defined organization (by name, alias or acronym) starting at tokens[i]. */
  matchKnown(tokens: Token[], i: number): { length: number; org: OrganizationRef; printed: string } | null {
    const d = this.defined.match(tokens, i);
    const k = knownIndex.match(tokens, i);
    if (d && (!k || d.length >= k.length))
      return { length: d.length, org: d.value, printed: tokenText(tokens, i, d.length) };
    if (k) {
      const printed = tokenText(tokens, i, k.length);
      return {
        length: k.length,
        org: { name: k.value.org.name, acronym: k.value.viaAcronym ? printed : null },
        printed,
      };
    }
    return null;
  }

  /**
   * An organization starting at tokens[i] for a person's affiliation: known or defined (optionally followed by
   * a part of it, "CBSS Secretariat"), or a capitalized name ending in a head noun. Returns the full name.
   */
  matchAt(tokens: Token[], i: number): { length: number; name: string } | null {
    const known = this.matchKnown(tokens, i);
    if (known) {
      let length = known.length;
      const next = tokens[i + length];
      if (next && (INTERNAL.has(next.text) || HEADS.has(next.text)) && next.cap) length++;
      // (the text's own definition first: "Inuit Circumpolar Council (ICC)" is not the curated ICC)
      const d = this.defined.match(tokens, i);
      const own = d && d.length >= known.length ? d.value : null;
      const full = own
        ? this.fullName(own)
        : known.org.acronym
          ? (acronymToName.get(known.org.acronym) ?? this.fullName(known.org))
          : known.org.name;
      return { length, name: full };
    }
    const generic = genericAt(tokens, i);
    return generic && !generic.internal ? { length: generic.length, name: generic.name } : null;
  }

  private fullName(org: OrganizationRef): string {
    const key = normalizeOrganization(org.name);
    return this.found.get(key)?.name ?? org.name;
  }

  list(): OrganizationRef[] {
    const all = [...this.found.values()].sort((a, b) => a.order - b.order);
    // "AU Peace and Security Council" when "Peace and Security Council (PSC)" is defined: keep the defined one.
    // "UK Competition and Markets Authority" when "Competition and Markets Authority (CMA)" is defined.
    const names = new Set(all.map((o) => o.name));
    return all
      .filter((o) => !notABody(o))
      .filter((o) => {
        const m = /^(\S+) (.+)$/.exec(o.name);
        return !(m && names.has(m[2]) && !o.acronym && (acronymToName.has(m[1]) || normalizeCountry(m[1])));
      })
      .map((o) => ({ name: o.name, acronym: o.acronym }));
  }
}

/**
 * Names the finders take for bodies that are not: laws ("Energy Sources Act"), two states' relations ("India-Japan
 * Special Strategic and Global Partnership", "Uzbek-Korean Intergovernmental Commission"), a body's meeting ("Fifth
 * Ordinary General Assembly", "Annual Congress"), news services and agencies' trust principles ("Caspian Wire
 * Service", "APW Trust"), church services ("Ash Wednesday Service").
 */
const NOT_A_BODY: RegExp[] = [
  / (?:Act|Directive|Ordinance)$/,
  /^\p{Lu}[\p{L}.]*-\p{Lu}\S*(?: \S+)*? Partnership$|\b(?:Strategic|Comprehensive|Enhanced)\b.* Partnership$/u,
  /^(?:\S+-\S+ )?(?:Joint|Intergovernmental)\b.* Commission$/,
  /^(?:(?:\S+ )?(?:Ordinary|Extraordinary|Annual|Spring|Autumn|Fall|Summer|Winter) )?General Assembly$/,
  // ("Congress of the STHTC", "Session of the Council": a body's meeting)
  /^(?:Congress|Conference|Session|Summit|Plenary|Meeting) of (?:the )?\S/,
  /\b(?:Annual|Next|Ordinary|Extraordinary|Quadrennial|Biennial) (?:\S+ )?(?:Congress|Synod|Conference)$/,
  /^(?:Annual|Next|Ordinary|Extraordinary) /,
  /\bWire\b/,
  /^(?:[A-Z]{2,5}|Thomson Reuters|\S+ (?:Press|News)) Trust$/,
  /^(?:First|Second|Third|Fourth|Fifth|Evening|Morning|Ash Wednesday|Easter|Christmas|Memorial|Closing|Opening) Service$/,
];
/** Not a body: a NOT_A_BODY name, a generic unit ("Technical Services"), a pronoun's ("That Council") or a bare legal form ("Pte Ltd"). */
function notABody(o: OrganizationRef): boolean {
  const words = o.name.split(' ');
  return (
    NOT_A_BODY.some((re) => re.test(o.name)) ||
    (words.length === 2 && /^Services?$/.test(words[1]) && isDictionaryWord(words[0]) && !o.acronym) ||
    PRONOUNS.has(words[0]) ||
    words.every((w) => LEGAL.has(w))
  );
}

/** Every significant word of `piece` is a word of a curated body's name or alias ("Scientific and Cultural
 * Organization" of UNESCO's), or the body has no longer name to compare. */
function pieceOf(piece: string, acronym: string): boolean {
  const names = namesByAcronym.get(acronym) ?? [];
  if (!names.some((n) => /\s/.test(n))) return true;
  const words = new Set(names.flatMap((n) => foldKey(n).split(/[\s,-]+/)));
  return foldKey(piece)
    .split(/[\s,-]+/)
    .filter((w) => w.length > 3)
    .every((w) => words.has(w));
}

const tokenText = (tokens: Token[], i: number, length: number): string =>
  tokens
    .slice(i, i + length)
    .map((t) => t.text)
    .join(' ')
    .replace(/ (['’]s)\b/g, '$1')
    .replace(/(\p{L}s) (['’]) (?=\p{Lu})/gu, '$1$2 ')
    .replace(/ ([,;:)])/g, '$1')
    .replace(/\( /g, '(');

const capWord = (t: Token | undefined): boolean => !!t && t.word && t.cap;
/** A bare apostrophe after a capitalized plural, inside a name: "Workers' Union", "Planters' Association". */
const pluralApostrophe = (tokens: Token[], k: number): boolean =>
  /^['’]$/.test(tokens[k]?.text ?? '') &&
  k > 0 &&
  capWord(tokens[k - 1]) &&
  /s$/.test(tokens[k - 1].text) &&
  tokens[k - 1].end === tokens[k].start &&
  capWord(tokens[k + 1]);

/**
 * A capitalized name ending in an organization head noun or a legal suffix, starting exactly at tokens[i]:
 * "Eurasian Economic Union", "China-SCO Business and Trade Institute", "Lumenta Holdings AG", "University of Galway".
 */
function genericAt(tokens: Token[], i: number): { length: number; name: string; internal: boolean } | null {
  const first = tokens[i];
  if (!capWord(first) || first.text === 'The' || isInitialToken(first.text) || HONORIFIC_STOP.has(first.text))
    return null;
  // "Conseil du Café-Cacao", "Comisión Europea", "Banco Central do Brasil": a Romance head noun comes first.
  if (HEADS_FIRST.has(first.text)) {
    let e = i + 1;
    let last = -1;
    while (e < tokens.length && e - i < 10) {
      const t = tokens[e];
      if ((capWord(t) && !HONORIFIC_STOP.has(t.text) && !isInitialToken(t.text)) || ELIDED.test(t.text)) last = e;
      // "de la Red", "de los Andes": two links in a row before the next capitalized word; "de l'Electricité et du
      // Gaz", "d'Electricité": an elided article or link joined to the word
      else if (
        !(
          ROMANCE_LINKS.has(t.text) &&
          (capWord(tokens[e + 1]) ||
            ELIDED.test(tokens[e + 1]?.text ?? '') ||
            (ROMANCE_LINKS.has(tokens[e + 1]?.text ?? '') && capWord(tokens[e + 2])))
        )
      )
        break;
      e++;
    }
    if (last > i && !tokens.slice(i, last + 1).some((w) => NOT_ORG.has(w.text)))
      return { length: last - i + 1, name: tokenText(tokens, i, last - i + 1), internal: false };
  }
  let j = i;
  let lastHead = -1;
  let internal = false;
  while (j < tokens.length && j - i < 12) {
    const t = tokens[j];
    // A person's honorific, an initial or an office ends any organization's name.
    if (j > i && (isInitialToken(t.text) || HONORIFIC_STOP.has(t.text))) break;
    if (capWord(t) || isAcronymToken(t)) {
      if (LEGAL.has(t.text) && j > i) {
        lastHead = j;
        internal = false;
        // "Kitaura Reizo Co., Ltd."
        if (tokens[j + 1]?.text === ',' && LEGAL.has(tokens[j + 2]?.text ?? '')) {
          lastHead = j + 2;
          j += 3;
        } else if (LEGAL.has(tokens[j + 1]?.text ?? '')) {
          // "Acumen Scrutineers Pte. Ltd.", "Sdn. Bhd."
          lastHead = j + 1;
          j += 2;
        } else j++;
        // "Nordfjell Securities AS and Skagerak Markets AB": a legal suffix ends one company.
        break;
      }
      if (HEADS.has(t.text) || INTERNAL.has(t.text)) {
        lastHead = j;
        internal = INTERNAL.has(t.text) || (t.text === 'Group' && tokens[j - 1]?.text === 'Working');
      }
      j++;
      continue;
    }
    // "People's Committee", "Children's Fund", "Plantation Workers' Union"
    if (
      (/^['’]s$/i.test(t.text) || pluralApostrophe(tokens, j)) &&
      capWord(tokens[j + 1]) &&
      j > i &&
      !matchCountryName(tokens, j - 1)
    ) {
      j++;
      continue;
    }
    // "Business and Trade Institute", "University of Galway", "Port of Rotterdam Authority", "Union for the
    // Mediterranean", "Southland Chamber of Commerce".
    if ((t.text === 'and' || t.text === '&' || t.text === 'und') && capWord(tokens[j + 1])) {
      j++;
      continue;
    }
    if ((t.text === 'of' || t.text === 'for') && j > i) {
      const k = tokens[j + 1]?.text === 'the' ? j + 2 : j + 1;
      // "Council of Heads of State" is an organ; "Council of Ministers" of a named body ("IOC Council of
      // Ministers", "Council of Ministers of the Gulf of Guinea Commission") is the body's organ that meets.
      // A state's Council of Ministers is its government, not an organization.
      const ofAt = k + (tokens[k].text === 'Foreign' ? 2 : 1);
      const ofWhom = tokens[ofAt + 1]?.text === 'the' ? ofAt + 2 : ofAt + 1;
      const ministers =
        /^(?:Ministers|Foreign)$/.test(tokens[k].text) &&
        (isAcronymToken(first) ||
          acronymToName.has(first.text) ||
          (tokens[ofAt]?.text === 'of' && !matchCountryName(tokens, ofWhom) && !matchCountry(tokens, ofWhom)));
      if (capWord(tokens[k]) && (ministers || !/^(?:Heads|Ministers|Directors|Foreign|State)$/.test(tokens[k].text))) {
        if (lastHead === j - 1) {
          // Head first: the name runs to the end of the capitalized phrase.
          let e = k;
          while (
            e < tokens.length &&
            e - i < 14 &&
            (capWord(tokens[e]) ||
              // ("London School of Hygiene & Tropical Medicine")
              ((tokens[e].text === 'and' ||
                tokens[e].text === '&' ||
                tokens[e].text === 'of' ||
                tokens[e].text === 'for') &&
                capWord(tokens[e + 1])) ||
              // "Student Federation of the Universidad Técnica del Maule": a Romance link inside the name
              (e > k && ROMANCE_LINKS.has(tokens[e].text) && capWord(tokens[e + 1])) ||
              // "Development Bank of Latin America and the Caribbean", "Council of Ministers of the Gulf of …"
              ((tokens[e].text === 'and' || (tokens[e].text === 'of' && e > k)) &&
                tokens[e + 1]?.text === 'the' &&
                capWord(tokens[e + 2])) ||
              (tokens[e].text === 'the' && tokens[e - 1]?.text === 'and' && capWord(tokens[e + 1])) ||
              (tokens[e].text === 'the' && tokens[e - 1]?.text === 'of' && capWord(tokens[e + 1])))
          ) {
            if (HONORIFIC_STOP.has(tokens[e].text) || isInitialToken(tokens[e].text)) break;
            // ("School of Humanities Associate Professor Tamsin Hollingworth": an office and a name end it)
            if (e > k && TITLE_STOP.test(tokens[e].text) && capWord(tokens[e + 1]) && !HEADS.has(tokens[e + 1].text))
              break;
            e++;
          }
          while (e > k && !capWord(tokens[e - 1])) e--;
          // "People's Committee of Ho Chi Minh City": a body of a place is not an internal organ.
          const ofPlace =
            /^(?:Committee|Council|Board)$/.test(tokens[lastHead].text) &&
            !!(matchPlace(tokens, k) || matchCountryName(tokens, k));
          if (INTERNAL.has(tokens[lastHead].text) && lastHead === i && !ofPlace) return null;
          if (tokens.slice(i, e).some((w) => NOT_ORG.has(w.text))) return null;
          // "Union of the Comoros", "Federation of Saint Kitts and Nevis": a state's long name.
          const state = matchCountryName(tokens, i);
          if (state && state.length >= e - i) return null;
          return { length: e - i, name: tokenText(tokens, i, e - i), internal: internal && !ofPlace };
        }
        // "Port of Rotterdam Authority": only a few nouns open a name that continues past "of".
        if (j - i === 1 && OF_OPENERS.has(first.text)) {
          j = k;
          continue;
        }
      }
    }
    break;
  }
  if (lastHead < 0) return null;
  // "University Assembly Hall", "Council Chamber": a room or building named after a body.
  const after = tokens[lastHead + 1];
  if (after?.cap && (NOT_ORG.has(after.text) || VENUE_AFTER.has(after.text))) return null;
  if (
    (tokens[lastHead].text === 'Chamber' || tokens[lastHead].text === 'Chambers') &&
    lastHead > i &&
    HEADS.has(tokens[lastHead - 1].text)
  )
    return null;
  // "R. Balaji Company Secretary": the head noun is part of an office.
  if (
    /^(?:Secretary|Director|Directors|Officer|Manager|Chairman|President|Member|Members)$/.test(
      tokens[lastHead + 1]?.text ?? '',
    )
  )
    return null;
  // "Indigenous Services Canada": a country after the head noun, ending the name.
  if (HEADS.has(tokens[lastHead].text)) {
    const c = matchCountryName(tokens, lastHead + 1);
    const next = c ? tokens[lastHead + 1 + c.length] : undefined;
    if (c && !capWord(next) && next?.text !== '(' && !/^['’]s$/.test(next?.text ?? '')) lastHead += c.length;
  }
  const length = lastHead - i + 1;
  if (length < 2) return null;
  const words = tokens.slice(i, lastHead + 1);
  // A legal suffix makes a company of any words before it ("Batumi Sea Port LLC", "Indian Ocean Agri Fund Ltd").
  const company = LEGAL.has(tokens[lastHead].text);
  if (!company && words.some((w) => NOT_ORG.has(w.text))) return null;
  // "Practising Company", "Resurfacing Programme": a gerund and a head noun name no body; nor does a generic
  // qualifier and a head noun ("Local Authority", "Trade Union", "Student Council"): a kind of body, not a name.
  if (length === 2 && /ing$/.test(words[0].text)) return null;
  if (length === 2 && GENERIC_QUALIFIERS.has(words[0].text)) return null;
  // Not an organization when it is a country's long name ("United Arab Emirates", "Republic of Korea").
  const c = matchCountryName(tokens, i);
  if (c && c.length >= length && !company) return null;
  return { length, name: tokenText(tokens, i, length), internal };
}

const GOV_QUALIFIER =
  /^(?:Regional|County|Provincial|State|Federal|National|Municipal|Royal|City|Metropolitan|Autonomous|Local)$/;
const GOV_OPENER = /^(?:City|Town|Village|County|Shire|Municipality|Province|Prefecture|Canton|Borough)$/;
const GOV_HEAD = /^(?:Government|Administration|Municipality)$/;

/** A place's name of one to four capitalized words at tokens[k] (a country's long form too): its length, else 0. */
function placeNameAt(tokens: Token[], k: number): number {
  const c = matchCountryName(tokens, k);
  // ("Government of Mexico City": the city, not the country its name opens with)
  if (c) return Math.max(c.length, matchPlace(tokens, k)?.length ?? 0);
  let e = k;
  while (
    e < tokens.length &&
    e - k < 4 &&
    capWord(tokens[e]) &&
    !HEADS.has(tokens[e].text) &&
    !INTERNAL.has(tokens[e].text) &&
    !GOV_OPENER.test(tokens[e].text) &&
    !GOV_QUALIFIER.test(tokens[e].text)
  )
    e++;
  return e - k;
}

/**
 * A government of a place, which the labels count as an organization though a ministry is not: "Government of
 * Ghana", "Regional Government of Tacna", "County Government of Murang'a", "City of Leipzig", "Municipality of
 * Cuenca", "Province of Styria", "Addis Ababa City Administration", "Scottish Government". Its length, else 0.
 */
function governmentAt(tokens: Token[], i: number): number {
  let j = i;
  if (!(GOV_OPENER.test(tokens[i].text) && tokens[i + 1]?.text === 'of'))
    while (j - i < 2 && GOV_QUALIFIER.test(tokens[j]?.text ?? '')) j++;
  const opener = tokens[j]?.text === 'Government' || (j === i && GOV_OPENER.test(tokens[j]?.text ?? ''));
  if (opener && tokens[j + 1]?.text === 'of') {
    const k = tokens[j + 2]?.text === 'the' ? j + 3 : j + 2;
    const n = placeNameAt(tokens, k);
    // ("City of Edinburgh Council": the council of the city so named)
    if (n > 0 && j === i && tokens[k + n]?.text === 'Council') return k + n + 1 - i;
    return n > 0 ? k + n - i : 0;
  }
  // "<Place> City Administration", "Scottish Government": a proper name, a qualifier or none, then the head.
  if (j !== i) return 0;
  const n = placeNameAt(tokens, i);
  if (n === 0 || n > 3 || GOV_QUALIFIER.test(tokens[i].text)) return 0;
  let h = i + n;
  if (GOV_QUALIFIER.test(tokens[h]?.text ?? '') && !GOV_HEAD.test(tokens[i + n - 1].text)) h++;
  // (the place's own words may end in the head: "Flesberg Municipality" is read by the head-noun rule already)
  if (GOV_HEAD.test(tokens[h]?.text ?? '') && tokens[h + 1]?.text !== 'of') return h + 1 - i;
  return 0;
}

const countLinks = (words: Token[]): number => words.filter((w) => w.word && !w.cap && CONNECTORS.has(w.text)).length;

/** "NCDC Nigeria Centre for Disease Control": an acronym at tokens[i] followed by the name it spells. */
function acronymFirst(tokens: Token[], i: number): { name: string } | null {
  if (!isAcronymToken(tokens[i]) || (i > 0 && tokens[i - 1].word && tokens[i - 1].cap)) return null;
  const g = genericAt(tokens, i + 1);
  if (!g || g.internal) return null;
  const words = tokens.slice(i + 1, i + 1 + g.length);
  const initials = words
    .filter((w) => capWord(w))
    .map((w) => w.text[0])
    .join('');
  const letters = tokens[i].text.replace(/[^A-Za-z]/g, '');
  if (initials.toUpperCase() === letters.toUpperCase() || acronymFits(tokens[i].text, g.name.split(/\s+/)))
    return { name: g.name };
  return null;
}

/** A capitalized word that could be a body's name: not a country, place, title, common word or given name. */
const PUBLIC_OFFICE = /^(?:governor|minister|mayor|premier|senator|councillor|councilor|deputy|mp|mla)$/;
const PRONOUNS = new Set(['Its', 'Their', 'His', 'Her', 'Our', 'Your', 'This', 'That', 'These', 'Those', 'Each']);

function bareName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!capWord(t) || t.text.length < 3 || LEADING_SKIP.has(t.text) || HONORIFIC_STOP.has(t.text)) return false;
  if (PRONOUNS.has(t.text) || !/\p{Ll}/u.test(t.text) || HEADS.has(t.text) || INTERNAL.has(t.text)) return false;
  if (isTitleWord(t.lower) || isCommonWord(t.text) || isGivenName(t.text) || NOT_ORG.has(t.text)) return false;
  return !matchCountry(tokens, i) && !matchPlace(tokens, i) && matchTitleCore(tokens, i) < 0;
}

/**
 * A one-word name that employs the office after it: "Elering chief executive Kristjan Saar", "Acme's chief
 * executive, Jane Doe": a brand-like body with no head noun, known by the office it gives a named person.
 */
function employerAt(tokens: Token[], i: number): number {
  if (capWord(tokens[i - 1])) return 0;
  // one word ("Elering"), or two whose last is a bare name ("World Athletics president Sebastian Coe")
  let length = 0;
  if (bareName(tokens, i)) length = 1;
  else if (
    capWord(tokens[i]) &&
    !PRONOUNS.has(tokens[i].text) &&
    !LEADING_SKIP.has(tokens[i].text) &&
    !HONORIFIC_STOP.has(tokens[i].text) &&
    !isTitleWord(tokens[i].lower) &&
    !matchCountry(tokens, i) &&
    !matchPlace(tokens, i) &&
    matchTitleCore(tokens, i) < 0 &&
    bareName(tokens, i + 1)
  )
    length = 2;
  if (!length) return 0;
  let k = i + length;
  if (/^['’]s$/i.test(tokens[k]?.text ?? '')) k++;
  // a company's office, printed in lower case ("chief executive"); not a public office ("Salta governor",
  // "Mobility Minister"), whose prefix is a place or a portfolio
  const e = matchTitleCore(tokens, k);
  if (e <= k || tokens[k].cap) return 0;
  if (tokens.slice(k, e).some((x) => PUBLIC_OFFICE.test(x.lower))) return 0;
  let n = e;
  if (tokens[n]?.text === ',') n++;
  while (n < tokens.length && matchHonorific(tokens, n)) n += matchHonorific(tokens, n)!.length;
  const name = tokens[n];
  return capWord(name) && capWord(tokens[n + 1]) && !isTitleWord(name.lower) && !matchCountry(tokens, n) ? length : 0;
}

/** Plural nouns for kinds of body, before an appositive list of their names ("the grid operators, A, B and C"). */
const BODY_KINDS = new Set(
  'operators companies firms utilities producers insurers lenders banks carriers airlines unions federations exporters importers buyers retailers manufacturers cooperatives distributors'.split(
    ' ',
  ),
);

/** Singular nouns for kinds of body, before the body's name ("the Nicaraguan grid operator ENATREL"). */
const BODY_KIND = new Set(
  'operator company firm utility producer insurer lender airline cooperative miner exporter importer retailer manufacturer distributor developer regulator broker'.split(
    ' ',
  ),
);

/** "the grid operator ENATREL", "the tea company Ceyloria": a name in apposition after a kind of body. */
function kindBeforeName(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (!BODY_KIND.has(tokens[k].lower) || tokens[k].cap) continue;
    const a = k + 1;
    let e = a;
    while (e < tokens.length && e - a < 3 && (capWord(tokens[e]) || isAcronymToken(tokens[e]))) e++;
    // the whole name, not the head of a longer one ("Yacimientos de Litio …")
    if (e === a || (capWord(tokens[e]) && e - a === 3)) continue;
    const next = tokens[e];
    if (next && /^['’]/.test(next.text)) continue;
    if (next && (CONNECTORS.has(next.text) || ROMANCE_LINKS.has(next.text)) && (tokens[e + 1]?.cap ?? false)) continue;
    // a person's name after an office ("company secretary Jane Doe") is no body's
    if (!isAcronymToken(tokens[a]) && !bareName(tokens, a)) continue;
    if (e - a > 1 && tokens.slice(a, e).some((t) => isGivenName(t.text) || matchHonorific(tokens, tokens.indexOf(t))))
      continue;
    out.push(tokenText(tokens, a, e - a));
  }
  return out;
}

/** Nouns for kinds of body in an appositive: "Saaristo Marine, a maker of service vessels". */
const BODY_NOUNS = new Set([
  ...BODY_KIND,
  ...'maker supplier bank group startup start-up charity co-operative consortium carrier shipyard subsidiary brand chain conglomerate association federation union foundation agency ngo nonprofit non-profit organisation organization institute university'.split(
    ' ',
  ),
]);
/** Does a comma-appositive at tokens[k] (", a maker of …", ", the port's operator") describe a kind of body? */
export function bodyAppositiveAt(tokens: Token[], k: number): boolean {
  if (tokens[k]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[k + 1]?.lower ?? '')) return false;
  // (a person's: "Rokeya Khatun, a sewing operator and shop-floor union leader"; an office as the phrase's head,
  // not as a modifier: "the state power company", "a maker of service vessels")
  for (let x = k + 2; x < Math.min(tokens.length, k + 10) && tokens[x].word && !tokens[x].cap; x++) {
    const next = tokens[x + 1];
    if (
      ((isTitleWord(tokens[x].lower) && !BODY_NOUNS.has(tokens[x].lower)) ||
        /^(?:worker|workers|activist|resident|farmer|member)$/.test(tokens[x].lower)) &&
      !(next?.word && !next.cap && !/^(?:of|from|at|in|with|for|and|who)$/.test(next.lower))
    )
      return false;
  }
  for (let x = k + 2; x < Math.min(tokens.length, k + 6) && tokens[x].word && !tokens[x].cap; x++) {
    // (the noun itself, not a modifier: "Graz, a university city")
    const next = tokens[x + 1];
    // (nor a possessor of an office: "Mihaela Țâbârnă, the association's vice-president")
    if (/^['’]s$/i.test(next?.text ?? '') && isTitleWord((tokens[x + 2]?.lower ?? '').split('-').pop() ?? ''))
      return false;
    if (
      BODY_NOUNS.has(tokens[x].lower) &&
      (!next?.word ||
        next.cap ||
        /^(?:of|in|that|which|with|based|from|for|whose|and|on|at|owned|run)$/.test(next.lower))
    )
      return true;
  }
  return false;
}

/**
 * Bodies named by the phrase around them: "Finland's Saaristo Marine, a maker of service vessels" (an appositive
 * of a kind of body), "APM Terminals Maasvlakte II managing director Ruud de Graaf" (two words or more before a
 * lower-case office and a name).
 */
function describedBodies(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let a = 0; a < tokens.length; a++) {
    if (!capWord(tokens[a]) && !isAcronymToken(tokens[a])) continue;
    if (a > 0 && (capWord(tokens[a - 1]) || isAcronymToken(tokens[a - 1]))) continue;
    // (the tail of a longer name: "Code for Graz, the local civic tech group")
    if (a > 1 && CONNECTORS.has(tokens[a - 1].text) && capWord(tokens[a - 2])) continue;
    let e = a;
    while (e < tokens.length && e - a < 5 && (capWord(tokens[e]) || isAcronymToken(tokens[e]))) e++;
    const words = tokens.slice(a, e);
    if (
      words.some((w) => isTitleWord(w.lower) || mayOpenHonorific(w.text)) ||
      LEADING_SKIP.has(words[0].text) ||
      isLegalSuffix(words[0].text) ||
      matchCountry(tokens, a) ||
      (matchPlace(tokens, a)?.length ?? 0) >= e - a
    ) {
      a = e - 1;
      continue;
    }
    let office = -1;
    if (tokens[e]?.word && !tokens[e].cap) office = matchTitleCore(tokens, e);
    if (
      (bodyAppositiveAt(tokens, e) && !isGivenName(words[0].text)) ||
      (e - a >= 2 &&
        office > e &&
        capWord(tokens[office]) &&
        !isGivenName(words[0].text) &&
        !/^['’]s?$/.test(tokens[e]?.text ?? ''))
    )
      out.push(tokenText(tokens, a, e - a));
    a = e - 1;
  }
  return out;
}

/** "the three grid operators, Elering, AST and Litgrid": the names listed after a plural kind of body. */
function appositiveBodies(tokens: Token[]): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (let k = 1; k + 2 < tokens.length; k++) {
    if (!BODY_KINDS.has(tokens[k].lower) || tokens[k].cap || tokens[k + 1].text !== ',') continue;
    const items: [string, string | null][] = [];
    let j = k + 2;
    let closed = false;
    while (j < tokens.length) {
      const a = j;
      while (capWord(tokens[j]) || isAcronymToken(tokens[j])) j++;
      if (j === a) break;
      // "Augstsprieguma tikls (AST)": a name in its own language, lower-case words and all, with its acronym.
      let l = j;
      while (l < tokens.length && l - j < 3 && tokens[l].word && !tokens[l].cap && tokens[l].lower !== 'and') l++;
      if (tokens[l]?.text === '(' && isAcronymToken(tokens[l + 1]) && tokens[l + 2]?.text === ')') {
        if (l > j) items.push([tokenText(tokens, a, l - a), tokens[l + 1].text]);
        j = l + 3;
      } else if (j - a === 1) {
        if (!bareName(tokens, a) && !isAcronymToken(tokens[a])) break;
        items.push([tokens[a].text, null]);
      }
      const sep = tokens[j]?.text;
      if (sep === 'and' || sep === '&') {
        j++;
        continue;
      }
      if (sep === ',' && tokens[j + 1]?.lower === 'and') {
        j += 2;
        continue;
      }
      if (sep === ',' && (capWord(tokens[j + 1]) || isAcronymToken(tokens[j + 1]))) {
        j++;
        continue;
      }
      closed = sep === undefined || sep === '.' || sep === ';' || sep === ',' || sep === ')';
      break;
    }
    if (closed && items.length >= 2) out.push(...items);
  }
  return out;
}

/** The start of a head-noun name that ends right before tokens[end], if any. */
function genericAtEnd(tokens: Token[], end: number): number | null {
  for (let a = Math.max(0, end - 10); a < end; a++) {
    const g = genericAt(tokens, a);
    if (g && !g.internal && a + g.length === end) return a;
  }
  return null;
}

const LEGISLATOR = new Set(['MP', 'MPs', 'MEP', 'MEPs', 'MLA', 'MSP', 'TD', 'lawmaker', 'lawmakers', 'legislator']);
const GENERIC_QUALIFIERS = new Set(
  'Local Trade Student Students Staff Parish Town City County District Municipal Works Parents Residents Tenants Employers Workers'.split(
    ' ',
  ),
);
const VENUE_AFTER = new Set(['Hall', 'Chamber', 'Chambers', 'Room', 'Building', 'Auditorium', 'Theatre', 'Campus']);
const OF_OPENERS = new Set(['Port', 'City', 'Church', 'Museum', 'College', 'School', 'Hospital', 'Bank', 'Province']);
const TITLE_STOP = /^(?:Professor|Associate|Dean|Doctor|Chancellor|Minister|Secretary|Director|Chairman|Chairperson)$/;
const HONORIFIC_STOP = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Mr', 'Mrs', 'Ms', 'Dr', 'H.E.', 'Sir', 'Dame']);

// Words that may open a capitalized run without being part of the name.
const LEADING_SKIP = new Set([
  'About',
  'The',
  'A',
  'An',
  'On',
  'In',
  'At',
  'By',
  'For',
  'From',
  'With',
  'And',
  'But',
  'Also',
  'As',
]);

const UPPER_LEGAL = new Set([...LEGAL, 'Berhad', 'Bhd', 'Pte', 'Pte.', 'Tbk', 'Oyj'].map((x) => x.toUpperCase()));

/**
 * A company's name set as an all-caps heading ("ORCHIDIA HOLDINGS LIMITED", "KESTREL OFFSHORE ASA"): the name
 * in title case, when the heading is nothing but capitalized words ending in a legal suffix.
 */
export function headingCompany(text: string): string | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 7) return null;
  if (!words.every((w) => /^[\p{Lu}\d&.,'’-]+$/u.test(w))) return null;
  if (UPPER_LEGAL.has(words[words.length - 1].replace(/,$/, '')))
    return words
      .map((w) =>
        (w.length <= 3 && /^[A-Z&.]+$/.test(w) && w !== 'LTD') || /^(?:[A-Z]\.)+$/.test(w)
          ? w
          : w[0] + w.slice(1).toLowerCase(),
      )
      .join(' ');
  // A body's masthead ("PARLIAMENT OF WESTERN AUSTRALIA", "ECONOMICS AND INDUSTRY STANDING COMMITTEE"): a head
  // noun last, or first before "OF"; connectors in lower case.
  const cased = words.map((w) =>
    /^(?:AND|OF|FOR|THE|ON)$/.test(w) ? w.toLowerCase() : w[0] + w.slice(1).toLowerCase(),
  );
  const head = (w: string) => HEADS.has(w) || INTERNAL.has(w);
  if (words.some((w) => /[.,\d]/.test(w)) || cased.some((w) => NOT_ORG.has(w))) return null;
  // (a ministry or department is part of a government, not an organization)
  if (head(cased[cased.length - 1]) || (HEADS.has(cased[0]) && !INTERNAL.has(cased[0]) && cased[1] === 'of'))
    return cased.join(' ');
  return null;
}

/** First pass over the document: acronym definitions, known organizations, and head-noun names. */
export function findOrganizations(sentences: Sentence[], ctx = new OrganizationContext()): OrganizationContext {
  // Definitions first, so that a bare acronym anywhere in the text links to its full name.
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let i = 1; i + 2 < tokens.length; i++) {
      if (tokens[i].text !== '(' || tokens[i + 2].text !== ')' || !isAcronymToken(tokens[i + 1])) continue;
      const acronym = tokens[i + 1].text;
      // "Securities Investors Association (Singapore) (SIAS)": a country or place qualifier between the name and
      // its acronym belongs to the name.
      if (tokens[i - 1].text === ')' && tokens[i - 3]?.text === '(' && capWord(tokens[i - 2])) {
        const q = i - 3;
        const g = q > 0 ? genericAtEnd(tokens, q) : null;
        if (g !== null) {
          ctx.define(span(s, tokens, g, i), acronym);
          continue;
        }
      }
      // The capitalized phrase before "(": words, connectors between words, hyphenated compounds.
      // A plural possessive inside the name ("Plantation Workers' Union (UPWU)") does not end it.
      let b = i - 1;
      while (
        b >= 0 &&
        (capWord(tokens[b]) ||
          isAcronymToken(tokens[b]) ||
          CONNECTORS.has(tokens[b].text) ||
          // ("Société Tunisienne de l'Electricité et du Gaz (STEG)")
          ELIDED.test(tokens[b].text) ||
          (/^(?:et|i|el|els)$/.test(tokens[b].text) && b + 1 < i) ||
          (pluralApostrophe(tokens, b) && b + 1 < i))
      )
        b--;
      b++;
      // "Commission for Conciliation, Mediation and Arbitration (CCMA)": a list of capitalized words inside the
      // name, when the initials from before its commas spell the acronym exactly.
      const spells = (from: number): boolean =>
        tokens
          .slice(from, i)
          .filter((w) => capWord(w) || isAcronymToken(w) || ELIDED.test(w.text))
          .flatMap((w) => w.text.replace(/^\p{Ll}+['’]/u, '').split('-'))
          .map((w) => (/^[A-Z]{2,}$/.test(w) ? w.toLowerCase() : (w[0]?.toLowerCase() ?? '')))
          .join('') === acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
      // (a known body keeps its own name: "United Nations Educational, Scientific and Cultural Organization (UNESCO)")
      if (tokens[b - 1]?.text === ',' && !acronymToName.has(acronym) && !spells(b)) {
        let c = b - 1;
        while (c >= 0 && (tokens[c].text === ',' || capWord(tokens[c]) || CONNECTORS.has(tokens[c].text))) c--;
        for (let k = c + 1; k < b - 1; k++) {
          // (not a ministry's: "Department of the Environment, Climate and Communications (DECC)")
          if (
            capWord(tokens[k]) &&
            (k === 0 || !capWord(tokens[k - 1])) &&
            !INTERNAL.has(tokens[k].text) &&
            spells(k)
          ) {
            b = k;
            break;
          }
        }
      }
      const words = tokens.slice(b, i);
      let chosen = -1;
      // The phrase whose capitalized words' initials spell the acronym ("Ann Arbor Area Transportation Authority
      // (AAATA)"), else the shortest phrase whose letters contain it in order.
      const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
      for (let k = 0; k < words.length; k++) {
        if ((capWord(words[k]) || isAcronymToken(words[k])) && spells(b + k)) {
          chosen = k;
          break;
        }
      }
      // "Central American Integration System (SICA)", "Regional Operating Entity (EOR)": the acronym of the name in
      // another language, whose words come in another order; the initials are the acronym's letters reordered.
      for (let k = 0; k < words.length && chosen < 0 && /^[A-Z]+$/.test(acronym); k++) {
        if (!capWord(words[k])) continue;
        const caps = words.slice(k).filter((w) => capWord(w));
        if (caps.length < 3 || caps.length !== words.slice(k).filter((w) => w.word).length - countLinks(words.slice(k)))
          continue;
        const sorted = (x: string) => [...x].sort().join('');
        if (sorted(caps.map((w) => w.text[0].toLowerCase()).join('')) === sorted(letters)) chosen = k;
      }
      for (let k = words.length - 1; k >= 0 && chosen < 0; k--) {
        if (!capWord(words[k]) && !isAcronymToken(words[k])) continue;
        if (
          acronymFits(
            acronym,
            words.slice(k).map((w) => w.text),
          )
        ) {
          chosen = k;
          break;
        }
      }
      // "Norwegian Central Securities Depository (VPS)": an acronym of the name in another language.
      if (chosen < 0) {
        for (let k = 0; k < words.length && chosen < 0; k++) {
          const g = genericAt(tokens, b + k);
          if (g && !g.internal && b + k + g.length === i) chosen = k;
        }
      }
      if (chosen < 0) continue;
      const name = span(s, tokens, b + chosen, i);
      const last = tokens[i - 1].text;
      const phrase = tokens.slice(b + chosen, i);
      if (
        (NOT_ORG.has(last) && !phrase.some((w) => HEADS.has(w.text))) ||
        // an office's ("Chief Executive Officer (CEO)", "Refugee Relief and Repatriation Commissioner (RRRC)")
        /^(?:Officer|Commissioner|Director|Secretary|Minister|President|Chairman|Chairperson|Manager|Administrator|Coordinator|Adviser|Advisor)$/.test(
          last,
        ) ||
        normalizeCountry(name) ||
        isCountryName(name)
      )
        continue;
      // A curated body's acronym after a piece of its name ("… Scientific and Cultural Organization (UNESCO)",
      // the name's commas cut the phrase): the curated body, not the piece.
      // A different body printed in full with the same letters ("Interregional Coordination Centre (ICC)") is
      // that body: the printed definition wins over the curated one.
      if (
        acronymToName.has(acronym) &&
        normalizeOrganization(name) !== normalizeOrganization(acronym) &&
        pieceOf(name, acronym)
      ) {
        ctx.record(acronymToName.get(acronym)!, acronym);
        continue;
      }
      // "Margaret O'Sullivan (MOS)": a person's initials, as minutes print them for actions.
      if (
        phrase.length <= 4 &&
        phrase.every((w) => capWord(w)) &&
        phrase.some((w) => w.text.split('-').some((part) => isKnownName(part))) &&
        !phrase.some((w) => HEADS.has(w.text) || LEGAL.has(w.text) || INTERNAL.has(w.text))
      )
        continue;
      ctx.define(name, acronym);
    }
    // "WAHO West African Health Organisation", "NCDC Nigeria Centre for Disease Control": a list entry that
    // prints the acronym first, then the name it spells.
    for (let i = 0; i + 2 < tokens.length; i++) {
      const g = acronymFirst(tokens, i);
      if (g) ctx.define(g.name, tokens[i].text);
    }
  }
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let i = 0; i + 3 < tokens.length; i++) {
      // "VNO-NCW (Confederation of Netherlands Industry and Employers)": the acronym first.
      if (isAcronymToken(tokens[i]) && tokens[i + 1].text === '(') {
        const close = tokens.findIndex((x, k) => k > i + 1 && x.text === ')');
        if (close > i + 2 && close - i < 16) {
          const g = genericAt(tokens, i + 2);
          if (g && !g.internal && i + 2 + g.length === close) ctx.define(g.name, tokens[i].text);
        }
      }
      // Saigon Delta Logistics Joint Stock Company ("SDL"), Japan's Kitaura Reizo Co., Ltd. ("Kitaura Reizo")
      if (tokens[i].text === '(' && /^["“]$/.test(tokens[i + 1].text) && i > 0) {
        let e = i + 2;
        while (e < tokens.length && e - i < 8 && !/^["”]$/.test(tokens[e].text)) e++;
        if (tokens[e + 1]?.text !== ')' || e === i + 2) continue;
        const alias = span(s, tokens, i + 2, e);
        for (let a = Math.max(0, i - 12); a < i; a++) {
          const g = genericAt(tokens, a);
          if (g && !g.internal && a + g.length === i) {
            if (/^[A-Z]{2,}$/.test(alias)) ctx.define(g.name, alias);
            else {
              ctx.define(g.name, null);
              ctx.alias(alias, g.name);
            }
            break;
          }
        }
      }
    }
  }
  // A party named before a member's title: "Vlaams Belang MP Joris …", "Groen MP Nadia …", when the text names it
  // again ("Vlaams Belang and Groen voted against"); a constituency ("Makadara MP …") is named once.
  const parties: string[] = [];
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let i = 1; i + 1 < tokens.length; i++) {
      if (!LEGISLATOR.has(tokens[i].text) || !capWord(tokens[i + 1])) continue;
      let b = i;
      while (b > 0 && i - b < 3 && capWord(tokens[b - 1]) && !LEADING_SKIP.has(tokens[b - 1].text)) b--;
      if (b === i) continue;
      const name = tokenText(tokens, b, i - b);
      if (normalizeCountry(name) || isCountryName(name) || matchPlace(tokens, b) || ctx.matchKnown(tokens, b)) continue;
      // "Former MP …", "British MP …", "Labour MP" at a sentence start: a modifier or a common word, not a name.
      if (
        tokens
          .slice(b, i)
          .some((w) => matchCountry(tokens, tokens.indexOf(w)) || isTitleWord(w.lower) || isCommonWord(w.text))
      )
        continue;
      if (tokens.slice(b, i).some((w) => NOT_ORG.has(w.text) || HONORIFIC_STOP.has(w.text))) continue;
      parties.push(name);
    }
  }
  for (const name of new Set(parties)) {
    let seen = 0;
    for (const s of sentences) {
      for (let at = s.text.indexOf(name); at >= 0 && seen < 2; at = s.text.indexOf(name, at + name.length)) seen++;
      if (seen >= 2) break;
    }
    if (seen >= 2) ctx.define(name, null);
  }
  for (const s of sentences) {
    for (const [name, acronym] of appositiveBodies(s.tokens)) ctx.define(name, acronym);
    for (const name of kindBeforeName(s.tokens)) ctx.define(name, null);
    for (const name of describedBodies(s.tokens)) ctx.define(name, null);
  }
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.word || !(t.cap || isAcronymToken(t))) continue;
      const k = ctx.matchKnown(tokens, i);
      if (k) {
        // "UN Charter" names the UN; "CBSS Secretariat" is part of the CBSS.
        ctx.record(k.org.name, k.org.acronym ?? null);
        // "AU Commission": an acronym that opens a longer name.
        const g = isAcronymToken(t) && !acronymFirst(tokens, i) ? genericAt(tokens, i) : null;
        if (g && !g.internal && g.length > k.length) {
          ctx.record(g.name, null);
          i += g.length - 1;
        } else i += k.length - 1;
        continue;
      }
      if (LEADING_SKIP.has(t.text)) continue;
      // (the acronym printed before the name it spells is not part of that name)
      if (acronymFirst(tokens, i)) continue;
      // "Ms Lim Hui Shan Group Chief Executive Officer": a name after an honorific is a person's.
      const before = tokens[i - 1];
      if (before?.cap && mayOpenHonorific(before.text) && matchHonorific(tokens, i - 1)) {
        while (i + 1 < tokens.length && capWord(tokens[i + 1])) i++;
        continue;
      }
      const gov = governmentAt(tokens, i);
      if (gov > 0) {
        ctx.record(tokenText(tokens, i, gov), null);
        i += gov - 1;
        continue;
      }
      const g = genericAt(tokens, i);
      const employer = g ? 0 : employerAt(tokens, i);
      if (employer) {
        ctx.define(tokenText(tokens, i, employer), null);
        i += employer - 1;
        continue;
      }
      if (g) {
        // "met at the Lloyd Erskine Sandiford Centre": a centre the meeting is held at is its venue.
        const venue =
          /^(?:Centre|Center)$/.test(tokens[i + g.length - 1].text) &&
          (tokens[i - 1]?.lower === 'at' || (tokens[i - 1]?.lower === 'the' && tokens[i - 2]?.lower === 'at'));
        if (!g.internal && !venue) ctx.record(g.name, null);
        i += g.length - 1;
      }
    }
  }
  return ctx;
}

export const isOrganizationHead = (word: string): boolean => HEADS.has(word) || INTERNAL.has(word) || LEGAL.has(word);
/** A company's legal form after its name ("Ltd", "GmbH", "A.Ş."). */
export const isLegalSuffix = (word: string): boolean => LEGAL.has(word);
export const isInternalHead = (word: string): boolean => INTERNAL.has(word);
/** A Romance head noun that opens an organization's name: "Conseil", "Comisión", "Banco". */
export const isHeadFirst = (word: string): boolean => HEADS_FIRST.has(word);
export const knownAcronym = (word: string): boolean => acronymToName.has(word);
