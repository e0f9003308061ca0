// The English fast path of language identification, kept apart from franc-min (language.ts) so that the
// normalizer can settle most documents without loading franc's ~80 trigram profiles at all.

// Words frequent in English prose and rare in the other languages franc-min knows. Meeting reports are mostly
// English: when these make up a good share of the opening words, that settles it without franc's trigram scoring
// of ~80 profiles, which cost about 2 ms a document (the whole extraction budget).
const ENGLISH_MARKERS = new Set(
  'the and of to that for with was were by from has have said will this which their been would also after who its are'.split(
    ' ',
  ),
);
const SAMPLE_CHARS = 2048;

export function clearlyEnglish(text: string): boolean {
  const words =
    text
      .slice(0, SAMPLE_CHARS)
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  if (words.length < 40) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_MARKERS.has(w)) hits++;
  return hits / words.length >= 0.15;
}
