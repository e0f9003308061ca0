// PDF → paragraphs through unpdf (the serverless build of Mozilla's pdf.js: pure JS, no worker file, bundles with
// esbuild). Lines come from the text items' baselines; a paragraph ends where the vertical gap is clearly
// wider than the usual line spacing, at a change of font size, and at a page end (repair rejoins sentences
// that run across pages). Page numbers and running headers/footers are dropped.
// pdf.js is the largest part of the ingest asset (1.3 MB minified) but costs nothing at a cold start: this module
// is imported lazily by the normalizer (index.ts), and getResolvedPDFJS loads pdf.js with a dynamic import of its
// own; the Lambda build (lib/bundling.ts) splits both into chunks that load with the first PDF.
import { getResolvedPDFJS } from 'unpdf';
import { isDocumentRejection } from '../errors';
import { type Deadline, type NormalizeLimits, reject } from './limits';
import type { Extracted } from './types';

type Line = { text: string; y: number; height: number };
type TextPiece = { str?: string; transform?: number[]; height?: number; hasEOL?: boolean };

function pageLines(items: TextPiece[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = Number.NaN;
  let height = 0;
  const end = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) lines.push({ text: clean, y, height });
    text = '';
    y = Number.NaN;
    height = 0;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content markers carry no text
    const itemY = item.transform?.[5] ?? y;
    const itemHeight = item.height ?? 0;
    if (item.str.trim() !== '') {
      // A new baseline without an end-of-line flag still starts a new line.
      if (text.trim() !== '' && Math.abs(itemY - y) > Math.max(itemHeight, height, 1) * 0.5) end();
      if (Number.isNaN(y)) y = itemY;
      height = Math.max(height, itemHeight);
    }
    text += item.str;
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

const PAGE_NUMBER = /^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (s: string) => s.replace(/\d+/g, '#').toLowerCase();

/** Drops page numbers, and first/last lines that repeat on most pages (running headers and footers). */
function dropPageFurniture(pages: Line[][], warnings: string[]): Line[][] {
  const repeated = new Set<string>();
  if (pages.length >= 3) {
    const counts = new Map<string, number>();
    for (const lines of pages) {
      const edges = new Set([lines[0], lines.at(-1)].filter((l) => l !== undefined).map((l) => shape(l.text)));
      for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
    }
    for (const [text, count] of counts) if (count >= pages.length * 0.6) repeated.add(text);
  }
  const dropped = new Set<string>();
  const result = pages.map((lines) =>
    lines.filter((line, i) => {
      const edge = i === 0 || i === lines.length - 1;
      if (!edge) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      if (repeated.has(shape(line.text))) {
        dropped.add(line.text);
        return false;
      }
      return true;
    }),
  );
  for (const text of dropped) warnings.push(`pdf: removed running header/footer "${text.slice(0, 60)}"`);
  return result;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function linesToBlocks(pages: Line[][]): string[] {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0) gaps.push(gap);
    }
  }
  const spacing = median(gaps);
  const blocks: string[] = [];
  for (const lines of pages) {
    let current: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const prev = lines[i - 1];
      if (prev) {
        const gap = prev.y - line.y;
        const lineHeight = Math.max(line.height, prev.height);
        const sizeChange = Math.abs(line.height - prev.height) > lineHeight * 0.2;
        // The usual spacing is the median gap, capped by the font size: on a page of one-line paragraphs
        // every gap is a paragraph gap.
        const cap = lineHeight > 0 ? lineHeight * 1.6 : Number.POSITIVE_INFINITY;
        const usual = spacing > 0 ? Math.min(spacing, cap) : cap;
        if (gap <= 0 || gap > usual * 1.35 || sizeChange) {
          blocks.push(current.join('\n'));
          current = [];
        }
      }
      current.push(line.text);
    }
    if (current.length > 0) blocks.push(current.join('\n'));
  }
  return blocks;
}

function pdfError(e: unknown): Error {
  if (isDocumentRejection(e)) return e;
  const name = (e as { name?: string })?.name;
  const message = (e as Error)?.message ?? String(e);
  if (name === 'PasswordException')
    return reject('encrypted', 'the PDF is password-protected; upload an unlocked copy');
  return reject('corrupt', `the PDF could not be read: ${message}`);
}

export async function extractPdf(bytes: Uint8Array, limits: NormalizeLimits, deadline: Deadline): Promise<Extracted> {
  const { getDocument } = await getResolvedPDFJS();
  // pdf.js may take ownership of (detach) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: true, verbosity: 0 });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await deadline.race(task.promise, 'pdf parsing', () => void task.destroy());
  } catch (e) {
    void task.destroy();
    throw pdfError(e);
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) {
      throw reject('too-complex', `the PDF has ${pdf.numPages} pages (limit ${limits.maxPdfPages})`);
    }
    const warnings: string[] = [];
    const { info } = (await deadline.race(pdf.getMetadata(), 'pdf metadata')) as unknown as {
      info: Record<string, unknown>;
    };
    if (info.EncryptFilterName) warnings.push('pdf: encrypted with an owner password only; text extracted');
    const title = typeof info.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() || null : null;

    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      deadline.check(`pdf page ${n}`);
      const page = await deadline.race(pdf.getPage(n), `pdf page ${n}`);
      const content = await deadline.race(page.getTextContent(), `pdf page ${n} text`);
      pages.push(pageLines(content.items as TextPiece[]));
      page.cleanup();
    }
    const blocks = linesToBlocks(dropPageFurniture(pages, warnings));
    if (blocks.length === 0) {
      throw reject('empty', 'the PDF has no extractable text (a scanned image without a text layer?)');
    }
    // CreationDate is when the file was written, not when the report was published: not used.
    return { blocks, title, publishedDate: null, warnings };
  } catch (e) {
    throw pdfError(e);
  } finally {
    await pdf.destroy();
  }
}
