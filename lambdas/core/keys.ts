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
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

export const foldKey = (value: string): string =>
  value
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
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
