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
export function vocabulary(blocks: string[]): Set<string> {
  const words = new Set<string>();
  for (const block of blocks) {
    for (const match of block.replace(/[\u2010\u2011]/g, '-').matchAll(WORD)) words.add(match[0].toLowerCase());
  }
  return words;
}

// First parts that are normally written with a hyphen even when the compound is not seen elsewhere.
const COMPOUND_PREFIXES = new Set(['self', 'non', 'counter', 'anti', 'ex', 'well', 'all', 'cross', 'half', 'so']);

/** Whether "left-" at a line end and "right" on the next line form a hyphenated compound (else one word). */
function keepsHyphen(left: string, right: string, words: Set<string>): boolean {
  const lastPart = left.split('-').pop() ?? left;
  if (/^\p{Lu}/u.test(right)) return true; // Kassym-Jomart, Asia-Pacific
  if (/\p{N}$/u.test(lastPart) || /^\p{N}/u.test(right)) return true; // COVID-19-related, G-20
  if (words.has(`${left}-${right}`.toLowerCase())) return true;
  if (words.has(`${left}${right}`.toLowerCase())) return false;
  return COMPOUND_PREFIXES.has(lastPart.toLowerCase());
}

const LINE_END_HYPHEN = /([\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*)([-\u2010\u00ad])$/u;
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/** Joins one candidate's wrapped lines. */
export function joinLines(block: string, words: Set<string>): string {
  const lines = block.split('\n');
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const hyphen = lines[i - 1].match(LINE_END_HYPHEN);
    const right = line.match(LEADING_WORD)?.[0];
    if (hyphen && right && /\p{L}$/u.test(hyphen[1]) && /^\p{L}/u.test(right)) {
      // A soft hyphen is always a break opportunity, never part of the word.
      const keep = hyphen[2] !== '\u00ad' && keepsHyphen(hyphen[1], right, words);
      out = `${out.slice(0, -1)}${keep ? '-' : ''}${line}`;
    } else {
      out = `${out} ${line}`;
    }
  }
  return out;
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

/** Character-level repair of one paragraph; idempotent. */
export function cleanInline(s: string): string {
  return canonicalDashes(
    s
      .normalize('NFC')
      .replace(/[\ufb00-\ufb06]/g, (c) => c.normalize('NFKC')) // ﬁ ﬂ ligatures from PDFs
      .replace(/[\u00ad\u200b\u2060\ufeff]/g, '') // soft hyphen, zero-width space, word joiner, BOM
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '')
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u301d\u301e\uff02]/g, '"')
      .replace(/[\u2018\u2019\u201a\u201b\u2032\uff07]/g, "'")
      .replace(/[\u2010\u2011\u2212]/g, '-')
      .replace(/\s+/g, ' '),
  ).trim();
}

const TERMINAL = /[.!?…:;"')\]»›]$/u;

/**
 * Rejoins paragraphs broken mid-sentence: one that ends without terminal punctuation, followed by one that
 * starts lower-case, is one paragraph (a line-end hyphen there is decided as for wrapped lines). Headings and
 * list labels (fewer than six words) are left alone. One left-to-right pass reaches the fixed point.
 */
export function mergeBrokenParagraphs(
  paragraphs: string[],
  words: Set<string>,
): { paragraphs: string[]; merged: number } {
  const out: string[] = [];
  let merged = 0;
  for (const paragraph of paragraphs) {
    const prev = out.at(-1);
    if (prev !== undefined && /^\p{Ll}/u.test(paragraph) && !TERMINAL.test(prev) && prev.split(' ').length >= 6) {
      const hyphen = prev.match(LINE_END_HYPHEN);
      const right = paragraph.match(LEADING_WORD)?.[0] ?? '';
      let joined: string;
      if (hyphen && hyphen[2] === '-' && /\p{L}$/u.test(hyphen[1])) {
        joined = `${prev.slice(0, -1)}${keepsHyphen(hyphen[1], right, words) ? '-' : ''}${paragraph}`;
      } else {
        joined = `${prev} ${paragraph}`;
      }
      // The seam can form a new pattern (" - " → " – "): clean again.
      out[out.length - 1] = cleanInline(joined);
      merged++;
      continue;
    }
    out.push(paragraph);
  }
  return { paragraphs: out, merged };
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
