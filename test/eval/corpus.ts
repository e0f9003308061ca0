// The labeled documents: the evaluation set (test/eval/articles) and the samples (samples/), each read from disk
// and run through the real normalizer, as processDocument does. Shared by the eval (test/eval/run.ts) and the
// extractor-version snapshot (test/core/extractor-version.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import type { ExtractInput } from '../../lambdas/core/extract';
import { normalizeDocument } from '../../lambdas/core/normalize';

export type Part =
  | 'tuned'
  | 'held-aside'
  | 'second'
  | 'third'
  | 'fourth'
  | 'fifth'
  | 'sixth'
  | 'seventh'
  | 'eighth'
  | 'ninth'
  | 'tenth'
  | 'eleventh'
  | 'twelfth'
  | 'thirteenth'
  | 'fourteenth'
  | 'fifteenth'
  | 'sixteenth'
  | 'seventeenth'
  | 'eighteenth'
  | 'nineteenth'
  | 'twentieth'
  | 'twenty-first'
  | 'twenty-second'
  | 'twenty-third'
  | 'unseen';

/** Every part, in the order `npm run eval` prints them. */
export const PARTS: readonly Part[] = [
  'tuned',
  'held-aside',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'unseen',
];

export type Label = {
  file: string;
  title: string | null;
  publishedDate: string | null;
  eventDate: string | null;
  eventEndDate?: string | null;
  eventName: string | null;
  location: { place: string | null; country: string | null; virtual: boolean } | null;
  participants: { name: string; title?: string | null; affiliation?: string | null; attendance?: string | null }[];
  mentionedPeople: { name: string; title?: string | null; affiliation?: string | null }[];
  organizations: { name: string; acronym?: string | null }[];
  countries: string[];
  notes?: string;
};

export type LabeledFile = {
  /** "a01-wire-eu-central-asia-water" */
  id: string;
  dir: URL;
  label: Label;
  part: Part | 'sample';
};

export const ARTICLES_DIR = new URL('./articles/', import.meta.url);
export const SAMPLES_DIR = new URL('../../samples/', import.meta.url);

/**
 * The split of the evaluation set. Of the `a` and `b` articles, every one whose number is divisible by 3 (a03, a06,
 * … b15) is held aside from tuning and the other twenty are the tuned part. The `c` articles (c01–c12) are the
 * second part: written blind after the first tuning round, measured once unseen, then tuned on in the second round.
 * The `d` articles (d01–d12) are the third part: written blind after the second tuning round, measured once unseen
 * (participants F1 0.82, organizations 0.58, countries 0.93, eventDate 83%, location 92%, 8 non-people), then tuned
 * on in the third round. The `e` articles (e01–e12, written blind during round three) and the `f` articles (f01–f12,
 * written blind after it) are the fourth part: measured unseen after round three, then tuned on in round four. The
 * `g` articles (g01–g12, written blind during round four) and the `h` articles (h01–h12, written blind during round
 * five) are the fifth part: each measured once unseen, then tuned on in round five. The `i` articles (i01–i12,
 * written blind during round five) are the sixth part: measured once unseen, then tuned on in round six. The `j`
 * articles (j01–j12, written blind during round six) are the seventh part, likewise for round seven, and the `k`
 * articles (k01–k12, written blind during round seven) the eighth, for round eight, and the `l` articles (l01–l12,
 * written blind during round eight) the ninth, for round nine, and the `m` articles (m01–m12, written blind during
 * round nine) the tenth, for round ten, and the `n` articles (n01–n12, written blind during round ten, with hard
 * dates and places on purpose) the eleventh, for round eleven, and the `o` articles (o01–o24, written blind during
 * round eleven, measured once unseen at 0.16.2) the twelfth, for round twelve, and the `p` articles (p01–p24, written
 * blind during round twelve, measured once unseen at 0.17.5) the thirteenth, for round thirteen, and the `q` articles
 * (q01–q24, written blind during round twelve, measured once unseen at 0.18.3) the fourteenth, for round fourteen,
 * and the `r` articles (r01–r24, written blind during round thirteen, measured once unseen at 0.19.2) the fifteenth,
 * for round fifteen, and the `s` articles (s01–s24, written blind during round fourteen, measured once unseen at
 * 0.20.5) the sixteenth, for round sixteen, and the `t` articles (t01–t24, written blind during round fifteen,
 * measured once unseen at 0.20.9) the seventeenth, for round seventeen, and the `u` articles (u01–u24, written
 * blind during round sixteen, measured once unseen at 0.20.12) the eighteenth, for round eighteen, and the `v`
 * articles (v01–v24, written blind during round seventeen, measured once unseen at 0.20.13) the nineteenth, for
 * round nineteen, and the `w` articles (w01–w24, written blind during round eighteen, measured once unseen at 0.20.14)
 * the twentieth, for round twenty, and the `x` articles (x01–x24, written blind during round twenty, measured once
 * unseen at 0.20.18) the twenty-first, for round twenty-one, and the `y` articles (y01–y24, written blind during round
 * twenty-one, measured once unseen at 0.20.21) the twenty-second, for round twenty-two, and the `z` articles (z01–z24,
 * written blind during round twenty-one, measured once unseen at 0.20.22) the twenty-third, for round twenty-three.
 * The `aa` articles (aa01–aa24), written blind during round twenty-two by writers who had not read the extractor, are
 * the unseen part: never tuned on, and not part of the extractor-version fingerprint.
 */
