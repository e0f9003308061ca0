// Titles (offices) and honorifics. A title is [modifiers] [domains] head [of|for|at … extension]: "Vice Premier",
// "External Affairs Minister", "Director of the Executive Committee of the SCO Regional Anti-Terrorist Structure".
// The extension is split three ways: an internal body stays in the title ("of the Executive Committee"), a
// country or an organization becomes the affiliation ("of Tajikistan", "of the SCO …", "at the World Bank"), and
// capitalized words after the last office word are the person's name ("Minister of Foreign Affairs Sergei Lavrov").
import { matchCountry, matchCountryName } from './countries';
import lexiconData from './data/name-lexicon.json' with { type: 'json' };
import namesData from './data/names.json' with { type: 'json' };
import titleData from './data/titles.json' with { type: 'json' };
import { isOrganizationHead, type OrganizationContext } from './organizations';
import { PhraseIndex, type Sentence, span, stripDiacritics, type Token, tokenize } from './text';

const heads = new PhraseIndex<true>(false);
const domains = new PhraseIndex<true>(false);
const modifiers = new PhraseIndex<true>(false);
const honorifics = new PhraseIndex<string | null>(true);
const titleWords = new Set<string>();
const extensionWords = new Set<string>(titleData.extensionWords);

for (const h of titleData.heads) heads.add(h, true);
// Hyphenated ranks of a one-word office: "Vice-Rector", "Pro-Rector", "Vice-Dean", "Deputy-Governor", "Sub-Dean".
const HYPHEN_RANKS = ['Vice', 'Pro', 'Deputy', 'Sub', 'Co', 'Under', 'Assistant'];
const hyphenated: string[] = [];
for (const h of titleData.heads)
  if (/^\p{Lu}\p{Ll}+$/u.test(h)) for (const r of HYPHEN_RANKS) hyphenated.push(`${r}-${h}`);
for (const h of hyphenated) if (!heads.has(h)) heads.add(h, true);
for (const d of titleData.domains) domains.add(d, true);
for (const m of titleData.modifiers) modifiers.add(m, true);
for (const h of titleData.honorifics) honorifics.add(h, null);
// Honorifics that also state an office.
for (const [h, title] of [
  ['Cllr.', 'Councillor'],
  ['Cllr', 'Councillor'],
  ['Councillor', 'Councillor'],
  ['Sen.', 'Senator'],
  ['Rep.', 'Representative'],
  ['Amb.', 'Ambassador'],
  ['Gov.', 'Governor'],
] as const)
  honorifics.add(h, title);
for (const phrase of [...titleData.heads, ...hyphenated, ...titleData.domains, ...titleData.modifiers])
  for (const w of phrase.toLowerCase().split(/\s+/)) titleWords.add(w);

// compromise's lexicon of names and common words, extracted at build time (scripts/build-extract-data.ts) so
// that the extractor does not pay compromise's initialization on a cold start. Each list is one string of
// space-separated words: fewer bytes in the bundle than an array of strings.
/** The words of a front-coded list (scripts/build-extract-data.ts): a digit for the prefix kept, then the rest. */
function frontDecoded(list: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const token of list.split(' ')) {
    prev = prev.slice(0, token.charCodeAt(0) - 48) + token.slice(1);
    out.push(prev);
  }
  return out;
}
const givenNames = new Set(frontDecoded(lexiconData.given));
const surnames = new Set(frontDecoded(lexiconData.surnames));
const commonWords = new Set(frontDecoded(lexiconData.common));
const NON_ASCII = /[^ -~]/;
/** Given names are stored without diacritics: "Päivi" is looked up as "paivi". */
const givenKey = (w: string): boolean => givenNames.has(w) || (NON_ASCII.test(w) && givenNames.has(stripDiacritics(w)));
/** A known given name ("Antonio", "Grace", "Päivi"). */
// ("Jean-Baptiste", "Anna-Liisa", "Lars-Erik": a hyphenated given name whose parts are given names)
export const isGivenName = (word: string): boolean => {
  const w = word.toLowerCase();
  return givenKey(w) || (w.includes('-') && w.split('-').every(givenKey));
};
/** A known given name or surname. */
export const isKnownName = (word: string): boolean => {
  const w = word.toLowerCase();
  return givenKey(w) || surnames.has(w) || (w.includes('-') && isGivenName(w));
};
/** A common English noun or adjective (not a name): "Arch", "Bus", "Spirit". */
export const isCommonWord = (word: string): boolean => commonWords.has(word.toLowerCase());

