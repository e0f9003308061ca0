// The normalization stage on DOCX and PDF: files generated here with the `docx` and `pdf-lib` packages (no
// hand-made binaries), their traps (truncation, zip bombs, corruption, encryption, page and time caps), and the
// esbuild bundle the Lambdas ship.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { build } from 'esbuild';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { DocumentRejection } from '../../lambdas/core/errors';
import { type NormalizedDocument, normalizeDocument } from '../../lambdas/core/normalize';
import { DOCX_SKELETON, makeZip } from '../support/zip';

const LEAD = [
  'The foreign ministers of the member states met in Dushanbe on Tuesday to prepare the summit, and they agreed on a draft declaration on regional security and trade.',
  'The meeting was chaired by the minister of Tajikistan, who welcomed the delegations and thanked them for the work done since the last session of the council.',
];

async function rejection(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DocumentRejection, `expected a DocumentRejection, got ${e}`);
    assert.equal(e.code, code, e.message);
    return e.message;
  }
  assert.fail(`expected a rejection with code ${code}`);
}

async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    title: 'Council of Foreign Ministers',
    creator: 'meeting-archive tests',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Ministers prepare the summit', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(LEAD[0])] }),
          new Paragraph({
            children: [
              new TextRun('The meeting was chaired by the minister of '),
              new TextRun({ text: 'Tajikistan', bold: true }),
              new TextRun(
                ', who welcomed the delegations and thanked them for the work done since the last session of the council.',
              ),
            ],
          }),
          new Paragraph({ text: 'Kassym-Jomart Tokayev sent a message: \u201cwe agree\u201d.', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Wraps prose at about `width` characters, the way a PDF producer sets lines (pdf.js drops text
// drawn beyond the page edge). */
const wrap = (text: string, width = 85) =>
  text
    .replace(new RegExp(`(.{1,${width}})(?: |$)`, 'g'), '$1\n')
    .trim()
    .split('\n');

type PdfOptions = { pages?: string[][]; title?: string };

/** Each page is a list of lines; '' leaves a blank line (a paragraph gap). */
async function makePdf({
  pages = [[...wrap(LEAD[0]), '', ...wrap(LEAD[1])]],
  title,
}: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title) pdf.setTitle(title);
  pdf.setCreationDate(new Date('2019-01-02T03:04:05Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 790;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 50, y, size: 11, font });
      y -= 15;
    }
  }
  return pdf.save();
}

describe('DOCX', () => {
  it('reads a generated DOCX through mammoth, with its title', async () => {
    const bytes = await makeDocx();
    const doc = await normalizeDocument({ bytes, key: 'minutes/council.docx' });
    assert.equal(doc.format, 'docx');
    assert.equal(doc.encoding, 'binary');
    assert.equal(doc.title, 'Council of Foreign Ministers');
    assert.equal(doc.publishedDate, null);
    assert.deepEqual(doc.paragraphs, [
      'Ministers prepare the summit',
      ...LEAD,
      'Kassym-Jomart Tokayev sent a message: "we agree".',
    ]);
    assert.equal(doc.language, 'en');
    const again = await normalizeDocument({ bytes: Buffer.from(doc.text), key: 'again.txt' });
    assert.equal(again.text, doc.text, 'idempotent');
  });

  it('rejects a truncated DOCX as corrupt', async () => {
    const bytes = await makeDocx();
    const message = await rejection(
      normalizeDocument({ bytes: bytes.subarray(0, Math.floor(bytes.length * 0.6)), key: 'cut.docx' }),
      'corrupt',
    );
    assert.match(message, /truncated/);
  });

  it('rejects a zip bomb by the sizes its directory declares, before inflating anything', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const bomb = makeZip([...DOCX_SKELETON, { name: 'word/document.xml', data: zeros, declaredSize: 4_000_000_000 }]);
    assert.ok(bomb.length < 64 * 1024, `a small file (${bomb.length} bytes)`);
    const started = performance.now();
    const message = await rejection(normalizeDocument({ bytes: bomb, key: 'bomb.docx' }), 'too-complex');
    assert.match(message, /declares 4000\d+ bytes uncompressed/);
    assert.ok(performance.now() - started < 200);
  });

  it('rejects a zip bomb that lies about its size, by inflating with an output bound', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const liar = makeZip([...DOCX_SKELETON, { name: 'word/document.xml', data: zeros, declaredSize: 2000 }]);
    const message = await rejection(normalizeDocument({ bytes: liar, key: 'liar.docx' }), 'too-complex');
    assert.match(message, /inflates beyond 2000 bytes/);
  });

  it('rejects a zip that is not a DOCX as unsupported-format', async () => {
    const zip = makeZip([{ name: 'notes.txt', data: Buffer.from(LEAD[0]) }]);
    await rejection(normalizeDocument({ bytes: zip, key: 'archive.zip' }), 'unsupported-format');
  });

  it('rejects a DOCX that is not a zip at all as corrupt', async () => {
    await rejection(normalizeDocument({ bytes: Buffer.from(LEAD[0]), key: 'fake.docx' }), 'corrupt');
  });
});

