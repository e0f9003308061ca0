// The normalization stage: bytes of an uploaded document → clean paragraphs, metadata and warnings, or a
// DocumentRejection saying why the document cannot be processed. Pure and AWS-free.
//
//   size cap → container sniff (PDF, DOCX) or decode (text, Markdown, HTML) → format extractor
//   → line joining and character repair → boilerplate removal ⇄ broken-paragraph rejoin → ASCII view, language
//
// Normalizing the `text` of a result again (as a .txt) gives the same text: every step is idempotent and the
// boilerplate/rejoin loop runs to its fixed point.
//
// The format readers that only some documents need (PDF: pdf.js; DOCX: mammoth; HTML: linkedom + Readability;
// Markdown: marked + yaml) and franc's language profiles (behind the English fast path) are loaded with dynamic
// import() on the first document that needs them: the Lambda bundle emits them as separate chunks, so a cold
// start parses none of them, and tsx (tests, CLI, local stack) resolves the same imports from the sources.

import { removeBoilerplate } from './boilerplate';
import { dateInLine } from './dates';
import { declaredCharset, decodeText } from './decode';
import { detectContainer, detectTextFormat, textReadsAsHtml } from './detect-format';
import { clearlyEnglish } from './english';
import { Deadline, NORMALIZE_LIMITS, type NormalizeLimits, reject } from './limits';
import { cleanInline, cleanParagraph, joinLines, mergeBrokenParagraphs, toAscii, vocabulary } from './repair';
import { textToBlocks } from './text';
import type { DocumentFormat, Extracted, NormalizedDocument, NormalizeInput } from './types';

export { formatFromName } from './detect-format';
export { NORMALIZE_LIMITS } from './limits';
export type { NormalizedDocument, NormalizeInput } from './types';

/** detectLanguage of ./language, with its English fast path taken before franc-min is loaded. */
async function detectLanguage(
  text: string,
  minChars: number,
): Promise<{ language: string | null; warnings: string[] }> {
  if (text.length < minChars) return { language: null, warnings: [] };
  if (clearlyEnglish(text)) return { language: 'en', warnings: [] };
  return (await import('./language')).detectLanguage(text, minChars);
}

const HAS_WORD = /[\p{L}\p{N}]/u;

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The single-line cap, checked on the source before a parser meets a pathological line. */
function assertLineLengths(text: string, maxLineChars: number): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > maxLineChars) {
      throw reject(
        'too-complex',
        `the document has a single line of ${end - start} characters (limit ${maxLineChars}); it is not prose`,
      );
    }
    start = end + 1;
  }
}

async function extract(
  input: NormalizeInput,
  limits: NormalizeLimits,
  deadline: Deadline,
): Promise<{ format: DocumentFormat; encoding: string; extracted: Extracted }> {
  const { bytes, key, contentType } = input;
  const container = detectContainer(bytes, key, contentType);
  if (container === 'pdf') {
    const { extractPdf } = await import('./pdf');
    return { format: 'pdf', encoding: 'binary', extracted: await extractPdf(bytes, limits, deadline) };
  }
  if (container === 'zip') {
    const { extractDocx } = await import('./docx');
    return { format: 'docx', encoding: 'binary', extracted: await extractDocx(bytes, limits, deadline) };
  }
  const decoded = decodeText(bytes, declaredCharset(bytes, contentType));
  if (decoded.text.trim() === '') throw reject('empty', 'the file contains only whitespace');
  const format = detectTextFormat(decoded.text, key, contentType);
  // Minified HTML is legitimately one long line; its paragraphs are capped after extraction instead.
  if (format !== 'html') assertLineLengths(decoded.text, limits.maxLineChars);
  deadline.check('decoding');
  const extracted =
    format === 'html'
      ? (await import('./html')).extractHtml(decoded.text, limits)
      : format === 'markdown'
        ? (await import('./markdown')).extractMarkdown(decoded.text, limits)
        : { ...textToBlocks(decoded.text), title: null, publishedDate: null };
  extracted.warnings.unshift(...decoded.warnings);
  return { format, encoding: decoded.encoding, extracted };
}

