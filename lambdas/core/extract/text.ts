// Shared text plumbing for the extract stages: paragraph repair, tokens with offsets, sentences, and a phrase
// index (multi-word lookups over tokens). Built for speed: one regex pass per paragraph, no allocation-heavy NLP.

export type Token = {
  /** surface text ("Kassym-Jomart", "U.S.", "S.", ",", "'s") */
  text: string;
  /** lower-cased (’ as '), diacritics kept */
  lower: string;
  /** surface text with ’ as ' (what phrase lookups compare) */
  norm: string;
  start: number;
  end: number;
  /** starts with an upper-case letter */
  cap: boolean;
  /** a word (letters/digits), not punctuation */
  word: boolean;
  /** per-document memo: can this token be part of a person's name */
  nameMemo?: boolean;
};

export type Sentence = {
  /** the paragraph text the offsets point into */
  source: string;
  /** the sentence's own text (source.slice(start, end)) */
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  paragraph: number;
  /** index of the sentence in the document */
  index: number;
};

/**
 * An initial: "R." or, in Mongolian and Central Asian names, a patronymic's first two letters ("Ch. Bat-Ochir",
 * "Sh. Tumendelger", "Ts. Oyunchimeg").
 */
const INITIAL = /^(?:\p{Lu}|Ch|Sh|Ts|Kh|Zh|Ya|Yu|Ye|Yo|Gh|Dj)\.$/u;
export const isInitialToken = (text: string): boolean => INITIAL.test(text);
const DIGRAPH_INITIALS = new Set(['Ch', 'Sh', 'Ts', 'Kh', 'Zh', 'Ya', 'Yu', 'Ye', 'Yo', 'Gh', 'Dj']);

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr gen col lt maj sgt capt cpt rev hon rt gov sen rep amb adm cllr messrs mme mlle ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs etc inc ltd co corp approx art para fig ' +
    'p pp dept est cf ca eng engr ing mag cr smt sra drs ir mx fr hon regd retd ret brig pte bhd atty av avda'
  ).split(' '),
);

const WORDISH = /^[\p{L}\p{M}\p{N}]/u;
const MARK = /^\p{M}/u;
const isUpperCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetterCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORDISH.test(String.fromCharCode(c)) && !isDigit(c));
const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c > 127 && WORDISH.test(String.fromCharCode(c)));
const isMarkCode = (c: number): boolean => c >= 0x300 && MARK.test(String.fromCharCode(c));
const isSpace = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || (c > 8191 && c < 8207) || c === 12288;
const APOSTROPHE = (c: number): boolean => c === 39 || c === 8217;
const HYPHEN = (c: number): boolean => c === 45 || c === 8208 || c === 8209;

