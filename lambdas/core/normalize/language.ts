// Language identification with franc-min (trigram profiles of the ~80 most spoken languages, ISO 639-3),
// mapped to ISO 639-1. franc looks at the first 2048 characters, so the cost does not grow with the document.
import { franc } from 'franc-min';

// franc-min labels short Hindi samples as its close relatives (Maithili, Bhojpuri, Magahi) now and then; in an
// archive of meeting reports Hindi is by far the likelier, so those map to 'hi'.
const ISO_639_1: Record<string, string> = Object.fromEntries(
  `eng:en fra:fr deu:de spa:es por:pt ita:it nld:nl rus:ru ukr:uk bel:be bul:bg pol:pl ces:cs slk:sk ron:ro hun:hu
hrv:hr srp:sr bos:bs slv:sl ell:el tur:tr azj:az kaz:kk uzn:uz tgk:tg kir:ky tuk:tk arb:ar pes:fa urd:ur hin:hi ben:bn
mar:mr npi:ne pan:pa guj:gu tam:ta tel:te kan:kn mal:ml sin:si cmn:zh jpn:ja kor:ko vie:vi tha:th ind:id zlm:ms jav:jv
sun:su tgl:tl mya:my khm:km amh:am swh:sw hau:ha yor:yo ibo:ig zul:zu som:so kin:rw nya:ny plt:mg run:rn lin:ln swe:sv
dan:da nob:nb fin:fi heb:he kat:ka hye:hy ckb:ku pbu:ps mai:hi bho:hi mag:hi`
    .split(/\s+/)
    .map((pair) => pair.split(':')),
);

// Words frequent in English prose and rare in the other languages franc-min knows. Meeting reports are mostly
// English: when these make up a good share of the opening words, that settles it without franc's trigram scoring
// of ~80 profiles, which cost about 2 ms a document (the whole extraction budget).
const ENGLISH_MARKERS = new Set(
  'the and of to that for with was were by from has have said will this which their been would also after who its are'.split(
    ' ',
  ),
);
const SAMPLE_CHARS = 2048;

function clearlyEnglish(text: string): boolean {
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

export function detectLanguage(text: string, minChars: number): { language: string | null; warnings: string[] } {
  if (text.length < minChars) return { language: null, warnings: [] };
  if (clearlyEnglish(text)) return { language: 'en', warnings: [] };
  const code = franc(text, { minLength: minChars });
  if (code === 'und') return { language: null, warnings: [] };
  const language = ISO_639_1[code] ?? null;
  if (language === 'en') return { language, warnings: [] };
  return {
    language,
    warnings: [language ? `language: ${language}` : `language: ${code} (ISO 639-3; no ISO 639-1 code)`],
  };
}