/**
 * A masthead date line the boilerplate pass removed ("14.10.2026, 11:20 | Regions | Karaganda region"): the
 * publication date, which would otherwise be lost with the chrome (a byline's date too). Only among the first
 * eight paragraphs.
 */
function removedDateLine(opening: string[], kept: string[]): string | null {
  const left = new Set(kept);
  for (const p of opening) {
    if (left.has(p) || p.length > 120) continue;
    const date = dateInLine(p);
    if (date) return date;
  }
  return null;
}

export async function normalizeDocument(
  input: NormalizeInput,
  limits?: Partial<typeof NORMALIZE_LIMITS>,
): Promise<NormalizedDocument> {
  const lim: NormalizeLimits = { ...NORMALIZE_LIMITS, ...limits };
  // Size first: nothing reads the bytes before this check.
  const size = input.bytes.length;
  if (size > lim.maxBytes) {
    throw reject('too-large', `the file is ${megabytes(size)}, over the ${megabytes(lim.maxBytes)} limit`);
  }
  if (size === 0) throw reject('empty', 'the file is empty');
  const deadline = new Deadline(lim.timeoutMs);

  const { format, encoding, extracted } = await extract(input, lim, deadline);
  deadline.check('extraction');
  const warnings = [...extracted.warnings];

  const words = vocabulary(extracted.blocks);
  let paragraphs: string[] = [];
  let lost = 0;
  for (const block of extracted.blocks) {
    if (block.length > lim.maxLineChars) {
      throw reject(
        'too-complex',
        `the document has a paragraph of ${block.length} characters (limit ${lim.maxLineChars})`,
      );
    }
    for (let i = block.indexOf('\ufffd'); i >= 0; i = block.indexOf('\ufffd', i + 1)) lost++;
    const clean = cleanParagraph(joinLines(block, words));
    // A paragraph without a letter or digit ("–", "* * *", "|---|---|", a lone bullet) is layout, not text.
    if (HAS_WORD.test(clean)) paragraphs.push(clean);
  }
  if (lost > 0) {
    warnings.push(
      `removed ${lost} U+FFFD replacement character${lost === 1 ? '' : 's'} (text lost before or in decoding)`,
    );
  }
  deadline.check('repair');

  const opening = paragraphs.slice(0, 8);
  // Boilerplate removal and rejoining can each expose work for the other: loop to the fixed point.
  let merged = 0;
  for (;;) {
    const stripped = removeBoilerplate(paragraphs);
    warnings.push(...stripped.warnings);
    const rejoined = mergeBrokenParagraphs(stripped.paragraphs, words);
    merged += rejoined.merged;
    const changed = rejoined.paragraphs.length !== paragraphs.length;
    paragraphs = rejoined.paragraphs;
    if (!changed) break;
  }
  if (merged > 0) warnings.push(`joined ${merged} paragraph${merged === 1 ? '' : 's'} broken mid-sentence`);
  if (paragraphs.length === 0)
    throw reject('empty', `no text left in the ${format} document after removing markup and boilerplate`);
  deadline.check('boilerplate');

  const text = paragraphs.join('\n\n');
  // A document whose text is itself a web page's source (a Markdown code block holding "<!doctype html>…</body>")
  // reads as that page, as the same text uploaded as .txt would: one answer for the same text.
  if (format !== 'html' && textReadsAsHtml(text))
    return normalizeDocument(
      { bytes: new TextEncoder().encode(text), key: 'document.html', contentType: 'text/html' },
      limits,
    );
  const { language, warnings: languageWarnings } = await detectLanguage(text, lim.minLanguageChars);
  warnings.push(...languageWarnings);
  return {
    format,
    encoding,
    title: extracted.title ? cleanInline(extracted.title) || null : null,
    publishedDate: extracted.publishedDate ?? removedDateLine(opening, paragraphs),
    paragraphs,
    text,
    asciiText: paragraphs.map(toAscii).join('\n\n'),
    language,
    warnings,
  };
}