export const isTitleWord = (lower: string): boolean => titleWords.has(lower);

// First words (lower case) of every head, domain and modifier: a lower-case token outside this set cannot start
// a title, which lets the people scan skip most of the text cheaply.
const titleStarts = new Set<string>();
for (const phrase of [...titleData.heads, ...hyphenated, ...titleData.domains, ...titleData.modifiers])
  titleStarts.add(phrase.toLowerCase().split(/\s+/)[0].replace(/’/g, "'"));
export const canStartTitle = (lower: string): boolean => titleStarts.has(lower);

// First tokens of every honorific: a cheap test before a phrase lookup in hot loops.
const honorificFirst = new Set<string>();
for (const h of [...titleData.honorifics, 'Cllr.', 'Cllr', 'Councillor', 'Sen.', 'Rep.', 'Amb.', 'Gov.'])
  honorificFirst.add(tokenize(h)[0]?.text ?? h);
/** Whether a token can open an honorific ("Mr", "H.E.", "Dato'"). */
export const mayOpenHonorific = (text: string): boolean => honorificFirst.has(text);

/** An honorific ("Mr.", "H.E.", "Dr.", "Cllr.") at tokens[i]: its length and the office it implies, if any. */
export function matchHonorific(tokens: Token[], i: number): { length: number; title: string | null } | null {
  const m = honorifics.match(tokens, i);
  if (!m) return null;
  // "Sir"/"Lord"/"Dame" only before a capitalized word (or a particle and one: "Ms von Aschenbach").
  const next = tokens[i + m.length];
  // (or two particles: "Mr van der Merwe")
  const after = tokens[i + m.length + 1];
  const particleThenName =
    (PARTICLE_WORDS.has(next?.text ?? '') &&
      (after?.cap || (PARTICLE_WORDS.has(after?.text ?? '') && tokens[i + m.length + 2]?.cap))) ||
    // "Mr al-Hakim", "Dr el-Sayed"
    /^(?:al|el|ad|ar|as|an|at|bin|ibn|abu)-\p{Lu}/u.test(next?.text ?? '');
  if (!next?.cap && !particleThenName) return null;
  return { length: m.length, title: m.value };
}

/** Skips any run of honorifics ("H.E. Mr."), returning the index after them and an implied office. */
export function skipHonorifics(tokens: Token[], i: number): { end: number; title: string | null } {
  let j = i;
  let title: string | null = null;
  for (let h = matchHonorific(tokens, j); h; h = matchHonorific(tokens, j)) {
    title = title ?? h.title;
    j += h.length;
  }
  return { end: j, title };
}

/** [modifiers] [domains] head, the longest reading: returns the end index, or -1. */
export function matchTitleCore(tokens: Token[], i: number): number {
  let j = i;
  let best = -1;
  for (let guard = 0; guard < 8 && j < tokens.length; guard++) {
    const t = tokens[j];
    if (!t.word && t.text !== '-') break;
    const h = heads.match(tokens, j);
    if (h) best = j + h.length;
    const m = modifiers.match(tokens, j) ?? domains.match(tokens, j);
    if (m) {
      j += m.length;
      if (tokens[j]?.text === '-' && tokens[j - 1]?.lower === 'then') j++;
      continue;
    }
    if (h) {
      j += h.length;
      continue;
    }
    break;
  }
  // "President" in "Presidency" is not matched (whole tokens); a plural head ("Ministers") never matches.
  return best;
}

export type TitleParse = {
  /** index of the first title token */
  start: number;
  /** index after the title and its extension */
  end: number;
  title: string;
  /** a country or organization named in the extension */
  affiliation: string | null;
  /** when the extension ran into the person's name: index of the name's first token */
  nameStart: number | null;
  /** all words lower case ("army chief", "foreign minister") */
  lowercase: boolean;
};

const EXT_PREPS = new Set(['of', 'for', 'at', 'to', 'on']);
const REGION_WORDS = new Set(
  'Europe Asia Africa Americas America Caucasus Pacific Atlantic Arctic Middle East West North South Central Balkans Baltic Gulf Sahel Caribbean Oceania Affairs Relations'.split(
    ' ',
  ),
);
const NOT_NAME = new Set(namesData.notNames);
const PARTICLE_WORDS = new Set(namesData.particles);

