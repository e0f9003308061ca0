// Lookup keys: lower case, diacritics removed, punctuation folded to spaces (hyphens kept),
// single spaces. Search terms, participant keys and query parameters all go through this one
// function, so "Kassym-Jomart Tokayev", "KASSYM-JOMART  TOKAYEV" and "kassym-jomart tokayev" meet.
// Letters that Unicode does not decompose into a base letter plus a mark.
const UNDECOMPOSED: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ß: 'ss',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ẞ: 'ss',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

// Lower-cased before and after decomposition ("İ" lower-cases to "i" plus a combining dot; "ℌ" decomposes to
// "H"), with the undecomposed letters mapped on both sides, so that the key of a key is the key itself.
export const foldKey = (value: string): string =>
  value
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c])
    .replace(/[\u2010\u2011]/g, '-') // Unicode hyphens, not dashes: an em dash separates words
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Name tokens for partial matching: words, hyphen parts, and hyphenated compounds ("kassym-jomart", "kassym", "jomart"). */
export const nameTokens = (value: string): string[] => {
  const tokens = new Set<string>();
  for (const word of foldKey(value).split(' ')) {
    if (!word) continue;
    tokens.add(word.replace(/^-+|-+$/g, ''));
    for (const part of word.split('-')) if (part) tokens.add(part);
  }
  tokens.delete('');
  return [...tokens];
};

/**
 * A transliteration-tolerant key for one name token, so that spellings of one name from different romanizations
 * meet ("Zhaparov"/"Japarov", "Berdymukhamedov"/"Berdimuhamedow", "Yanukovych"/"Ianukovich"). Applied to a folded
 * token (lower case, no diacritics), in this order:
 *   dzh, dj, zh → j;  kh → h;  ph → f;  w → v;  ou, oo → u;  yu, iu → u;  ya, ia → a;  ye → e;  yo, io → o;
 *   y → i;  a doubled letter → one letter.
 * Small on purpose: every rule merges spellings that romanizations of Russian, Central Asian, Arabic and Chinese
 * names actually use, and none merges two names that differ in a consonant ("Jones" and "Jonas" stay apart).
 */
export const phoneticToken = (token: string): string =>
  token
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ou|oo/g, 'u')
    .replace(/yu|iu/g, 'u')
    .replace(/ya|ia/g, 'a')
    .replace(/ye/g, 'e')
    .replace(/yo|io/g, 'o')
    .replace(/y/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');

/**
 * The participant search keys of a name: its name tokens (nameTokens) through phoneticToken, hyphenated compounds
 * part by part ("kassym-jomart"). The index and the query both go through this one function.
 */
export const nameTokenKeys = (value: string): string[] => [
  ...new Set(
    nameTokens(value)
      .map((t) => t.split('-').map(phoneticToken).join('-'))
      .filter(Boolean),
  ),
];
