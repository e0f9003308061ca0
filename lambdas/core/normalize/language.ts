// Language identification with franc-min (trigram profiles of the ~80 most spoken languages, ISO 639-3),
// mapped to ISO 639-1. franc looks at the first 2048 characters, so the cost does not grow with the document.
// The normalizer imports this module lazily (index.ts), after the English fast path (english.ts) has said no.
import { franc } from 'franc-min';
import { clearlyEnglish } from './english';

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