/** A word that belongs to an office or a body rather than to a person's name. */
function officeWord(tokens: Token[], k: number, orgs: OrganizationContext): boolean {
  const t = tokens[k];
  if (!t.word || !t.cap) return true;
  if (
    isTitleWord(t.lower) ||
    extensionWords.has(t.text) ||
    isOrganizationHead(t.text) ||
    REGION_WORDS.has(t.text) ||
    NOT_NAME.has(t.text)
  )
    return true;
  if (/^[A-Z]{2,}$/.test(t.text)) return true;
  if (matchCountry(tokens, k) || orgs.matchKnown(tokens, k)) return true;
  // "Minister of Trade, Industry and Cooperatives": a word right after a connector is a coordinated domain; a
  // common noun ("Conservation", "Irrigation", "Business") is part of an office, not of a person's name.
  const prev = tokens[k - 1]?.text;
  if (prev === 'and' || prev === '&') return true;
  if (isCommonWord(t.text) && !isKnownName(t.text)) return true;
  // Abstract nouns ("Management", "Resilience", "Mitigation", "Sustainability") name a portfolio, not a person.
  if (t.text.length > 6 && isAbstractNoun(t.text)) return true;
  return false;
}
const ABSTRACT_NOUN = /(?:ment|tion|sion|ance|ence|ity|ness|ism|ships?|ture|ics|ways)$/;
/** An abstract or plural noun no personal name ends like ("Sustainability", "Cooperation", "Waterways"). */
export const isAbstractNoun = (word: string): boolean => ABSTRACT_NOUN.test(word.toLowerCase()) && !isKnownName(word);

/** A plural title ("Presidents", "Councilmembers") at tokens[i] before a list of names: the singular title. */
export function pluralTitleAt(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  if (!t?.word || !t.cap || !/[^s]s$/.test(t.text)) return null;
  const singular = t.text.slice(0, -1);
  return heads.has(singular) ? singular : null;
}

/**
 * Parses a title at tokens[i] with its extension. Returns null when no office word starts there.
 * The caller decides whether a name follows.
 */