/** Each set's part, by the letters of its ids ("x07-…" is set x); sets a and b split into tuned and held-aside. */
const PART_OF_SET: Readonly<Record<string, Part>> = {
  c: 'second',
  d: 'third',
  e: 'fourth',
  f: 'fourth',
  g: 'fifth',
  h: 'fifth',
  i: 'sixth',
  j: 'seventh',
  k: 'eighth',
  l: 'ninth',
  m: 'tenth',
  n: 'eleventh',
  o: 'twelfth',
  p: 'thirteenth',
  q: 'fourteenth',
  r: 'fifteenth',
  s: 'sixteenth',
  t: 'seventeenth',
  u: 'eighteenth',
  v: 'nineteenth',
  w: 'twentieth',
  x: 'twenty-first',
  y: 'twenty-second',
  z: 'twenty-third',
  aa: 'unseen',
};

// (after z, sets take two letters: "aa07-…")
export const partOf = (id: string): Part => {
  const m = /^([a-z]{1,2})(\d+)-/.exec(id);
  if (!m) throw new Error(`not an evaluation article: ${id}`);
  if (m[1] === 'a' || m[1] === 'b') return Number(m[2]) % 3 === 0 ? 'held-aside' : 'tuned';
  const part = PART_OF_SET[m[1]];
  if (!part) throw new Error(`no part for set ${m[1]} (${id}): add it to PART_OF_SET in test/eval/corpus.ts`);
  return part;
};

function labeled(dir: URL, part: (id: string) => LabeledFile['part'], keep: (id: string) => boolean): LabeledFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => f.replace(/\.expected\.json$/, ''))
    .filter(keep)
    .map((id) => ({
      id,
      dir,
      part: part(id),
      label: JSON.parse(readFileSync(new URL(`${id}.expected.json`, dir), 'utf8')) as Label,
    }));
}

/** The evaluation articles of the given parts (the labels of the others are not even read). */
export const evalArticles = (parts: Part[]): LabeledFile[] =>
  labeled(ARTICLES_DIR, partOf, (id) => parts.includes(partOf(id)));

export const samples = (): LabeledFile[] =>
  labeled(
    SAMPLES_DIR,
    () => 'sample',
    () => true,
  );

export const sourceBytes = (f: LabeledFile): Uint8Array => new Uint8Array(readFileSync(new URL(f.label.file, f.dir)));

/** The normalizer's output for a labeled file: what extractMetadata receives in processDocument. */
export async function normalized(f: LabeledFile): Promise<ExtractInput & { format: string }> {
  return normalizeDocument({ bytes: sourceBytes(f), key: f.label.file });
}

/**
 * sha256 of the JSON of extractMetadata's outputs (after the real normalizer) over every sample and every
 * evaluation article of every part but the unseen one, in file order: the
 * fingerprint test/core/extractor-version.test.ts pins to EXTRACTOR_VERSION. The unseen part is
 * left out on purpose, so that adding unseen articles does not change the pinned hash (and their outputs are not looked at).
 */
export async function extractorOutputsSha256(): Promise<{ sha256: string; documents: number }> {
  const { createHash } = await import('node:crypto');
  const { extractMetadata } = await import('../../lambdas/core/extract');
  const files = [...samples(), ...evalArticles(PARTS.filter((p) => p !== 'unseen'))];
  const outputs: unknown[] = [];
  for (const f of files) outputs.push({ file: f.label.file, output: extractMetadata(await normalized(f)) });
  return { sha256: createHash('sha256').update(JSON.stringify(outputs)).digest('hex'), documents: files.length };
}