/**
 * Tokens with offsets, by a hand-written scanner (several times faster than one big Unicode regex): dotted
 * acronyms (U.S., H.E.), grouped numbers (1,412.6), words (Kassym-Jomart, al-Burhan, Xi'an, 21st, COVID-19), a
 * possessive "'s" on its own, leader dots, and any other single character. A period joins an abbreviation or an
 * initial ("Mr.", "Sept.", "S.").
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const n = Math.min(to, text.length);
  let i = from;
  // Lower-case the text once and slice it per token (unless lower-casing changes lengths, as "İ" does).
  const lowerText = text.toLowerCase();
  const sameLength = lowerText.length === text.length;
  const push = (start: number, end: number, word: boolean) => {
    let value = text.slice(start, end);
    const c0 = text.charCodeAt(start);
    const cap = isUpperCode(c0);
    let lower = sameLength ? lowerText.slice(start, end) : value.toLowerCase();
    if (word && text.charCodeAt(end) === 46 && text.charCodeAt(end + 1) !== 46) {
      // ("Ma. Lourdes Reyes": the Filipino abbreviation of María before a given name)
      if (
        ABBREVIATIONS.has(lower) ||
        (end - start === 1 && cap) ||
        // ("Ch. Bat-Ochir": a two-letter initial before a capitalized name)
        (end - start === 2 &&
          DIGRAPH_INITIALS.has(value) &&
          text.charCodeAt(end + 1) === 32 &&
          isUpperCode(text.charCodeAt(end + 2))) ||
        (value === 'Ma' && text.charCodeAt(end + 1) === 32 && isUpperCode(text.charCodeAt(end + 2)))
      ) {
        value += '.';
        lower += '.';
        end += 1;
      }
    }
    let norm = value;
    // (and the Polynesian ʻokina as printed in "Nukuʻalofa", "Hawaiʻi": the gazetteer spells it "'")
    if (value.includes('’') || value.includes('ʻ')) {
      norm = value.replace(/[’ʻ]/g, "'");
      lower = lower.replace(/[’ʻ]/g, "'");
    }
    tokens.push({ text: value, lower, norm, start, end, cap, word, nameMemo: undefined });
    return end;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // Dotted acronym: U.S., H.E., U.S.A.
    if (
      isUpperCode(c) &&
      text.charCodeAt(i + 1) === 46 &&
      isUpperCode(text.charCodeAt(i + 2)) &&
      text.charCodeAt(i + 3) === 46
    ) {
      let j = i;
      while (isUpperCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      const v = text.slice(i, j);
      tokens.push({
        text: v,
        lower: v.toLowerCase(),
        norm: v,
        start: i,
        end: j,
        cap: true,
        word: true,
        nameMemo: undefined,
      });
      i = j;
      continue;
    }
    // "i.e." and "e.g." never end a sentence.
    if (
      (c === 105 || c === 101) &&
      text.charCodeAt(i + 1) === 46 &&
      text.charCodeAt(i + 3) === 46 &&
      !isWordCode(text.charCodeAt(i - 1)) &&
      ((c === 105 && text.charCodeAt(i + 2) === 101) || (c === 101 && text.charCodeAt(i + 2) === 103))
    ) {
      const v = text.slice(i, i + 4);
      tokens.push({ text: v, lower: v, norm: v, start: i, end: i + 4, cap: false, word: true, nameMemo: undefined });
      i += 4;
      continue;
    }
    // "s/o", "d/o", "a/l", "a/p" ("son of", "daughter of"): one token, a particle inside Malaysian and Singaporean
    // Indian names ("Ravi Shankar s/o Krishnan").
    if (
      text.charCodeAt(i + 1) === 47 &&
      isSpace(text.charCodeAt(i + 3)) &&
      !isWordCode(text.charCodeAt(i - 1)) &&
      /^(?:s\/o|d\/o|a\/l|a\/p)$/.test(text.slice(i, i + 3))
    ) {
      const v = text.slice(i, i + 3);
      tokens.push({ text: v, lower: v, norm: v, start: i, end: i + 3, cap: false, word: true, nameMemo: undefined });
      i += 3;
      continue;
    }
    if (isDigit(c)) {
      // 1,412.6 / 6.8 / 2021 — a number, unless letters follow (21st, 2nd).
      let j = i;
      while (isDigit(text.charCodeAt(j))) j++;
      if (j - i <= 3) {
        while (
          text.charCodeAt(j) === 44 &&
          isDigit(text.charCodeAt(j + 1)) &&
          isDigit(text.charCodeAt(j + 2)) &&
          isDigit(text.charCodeAt(j + 3)) &&
          !isDigit(text.charCodeAt(j + 4))
        )
          j += 4;
      }
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (isDigit(text.charCodeAt(j))) j++;
      }
      if (!isWordCode(text.charCodeAt(j)) && !(HYPHEN(text.charCodeAt(j)) && isLetterCode(text.charCodeAt(j + 1)))) {
        const v = text.slice(i, j);
        tokens.push({ text: v, lower: v, norm: v, start: i, end: j, cap: false, word: true, nameMemo: undefined });
        i = j;
        continue;
      }
    }
    if (isWordCode(c)) {
      let j = i + 1;
      for (;;) {
        const d = text.charCodeAt(j);
        if (isWordCode(d) || isMarkCode(d)) {
          j++;
          continue;
        }
        // Xi'an, O'Brien, d'Ivoire — but not the possessive 's
        if (APOSTROPHE(d) && isLetterCode(text.charCodeAt(j + 1))) {
          const e = text.charCodeAt(j + 1);
          if ((e === 115 || e === 83) && !isLetterCode(text.charCodeAt(j + 2))) break;
          j += 2;
          continue;
        }
        if (HYPHEN(d) && isWordCode(text.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        break;
      }
      i = push(i, j, true);
      continue;
    }
    // Possessive 's
    if (
      APOSTROPHE(c) &&
      (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) &&
      !isLetterCode(text.charCodeAt(i + 2))
    ) {
      i = push(i, i + 2, false);
      continue;
    }
    // Leader dots and ellipses
    if ((c === 46 && text.charCodeAt(i + 1) === 46) || c === 8230) {
      let j = i;
      while (text.charCodeAt(j) === c) j++;
      i = push(i, j, false);
      continue;
    }
    // Any other character (a whole code point)
    const size = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    i = push(i, i + size, false);
  }
  return tokens;
}

const isEnd = (t: Token): boolean => {
  if (t.text.length !== 1) return false;
  const c = t.text.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 8230;
};
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/** Splits a paragraph's tokens into sentences. A sentence ends at . ! ? when the next token opens a new one. */
export function splitSentences(source: string, paragraph: number, firstIndex: number): Sentence[] {
  const tokens = tokenize(source);
  const out: Sentence[] = [];
  let begin = 0;
  const push = (endExclusive: number) => {
    if (endExclusive <= begin) return;
    const slice = tokens.slice(begin, endExclusive);
    const start = slice[0].start;
    const end = slice[slice.length - 1].end;
    out.push({
      source,
      text: source.slice(start, end),
      start,
      end,
      tokens: slice,
      paragraph,
      index: firstIndex + out.length,
    });
    begin = endExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isEnd(tokens[i])) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++;
    const next = tokens[j];
    // "28.07.2026", "05.46.9000": a stop between digits, with no space, ends nothing.
    const inNumber =
      next && /^\d/.test(next.text) && next.start === tokens[j - 1].end && /\d$/.test(tokens[i - 1]?.text ?? '');
    if (!inNumber && (!next || next.cap || /^[\d"“‘(]/.test(next.text))) {
      push(j);
      i = j - 1;
    }
  }
  push(tokens.length);
  return out;
}

/** Joins hard-wrapped lines (fixing line-end hyphenation) inside one paragraph. */
export function unwrap(paragraph: string): string {
  if (!paragraph.includes('\n')) return paragraph;
  return paragraph
    .replace(/(\p{L})[-‐]\n[ \t]*(\p{Ll})/gu, '$1$2')
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .trim();
}

const BULLET = /^\s*(?:[-*•‣▪–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
const LEADER = /\.{4,}|…{2,}/;

/**
 * Splits a paragraph that is really a list (bullets, numbered items, dotted-leader tables) into one segment per
 * item; continuation lines join their item. Other paragraphs come back unwrapped as one segment.
 */
export function segments(paragraph: string): string[] {
  if (!paragraph.includes('\n')) return [paragraph];
  const lines = paragraph.split('\n');
  const itemLines = lines.filter((l) => BULLET.test(l) || LEADER.test(l)).length;
  if (itemLines < 2 && !(itemLines === 1 && lines.length <= 3 && /:\s*$/.test(lines[0]))) return [unwrap(paragraph)];
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const isItem = BULLET.test(line) || LEADER.test(line) || /:\s*$/.test(line);
    if (isItem && current) {
      out.push(unwrap(current));
      current = '';
    }
    current = current ? `${current}\n${line.trim()}` : line.trim();
  }
  if (current) out.push(unwrap(current));
  return out.filter((s) => s.length > 0);
}

/** Whitespace-separated word count, without allocating. */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export const stripDiacritics = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '');

const SIMPLE_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * A phrase index over tokens: phrases are tokenized with the same tokenizer and looked up by their first token,
 * longest first. Case-sensitive (exact surface) or case-insensitive.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  // Phrases already added: a Set, so building an index of thousands of phrases stays linear
  // (a scan of the bucket per add made module load quadratic: 80 ms for the country names).
  private readonly phrases = new Set<string>();
  constructor(private readonly caseSensitive: boolean) {}

  add(phrase: string, value: T): void {
    const words = this.words(phrase);
    if (words.length === 0) return;
    const joined = words.join(' ');
    if (this.phrases.has(joined)) return;
    this.phrases.add(joined);
    const list = this.byFirst.get(words[0]);
    const entry = { words, value };
    if (!list) {
      this.byFirst.set(words[0], [entry]);
      return;
    }
    // Keep each bucket longest first (stable for equal lengths, as the sort was) without re-sorting it.
    let at = list.length;
    while (at > 0 && list[at - 1].words.length < words.length) at--;
    list.splice(at, 0, entry);
  }

  has(phrase: string): boolean {
    return this.phrases.has(this.words(phrase).join(' '));
  }

  /**
   * A phrase's words as the tokenizer gives them. Plain ASCII words separated by single spaces (most of the
   * thousands of names indexed at module load) tokenize to exactly those words, so they skip the tokenizer.
   */
  private words(phrase: string): string[] {
    if (SIMPLE_PHRASE.test(phrase)) return phrase.split(' ').map((w) => this.norm(w));
    return tokenize(phrase).map((t) => this.norm(t.text));
  }

  /** Longest phrase starting at tokens[i]: its length in tokens and its value, or null. */
  match(tokens: Token[], i: number): { length: number; value: T } | null {
    if (i >= tokens.length) return null;
    const cs = this.caseSensitive;
    const list = this.byFirst.get(cs ? tokens[i].norm : tokens[i].lower);
    if (!list) return null;
    for (const entry of list) {
      if (i + entry.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < entry.words.length; k++) {
        const t = tokens[i + k];
        if ((cs ? t.norm : t.lower) !== entry.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: entry.words.length, value: entry.value };
    }
    return null;
  }

  private norm(s: string): string {
    const t = s.replace(/’/g, "'");
    return this.caseSensitive ? t : t.toLowerCase();
  }
}

/** The surface text of tokens[from..to) as printed. */
export const span = (sentence: { source: string }, tokens: Token[], from: number, to: number): string =>
  from >= to ? '' : sentence.source.slice(tokens[from].start, tokens[to - 1].end);

/** "KYEBI" → "Kyebi"; mixed case is kept. */
export const titleCaseWords = (s: string): string =>
  /\p{Ll}/u.test(s)
    ? s
    : s.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