export function parseTitle(sentence: Sentence, i: number, orgs: OrganizationContext): TitleParse | null {
  const tokens = sentence.tokens;
  const coreEnd = matchTitleCore(tokens, i);
  if (coreEnd < 0) return null;
  let end = coreEnd;
  let titleEnd = coreEnd;
  let affiliation: string | null = null;
  let nameStart: number | null = null;
  // Extension: of/for/at/to [the] Capitalized … (connectors and, of, the, &; "A, B and C" lists).
  while (end < tokens.length && EXT_PREPS.has(tokens[end].text) && nameStart === null) {
    const prep = tokens[end].text;
    let k = end + 1;
    if (tokens[k]?.text === 'the') k++;
    if (!tokens[k]?.cap || !tokens[k].word) break;
    // "representative of President Xi Jinping": a person follows, not a body.
    if (heads.match(tokens, k) && !domains.match(tokens, k) && tokens[k].text !== 'State') break;
    // The phrase: capitalized words and inner connectors.
    let e = k;
    while (e < tokens.length) {
      const t = tokens[e];
      if (t.word && t.cap && !matchHonorific(tokens, e)) {
        e++;
        continue;
      }
      if ((t.text === 'and' || t.text === '&' || t.text === 'of' || t.text === 'for') && tokens[e + 1]?.cap) {
        e++;
        continue;
      }
      if (t.text === 'the' && tokens[e - 1]?.text === 'of' && tokens[e + 1]?.cap) {
        e++;
        continue;
      }
      if ((t.text === '-' || /^['’]s$/i.test(t.text)) && tokens[e + 1]?.cap) {
        e++;
        continue;
      }
      // "Political Affairs, Peace and Security": a comma inside a coordinated list of domains.
      if (t.text === ',') {
        let f = e + 1;
        while (f < tokens.length && tokens[f].cap && tokens[f].word) f++;
        if (f > e + 1 && tokens[f]?.text === 'and' && tokens[f + 1]?.cap && !matchCountry(tokens, e + 1)) {
          e = f;
          continue;
        }
      }
      break;
    }
    // Trailing name: capitalized words after the last office word.
    // A run of two or more name words after an office, when the phrase goes on past it, is a person ("Minister
    // of Foreign Affairs Aibek Toktogulov and Tajik Foreign Minister …").
    let lastOffice = k - 1;
    for (let x = k; x < e; x++) {
      const c = matchCountry(tokens, x);
      const o = c ? null : orgs.matchAt(tokens, x);
      const len = c?.length ?? o?.length ?? 0;
      if (len > 0) {
        lastOffice = x + len - 1;
        x += len - 1;
        continue;
      }
      if (officeWord(tokens, x, orgs)) {
        lastOffice = x;
        continue;
      }
      if (x === lastOffice + 1 && lastOffice >= k) {
        let y = x;
        while (y < e && tokens[y].cap && tokens[y].word && !officeWord(tokens, y, orgs)) y++;
        if (y - x >= 2 && y < e && (tokens[y].text === 'and' || tokens[y].text === ',')) {
          e = y;
          break;
        }
      }
    }
    // "Minister for Revenue and Disaster Management Smt. Lopamudra Mohanty-Das": an honorific opens the name,
    // so every word before it belongs to the office.
    if (e > k && tokens[e] && mayOpenHonorific(tokens[e].text) && matchHonorific(tokens, e)) lastOffice = e - 1;
    let phraseEnd = e;
    // "… and Security Policy, Marieke van der Linden": one unknown word after the offices is part of them.
    if (lastOffice === e - 2 && lastOffice >= k && !isKnownName(tokens[e - 1].text) && tokens[e]?.text === ',')
      lastOffice = e - 1;
    if (lastOffice < e - 1) {
      if (lastOffice >= k) {
        phraseEnd = lastOffice + 1;
        nameStart = phraseEnd;
      } else {
        // No office word at all ("President of Gazprom Alexei Miller"): a given name starts the person.
        const g = tokens.slice(k, e).findIndex((t) => isGivenName(t.text));
        if (g > 0) {
          phraseEnd = k + g;
          nameStart = phraseEnd;
        } else if (e - k >= 3) {
          phraseEnd = e - 2;
          nameStart = phraseEnd;
        }
      }
    }
    // Classify the extension's segments (split on inner "of the"): the first country or organization ends the
    // title and becomes the affiliation; bodies before it stay in the title.
    let segStart = k;
    let segPrep = prep;
    let affiliationAt = -1;
    for (let x = k; x < phraseEnd; x++) {
      const c = matchCountryName(tokens, x);
      if (c && x === segStart && x + c.length <= phraseEnd) {
        if (segPrep === 'of' || segPrep === 'at') {
          affiliation = c.country;
          affiliationAt = segStart;
        }
        x += c.length - 1;
        break;
      }
      const o = x === segStart ? orgs.matchAt(tokens, x) : null;
      if (o && x + o.length <= phraseEnd) {
        affiliation = o.name;
        affiliationAt = segStart;
        break;
      }
      if (tokens[x].text === 'of' || tokens[x].text === 'for') {
        segPrep = tokens[x].text;
        segStart = tokens[x + 1]?.text === 'the' ? x + 2 : x + 1;
        x = segStart - 1;
      }
    }
    if (affiliationAt >= 0) {
      // Title ends before the preposition that introduces the affiliation, unless more extension follows
      // ("Ambassador of Japan to China").
      const prepIndex = tokens[affiliationAt - 1]?.text === 'the' ? affiliationAt - 2 : affiliationAt - 1;
      const after = tokens[phraseEnd];
      if (
        after &&
        after.text === 'to' &&
        (tokens[phraseEnd + 1]?.cap || (tokens[phraseEnd + 1]?.text === 'the' && tokens[phraseEnd + 2]?.cap)) &&
        nameStart === null
      ) {
        // keep it all in the title; continue the loop
        titleEnd = phraseEnd;
        end = phraseEnd;
        continue;
      }
      titleEnd = Math.max(titleEnd, prepIndex);
      if (prepIndex <= coreEnd) titleEnd = coreEnd;
      end = phraseEnd;
      break;
    }
    titleEnd = phraseEnd;
    end = phraseEnd;
  }
  const titleText = span(sentence, tokens, i, titleEnd);
  const lowercase = !tokens.slice(i, coreEnd).some((t) => t.cap);
  return { start: i, end, title: titleText, affiliation, nameStart, lowercase };
}