describe('PDF', () => {
  it('reads a generated PDF: paragraphs from line gaps, wrapped lines and hyphens joined', async () => {
    const first = wrap(LEAD[0]);
    first[0] = `${first[0]} coop-`;
    first[1] = `eration, ${first[1]}`;
    const bytes = await makePdf({ title: 'Ministers meet', pages: [[...first, '', ...wrap(LEAD[1])]] });
    const doc = await normalizeDocument({ bytes, key: 'report.pdf', contentType: 'application/pdf' });
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.encoding, 'binary');
    assert.equal(doc.title, 'Ministers meet');
    assert.equal(doc.publishedDate, null, 'CreationDate is not a publication date');
    assert.equal(doc.paragraphs.length, 2);
    assert.match(doc.paragraphs[0], /cooperation, /);
    assert.equal(doc.paragraphs[0].replace('cooperation, ', ''), LEAD[0]);
    assert.equal(doc.paragraphs[1], LEAD[1]);
    assert.equal(doc.language, 'en');
    const again = await normalizeDocument({ bytes: Buffer.from(doc.text), key: 'again.txt' });
    assert.equal(again.text, doc.text, 'idempotent');
  });

  it('drops page numbers and rejoins a sentence that runs across pages', async () => {
    const text = `${LEAD[0]} ${LEAD[1]}`;
    const lines = wrap(text, 70);
    const cut = Math.floor(lines.length / 2);
    const bytes = await makePdf({
      pages: [
        [...lines.slice(0, cut), '', '1'],
        [...lines.slice(cut), '', '2'],
      ],
    });
    const doc = await normalizeDocument({ bytes, key: 'two-pages.pdf' });
    assert.deepEqual(doc.paragraphs, [text]);
  });

  it('rejects more pages than the cap as too-complex', async () => {
    const bytes = await makePdf({ pages: [wrap(LEAD[0]), wrap(LEAD[1]), wrap(LEAD[0])] });
    const message = await rejection(normalizeDocument({ bytes, key: 'long.pdf' }, { maxPdfPages: 2 }), 'too-complex');
    assert.match(message, /3 pages \(limit 2\)/);
  });

  it('rejects a parse that outlives the time budget as too-complex', async () => {
    const bytes = await makePdf();
    await rejection(normalizeDocument({ bytes, key: 'slow.pdf' }, { timeoutMs: 1 }), 'too-complex');
  });

  it('rejects a corrupt PDF', async () => {
    const good = await makePdf();
    await rejection(normalizeDocument({ bytes: good.subarray(0, 400), key: 'cut.pdf' }), 'corrupt');
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x7 0 obj << >> garbage ')]);
    await rejection(normalizeDocument({ bytes: garbage, key: 'garbage.pdf' }), 'corrupt');
    await rejection(normalizeDocument({ bytes: Buffer.from(LEAD[0]), key: 'not-really.pdf' }), 'corrupt');
  });

  it('rejects a password-protected PDF as encrypted', async () => {
    // pdf-lib cannot encrypt. A Standard security handler dictionary (RC4, revision 2) is added to the trailer
    // of a generated PDF; its /U entry does not validate the empty user password, which is exactly what a
    // reader meets in a PDF protected by a user password, so pdf.js asks for one.
    const pdf = await PDFDocument.load(await makePdf());
    pdf.context.trailerInfo.Encrypt = pdf.context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('7a'.repeat(32)),
      U: PDFHexString.of('5c'.repeat(32)),
      P: -44,
    });
    const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
    pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
    const bytes = await pdf.save({ useObjectStreams: false });
    assert.match(Buffer.from(bytes).toString('latin1'), /\/Encrypt <<[\s\S]*\/Filter \/Standard/);
    const message = await rejection(normalizeDocument({ bytes, key: 'locked.pdf' }), 'encrypted');
    assert.match(message, /password/);
  });

  it('rejects a PDF without a text layer as empty', async () => {
    const bytes = await makePdf({ pages: [[]] });
    const message = await rejection(normalizeDocument({ bytes, key: 'scan.pdf' }), 'empty');
    assert.match(message, /no extractable text/);
  });
});

describe('the esbuild bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'normalize-bundle-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('normalizes PDF, DOCX and HTML when bundled as the Lambdas are (ESM, node22, createRequire banner)', async () => {
    const outfile = join(dir, 'normalize.mjs');
    const result = await build({
      entryPoints: [new URL('../../lambdas/core/normalize/index.ts', import.meta.url).pathname],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      minify: true,
      // CommonJS dependencies (mammoth, linkedom's optional canvas) call require(); ESM output needs one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(!inputs.some((f) => f.includes('@aws-sdk')), 'no AWS SDK in the core');
    assert.ok(
      inputs.some((f) => f.includes('unpdf')),
      'pdf.js is inside the bundle',
    );
    const bundled = (await import(pathToFileURL(outfile).href)) as {
      normalizeDocument: typeof normalizeDocument;
    };
    const pdf: NormalizedDocument = await bundled.normalizeDocument({
      bytes: await makePdf({ title: 'Bundled' }),
      key: 'bundled.pdf',
    });
    assert.equal(pdf.title, 'Bundled');
    assert.deepEqual(pdf.paragraphs, LEAD);
    const docx = await bundled.normalizeDocument({ bytes: await makeDocx(), key: 'bundled.docx' });
    assert.equal(docx.title, 'Council of Foreign Ministers');
    const html = await bundled.normalizeDocument({
      bytes: Buffer.from(`<html><head><title>T</title></head><body><article><p>${LEAD[0]}</p></article></body></html>`),
      key: 'bundled.html',
    });
    assert.deepEqual(html.paragraphs, [LEAD[0]]);
    // Rejections survive minification with their name and code (the ingest path checks both).
    await assert.rejects(bundled.normalizeDocument({ bytes: new Uint8Array(0), key: 'x.txt' }), {
      name: 'DocumentRejection',
      code: 'empty',
    });
  });
});
