// Text repair: wrapped lines joined (line-end hyphens removed only where the joined word is a word), Unicode
// NFC, one spelling for quotes and dashes, whitespace collapsed, paragraphs broken mid-sentence rejoined, and
// the plain-ASCII view.
//
// Typography choice for `text`: curly quotes become straight ASCII quotes (" and '); an em dash, a horizontal
// bar, a spaced en dash, a spaced hyphen or "--" used as punctuation becomes a spaced en dash " – "; an en dash
// joining two words or numbers without spaces ("2020–2021", "China–Russia") and the Unicode hyphens become "-".
// Diacritics, guillemets and the ellipsis stay in `text`; `asciiText` folds them.

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Every word of the document (lower case, hyphenated compounds whole), for the line-end hyphen decisions. */
export type Vocabulary = Pick<ReadonlySet<string>, 'has'>;

/**
 * The words of the document, built on first use: only a line or paragraph ending in a hyphen asks, and most
 * documents have none, so most never pay for the set.
 */
export function vocabulary(blocks: string[]): Vocabulary {
  let words: Vocabulary | undefined;
  const build = () => {
    const set = new Set<string>();
    for (const block of blocks) {
      for (const match of block.replace(/[\u2010\u2011]/g, '-').matchAll(WORD)) set.add(match[0].toLowerCase());
    }
    return set;
  };
  return {
    has: (word) => {
      words ??= build();
      return words.has(word);
    },
  };
}

// First parts that are normally written with a hyphen even when the compound is not seen elsewhere.
const COMPOUND_PREFIXES = new Set(['self', 'non', 'counter', 'anti', 'ex', 'well', 'all', 'cross', 'half', 'so']);

/** Whether "left-" at a line end and "right" on the next line form a hyphenated compound (else one word). */
function keepsHyphen(left: string, right: string, words: Vocabulary): boolean {
  const lastPart = left.split('-').pop() ?? left;
  if (/^\p{Lu}/u.test(right)) return true; // Kassym-Jomart, Asia-Pacific
  if (/\p{N}$/u.test(lastPart) || /^\p{N}/u.test(right)) return true; // COVID-19-related, G-20
  if (words.has(`${left}-${right}`.toLowerCase())) return true;
  if (words.has(`${left}${right}`.toLowerCase())) return false;
  return COMPOUND_PREFIXES.has(lastPart.toLowerCase());
}

const LINE_END_HYPHEN = /([\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*)([-\u2010\u00ad])$/u;
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/**
 * The hyphenated word at the end of a line, if the line ends with a hyphen. Only the line's tail is matched:
 * on a whole long line the unanchored pattern takes quadratic time.
 */
function lineEndHyphen(line: string): RegExpMatchArray | null {
  const last = line.charCodeAt(line.length - 1);
  if (last !== 0x2d && last !== 0x2010 && last !== 0xad) return null;
  return line.slice(-200).match(LINE_END_HYPHEN);
}

/** Joins one candidate's wrapped lines. */
export function joinLines(block: string, words: Vocabulary): string {
  const lines = block.split('\n');
  const out = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const hyphen = lineEndHyphen(lines[i - 1]);
    const right = line.match(LEADING_WORD)?.[0];
    if (hyphen && right && /\p{L}$/u.test(hyphen[1]) && /^\p{L}/u.test(right)) {
      // A soft hyphen is always a break opportunity, never part of the word.
      const keep = hyphen[2] !== '\u00ad' && keepsHyphen(hyphen[1], right, words);
      out[out.length - 1] = out[out.length - 1].slice(0, -1);
      out.push(keep ? '-' : '', line);
    } else {
      out.push(' ', line);
    }
  }
  return out.join('');
}

// Dashes: lookarounds rather than consumed spaces, so runs of dashes come out the same every time.
const dashRules = (s: string) =>
  s
    .replace(/[\u2014\u2015]|(?<=\p{L})--(?=\p{L})/gu, ' \u2013 ')
    .replace(/(?<=^|\s)--+(?=\s|$)/g, '\u2013')
    .replace(/(?<=\S)[\u2012\u2013](?=\S)/g, '-')
    .replace(/\s*[\u2012\u2013]\s*/g, ' \u2013 ')
    .replace(/(?<=\S) +-(?= +\S)/g, ' \u2013')
    .replace(/ {2,}/g, ' ');

/** One dash rule can set up another ("--–" → "-- – " → "– – "): apply them until nothing changes. */
function canonicalDashes(s: string): string {
  if (!/[-\u2012-\u2015]/.test(s)) return s;
  let current = s;
  for (let i = 0; i < 8; i++) {
    const next = dashRules(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Characters that carry no text and are removed: C0 and C1 controls (whitespace controls become spaces first),
 * U+FFFD (it only marks a character lost in an earlier decoding, so it cannot be matched or searched), lone
 * surrogates, noncharacters, bidirectional embedding/override/isolate controls and marks, the soft hyphen,
 * zero-width space, word joiner and BOM. ZWJ/ZWNJ stay: they change how some scripts are spelled.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufdd0-\ufdef\ufeff\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Character-level repair of one paragraph; idempotent. */
// Printable ASCII only: no invisible, compatibility, quote or dash character to map, and no whitespace but the
// space, so the clean-ups below reduce to collapsing runs of spaces (most paragraphs of English text).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function cleanInline(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return canonicalDashes(s.replace(/ {2,}/g, ' ')).trim();
  return canonicalDashes(
    s
      .replace(INVISIBLE, '')
      .replace(/\u0085/g, ' ') // NEL is a line break
      .normalize('NFC')
      .replace(/[\ufb00-\ufb06]/g, (c) => c.normalize('NFKC')) // ﬁ ﬂ ligatures from PDFs
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u301d\u301e\uff02]/g, '"')
      .replace(/[\u2018\u2019\u201a\u201b\u2032\uff07]/g, "'")
      .replace(/[\u2010\u2011\u2212]/g, '-')
      .replace(/\s+/g, ' '),
  ).trim();
}

// Layout marks at the edges of a paragraph, the same whatever the format (so that a normalized text read again
// as plain text loses nothing more): decoration runs ("---------- Forwarded message ---------", "=== Minutes ===",
// "### Heading"), list bullets ("- ", "* ", "• ", "– ") and e-mail quote markers ("> ", ">> "). Numbering
// ("1.", "(a)") is content and stays.
const DECORATION_START = /^([-=_~*#])\1{2,}\s+(?=.*[\p{L}\p{N}])/u;
const DECORATION = new Set('-=_~*#');
const HAS_WORD = /[\p{L}\p{N}]/u;
const LEADING_MARK = /^(?:[-*•▪‣◦+\u2013\u2014]\s+|>(?:\s*>)*\s+)/;

/** Cuts a run of 3+ decoration characters (after whitespace) off the end: a scan, no backtracking. */
function withoutTrailingDecoration(s: string): string {
  const mark = s[s.length - 1];
  if (!DECORATION.has(mark)) return s;
  let start = s.length - 1;
  while (start > 0 && s[start - 1] === mark) start--;
  if (s.length - start < 3) return s;
  let before = start;
  while (before > 0 && /\s/.test(s[before - 1])) before--;
  if (before === start || !HAS_WORD.test(s.slice(0, before))) return s;
  return s.slice(0, before);
}

/** cleanInline plus the layout marks at the paragraph's edges, to the fixed point; idempotent. */
export function cleanParagraph(s: string): string {
  let current = s;
  // Every round after the first removes characters, so the loop ends; the cap is a guard only.
  for (let round = 0; round <= s.length + 2; round++) {
    let next = current;
    while (DECORATION_START.test(next)) next = next.replace(DECORATION_START, '');
    for (let cut = withoutTrailingDecoration(next); cut !== next; cut = withoutTrailingDecoration(next)) next = cut;
    next = cleanInline(next);
    while (LEADING_MARK.test(next)) next = next.replace(LEADING_MARK, '');
    if (next === current) break;
    current = next;
  }
  return current;
}

const TERMINAL = /[.!?…:;"')\]»›]$/u;

/** Whether a paragraph has at least n words (stops counting there: the paragraph may be long). */
function hasWords(p: string, n: number): boolean {
  let count = 1;
  for (let at = p.indexOf(' '); at >= 0 && count < n; at = p.indexOf(' ', at + 1)) count++;
  return count >= n;
}

/**
 * Rejoins paragraphs broken mid-sentence: one that ends without terminal punctuation, followed by one that
 * starts lower-case, is one paragraph (a line-end hyphen there is decided as for wrapped lines). Headings and
 * list labels (fewer than six words) are left alone. One left-to-right pass reaches the fixed point. A run of
 * joined paragraphs is assembled from its pieces and cleaned once, so a long run costs linear time.
 */
export function mergeBrokenParagraphs(
  paragraphs: string[],
  words: Vocabulary,
): { paragraphs: string[]; merged: number } {
  const runs: string[][] = [];
  let merged = 0;
  for (const paragraph of paragraphs) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (
      run !== undefined &&
      prev !== undefined &&
      /^\p{Ll}/u.test(paragraph) &&
      !TERMINAL.test(prev) &&
      (run.length > 1 || hasWords(prev, 6))
    ) {
      const hyphen = lineEndHyphen(prev);
      const right = paragraph.match(LEADING_WORD)?.[0] ?? '';
      if (hyphen && hyphen[2] === '-' && /\p{L}$/u.test(hyphen[1])) {
        run[run.length - 1] = prev.slice(0, -1);
        run.push(keepsHyphen(hyphen[1], right, words) ? '-' : '', paragraph);
      } else {
        run.push(' ', paragraph);
      }
      merged++;
      continue;
    }
    runs.push([paragraph]);
  }
  // The seams can form a new pattern (" - " → " – "): clean each joined run again.
  return { paragraphs: runs.map((run) => (run.length === 1 ? run[0] : cleanInline(run.join('')))), merged };
}

const ASCII_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'n',
  Ŋ: 'N',
};

/**
 * Plain-ASCII view of one clean paragraph for matching: diacritics folded (José → Jose), letters without a
 * decomposition spelled out (ß → ss, ł → l), quotes and dashes made ASCII, and whatever has no ASCII form
 * (CJK, Cyrillic, symbols) dropped.
 */
export function toAscii(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return s.replace(/ {2,}/g, ' ').trim();
  return s
    .replace(/[ßẞæÆœŒøØđĐðÐþÞłŁıħĦŋŊ]/g, (c) => ASCII_LETTERS[c])
    .replace(/[«»\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/[‹›\u2018\u2019\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
