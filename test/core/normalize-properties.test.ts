// Properties of the normalization stage over generated inputs (fast-check):
//   - any bytes, under any key and content type, give a document or a DocumentRejection, nothing else;
//   - so do damaged DOCX and PDF files (truncated, bytes flipped, bytes spliced in);
//   - every document is clean: `text` is the paragraphs joined by blank lines; a paragraph is non-empty, trimmed,
//     on one line, without runs of whitespace, and holds a letter or digit; neither paragraphs nor the title hold
//     C0/C1 controls, U+FFFD, lone surrogates, noncharacters, bidi controls, soft hyphens or zero-width spaces.
//     Decision: U+FFFD is removed even when the input had it (it only marks a character lost earlier and cannot be
//     matched or searched); a warning counts the ones removed;
//   - normalizing is idempotent: the text of a result read again as a .txt gives the same text, for generated
//     HTML, Markdown and plain text with e-mail and layout conventions as well as for arbitrary input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DocumentRejection } from '../../lambdas/core/errors';
import { type NormalizedDocument, normalizeDocument } from '../../lambdas/core/normalize';

const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufdd0-\ufdef\ufeff\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const show = (s: string) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);

function assertClean(doc: NormalizedDocument): void {
  assert.ok(doc.paragraphs.length > 0, 'at least one paragraph');
  assert.equal(doc.text, doc.paragraphs.join('\n\n'));
  for (const p of doc.paragraphs) {
    assert.ok(!FORBIDDEN.test(p), `no control or invisible character in ${show(p)}`);
    assert.ok(p === p.trim() && !/\s{2}/.test(p), `trimmed, single spaces: ${show(p)}`);
    assert.ok(/[\p{L}\p{N}]/u.test(p), `a letter or digit in ${show(p)}`);
  }
  if (doc.title !== null) {
    assert.ok(doc.title !== '' && !FORBIDDEN.test(doc.title), `clean title ${show(doc.title)}`);
    assert.ok(doc.title === doc.title.trim() && !/\s{2}/.test(doc.title), `trimmed title ${show(doc.title)}`);
  }
  assert.ok(/^[\x20-\x7e\n]*$/.test(doc.asciiText), 'asciiText is plain ASCII');
}

/** A document, or null for a DocumentRejection; anything else thrown fails the property. */
async function normalizeOrReject(bytes: Uint8Array, key: string, contentType?: string) {
  try {
    return await normalizeDocument({ bytes, key, contentType });
  } catch (e) {
    if (e instanceof DocumentRejection) return null;
    throw new Error(`${key} (${contentType}) threw ${e instanceof Error ? e.stack : String(e)}`);
  }
}

async function assertIdempotent(doc: NormalizedDocument): Promise<void> {
  const again = await normalizeDocument({ bytes: Buffer.from(doc.text), key: 'again.txt' });
  assert.equal(again.text, doc.text);
  assert.equal(again.asciiText, doc.asciiText);
}

const KEYS = ['a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx', 'f.pdf', 'upload', 'dir/G.TXT'];
const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'text/html; charset=utf-8',
  'text/markdown',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
  'text/plain; charset=koi8-r',
  'text/html; charset=shift_jis',
  'text/plain; charset=no-such-charset',
];

// Fragments that reach the corners of the decoders, detectors and extractors.
const FRAGMENTS = [
  '<p>',
  '</p>',
  '<br>',
  '<div>',
  '<html>',
  '</body>',
  '<!-- c -->',
  '<!--',
  '<script>x</script>',
  '<script',
  '<![CDATA[',
  '-->',
  '<!doctype html>',
  '<svg>',
  '<article>',
  '<td>',
  '</title>',
  '<time datetime="2021-13-45">',
  '&#0;',
  '&#x85;',
  '&#xD800;',
  '&#xFFFD;',
  '&#x202E;',
  '# ',
  '- ',
  '* * *',
  '> ',
  '---\n',
  'title: x\n',
  '```\n',
  '| a | b |\n|---|---|\n',
  '\n',
  '\n\n',
  '\r',
  '\t',
  '--',
  ' - ',
  '........',
  'From: A <a@b.c>\n',
  '-- \n',
  'co-\nop',
  '\u0085',
  '\u2028',
  '\ufffd',
  '\u00ad',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u0001',
  'The ministers met in Dushanbe.',
  'and they agreed',
  'Kassym-Jomart Tokayev',
  'Share on Facebook',
];
const texty = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 16 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  texty.map((s) => new Uint8Array(Buffer.from(s))),
  texty.map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
  texty.map((s) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))),
  texty.map((s) => new Uint8Array(Buffer.from(s, 'latin1'))),
  fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), b]))),
  fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), b]))),
);

describe('normalize: any bytes', () => {
  it('give a clean document or a DocumentRejection, under any key and content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBytes,
        fc.constantFrom(...KEYS),
        fc.constantFrom(...CONTENT_TYPES),
        async (bytes, key, contentType) => {
          const doc = await normalizeOrReject(bytes, key, contentType);
          if (!doc) return;
          assertClean(doc);
          await assertIdempotent(doc);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('damaged DOCX and PDF files give a clean document or a DocumentRejection', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        title: 'Council\u0001 minutes\ufffd',
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('The ministers met in Dushanbe on Tuesday and agreed.')] }),
              new Paragraph('A second paragraph\u0007 with a control character.'),
            ],
          },
        ],
      }),
    );
    const pdf = await PDFDocument.create();
    pdf.setTitle('Council\u0000 minutes');
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('The ministers met in Dushanbe on Tuesday and agreed.', { x: 50, y: 700, size: 11, font });
    page.drawText('A second line follows here.', { x: 50, y: 686, size: 11, font });
    const bases: [Uint8Array, string][] = [
      [new Uint8Array(docx), 'minutes.docx'],
      [await pdf.save({ useObjectStreams: false }), 'minutes.pdf'],
      [await pdf.save(), 'compressed.pdf'],
    ];
    for (const [bytes, key] of bases) assertClean((await normalizeOrReject(bytes, key))!);
    const damage = fc.record({
      base: fc.nat(bases.length - 1),
      kind: fc.constantFrom('truncate', 'flip', 'splice'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      count: fc.integer({ min: 1, max: 24 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ base, kind, at, count, bytes }) => {
        const [original, key] = bases[base];
        const copy = new Uint8Array(original);
        const offset = Math.floor(at * copy.length);
        let damaged: Uint8Array = copy;
        if (kind === 'truncate') damaged = copy.subarray(0, offset);
        else if (kind === 'flip') {
          for (let i = 0; i < count; i++) copy[(offset + i * 97) % copy.length] ^= bytes[i % bytes.length] || 1;
        } else {
          damaged = new Uint8Array(Buffer.concat([copy.subarray(0, offset), bytes, copy.subarray(offset + count)]));
        }
        const doc = await normalizeOrReject(damaged, key);
        if (doc) assertClean(doc);
      }),
      { numRuns: 150 },
    );
  });
});

// Generated documents: words with the traps (quotes, dashes, hyphens, markup-like text, boilerplate words).
const WORDS = [
  'summit',
  'leaders',
  'Dushanbe',
  'José',
  'and',
  'the',
  'of',
  '2021',
  'co-',
  'operation',
  '\u201cquoted\u201d',
  'it\u2019s',
  '\u2014',
  '-',
  '--',
  'Kassym-',
  'Jomart',
  'http://x.org/a',
  'Share',
  'Home',
  '|',
  '©',
  'By',
  '#',
  '*',
  '>',
  '1.',
  '&amp;',
  '&nbsp;',
  '&lt;p&gt;',
  '<html>',
  'e\u0301',
  '...',
  'Related',
  'Comments',
  '===',
];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

const htmlInline = fc
  .array(
    fc.oneof(
      phrase,
      phrase.map((p) => `<b>${p}</b>`),
      phrase.map((p) => `<a href="https://example.org/${p.length}">${p}</a>`),
      fc.constantFrom('<br>', '<br/>\n'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(' '));
const htmlBlock = fc.oneof(
  htmlInline.map((s) => `<p>${s}</p>`),
  htmlInline.map((s) => `<h2>${s}</h2>`),
  fc
    .array(htmlInline, { minLength: 1, maxLength: 4 })
    .map((li) => `<ul>${li.map((l) => `<li>${l}</li>`).join('')}</ul>`),
  htmlInline.map((s) => `<pre>${s}\n  ${s}</pre>`),
  htmlInline.map((s) => `<blockquote>${s}</blockquote>`),
  htmlInline.map((s) => `<nav>${s}</nav>`),
  htmlInline.map((s) => `<div>${s}<div>${s}</div></div>`),
  htmlInline.map((s) => `<table><tr><td>${s}</td><td>${s}</td></tr></table>`),
  htmlInline.map((s) => `<figure><figcaption>${s}</figcaption></figure>`),
);
const html = fc
  .tuple(fc.array(htmlBlock, { minLength: 1, maxLength: 10 }), fc.boolean(), phrase)
  .map(
    ([blocks, article, title]) =>
      `<!doctype html><html><head><title>${title}</title></head><body>${article ? '<article>' : ''}${blocks.join('\n')}${article ? '</article>' : ''}</body></html>`,
  );

const mdInline = fc
  .array(
    fc.oneof(
      phrase,
      phrase.map((p) => `**${p}**`),
      phrase.map((p) => `_${p}_`),
      phrase.map((p) => `[${p}](https://example.org/x)`),
      phrase.map((p) => `\`${p}\``),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(' '));
const mdBlock = fc.oneof(
  mdInline,
  mdInline.map((s) => `# ${s}`),
  fc.array(mdInline, { minLength: 1, maxLength: 4 }).map((items) => items.map((x) => `- ${x}`).join('\n')),
  fc.array(mdInline, { minLength: 1, maxLength: 3 }).map((items) => items.map((x, i) => `${i + 1}. ${x}`).join('\n')),
  mdInline.map((s) => `> ${s}`),
  mdInline.map((s) => `\`\`\`\n${s}\n\`\`\``),
  mdInline.map((s) => `| a | b |\n|---|---|\n| ${s} | x |`),
  fc.constantFrom('---', '* * *'),
  mdInline.map((s) => `${s}\n${s}`),
);
const markdown = fc
  .tuple(fc.array(mdBlock, { minLength: 1, maxLength: 10 }), fc.option(phrase))
  .map(
    ([blocks, title]) =>
      `${title === null ? '' : `---\ntitle: ${JSON.stringify(title)}\ndate: 2021-01-02\n---\n`}${blocks.join('\n\n')}`,
  );

// Plain text as mail clients and word processors leave it: wrapped prose, lists, quotes, headers, signatures.
const wrap = (p: string, width: number) => p.replace(new RegExp(`(.{1,${width}})(?: |$)`, 'g'), '$1\n').trim();
const textBlock = fc.oneof(
  fc.tuple(phrase, phrase, phrase).map((ps) => wrap(ps.join(' '), 60)),
  fc.array(phrase, { minLength: 1, maxLength: 4 }).map((items) => items.map((x) => `  - ${x}`).join('\n')),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((x) => `> ${x}`).join('\n')),
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((rows) => rows.map((x) => `${x} ........ Chair`).join('\n')),
  phrase.map((p) => `From: ${p}\nTo: ${p}\nDate: Mon, 20 Oct 2025 09:14:02 +0200\nSubject: ${p}`),
  phrase.map((p) => `--\n${p}\n${p}`),
  phrase.map((p) => `---------- ${p} ----------`),
  phrase.map((p) => `Media: ${p}\nPress: ${p}`),
);
const plainText = fc
  .tuple(fc.array(textBlock, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\r\n\r\n', '\n \n'))
  .map(([blocks, separator]) => blocks.join(separator));

describe('normalize: generated documents are clean and idempotent', () => {
  for (const [name, arbitrary, key] of [
    ['HTML', html, 'page.html'],
    ['Markdown', markdown, 'notes.md'],
    ['plain text with e-mail and layout conventions', plainText, 'mail.txt'],
  ] as const) {
    it(`${name}: its text read again as .txt gives the same text`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (source) => {
          const doc = await normalizeOrReject(Buffer.from(source), key);
          if (!doc) return;
          assertClean(doc);
          await assertIdempotent(doc);
        }),
        { numRuns: 250 },
      );
    });
  }
});

describe('normalize: inputs the properties found', () => {
  it('"<!--<html>": a page whose root tag is inside a comment (linkedom built no root; its body getter threw)', async () => {
    await assert.rejects(normalizeDocument({ bytes: Buffer.from('<!--<html>'), key: 'd.htm' }), {
      name: 'DocumentRejection',
      code: 'empty',
    });
    const doc = await normalizeDocument({
      bytes: Buffer.from('<!--<html>--><p>The ministers met in Dushanbe on Tuesday.</p>'),
      key: 'page.html',
    });
    assert.deepEqual(doc.paragraphs, ['The ministers met in Dushanbe on Tuesday.']);
  });

  it('a CDATA section before a stray doctype (Readability looped for ever on the comment linkedom made)', async () => {
    for (const html of [
      '<![CDATA[--><!doctype html><svg><article>',
      '</title><td><![CDATA[--><time datetime="2021-13-45"><!doctype html><svg><article>',
    ]) {
      await assert.rejects(normalizeDocument({ bytes: Buffer.from(html), key: 'a.html' }), { code: 'empty' });
    }
    const doc = await normalizeDocument({
      bytes: Buffer.from('<p>The ministers met in Dushanbe.</p><![CDATA[--><!doctype html><svg><article>'),
      key: 'a.html',
    });
    assert.deepEqual(doc.paragraphs, ['The ministers met in Dushanbe.']);
  });

  it('a normalized text that starts with a literal "<html>" stays text when read again', async () => {
    const doc = await normalizeDocument({ bytes: Buffer.from('Use `<html>` and then `<body>`.'), key: 'a.md' });
    assert.equal(doc.text, 'Use <html> and then <body>.');
    const again = await normalizeDocument({ bytes: Buffer.from(doc.text), key: 'again.txt' });
    assert.equal(again.format, 'text');
    assert.equal(again.text, doc.text);
  });

  it('U+FFFD, controls and bidi overrides are removed, with a warning for U+FFFD', async () => {
    const doc = await normalizeDocument({
      bytes: Buffer.from('Jos\ufffd Garc\u00eda\u0001 met \u202eMr. Li\u202c in Dushanbe\u0085on Tuesday.'),
      key: 'a.txt',
    });
    assert.equal(doc.text, 'Jos García met Mr. Li in Dushanbe on Tuesday.');
    assert.ok(doc.warnings.includes('removed 1 U+FFFD replacement character (text lost before or in decoding)'));
  });

  it('paragraphs without a letter or digit are dropped ("–", "* * *", a table rule)', async () => {
    const doc = await normalizeDocument({
      bytes: Buffer.from('<p>The ministers met.</p><p>–</p><p>* * *</p><p>|---|---|</p><p>They agreed.</p>'),
      key: 'a.html',
    });
    assert.deepEqual(doc.paragraphs, ['The ministers met.', 'They agreed.']);
  });
});

describe('normalize: inputs that once took exponential or quadratic time', () => {
  // Each took seconds to hours with the backtracking expressions they replaced; a regression shows up as a
  // test that runs into the runner's timeout.
  const cases: [string, string, string][] = [
    ['comments before text, named .txt', `${'<!--a-->'.repeat(40)}x hello world`, 'x.txt'],
    ['comments before text, no extension', `${'<!--a-->'.repeat(40)}x hello world`, 'upload'],
    ['unclosed <script> tags', `<p>The ministers met.</p>${'<script '.repeat(50_000)}`, 'x.html'],
    ['unclosed comments', `<p>The ministers met.</p>${'<!-- '.repeat(50_000)}`, 'x.html'],
    ['unclosed tags', `<p>The ministers met.</p>${'<a'.repeat(50_000)}`, 'x.html'],
    ['a long run of spaces inside a line', `The ministers${' '.repeat(150_000)}met.\nnext line`, 'x.txt'],
    ['a long word before a <br>', `<p>${'a'.repeat(150_000)}<br>b</p>`, 'x.html'],
    [
      'thousands of paragraphs broken mid-sentence',
      Array.from({ length: 8000 }, (_, i) => `and the ministers agreed on plan ${i} for the region`).join('\n\n'),
      'x.txt',
    ],
  ];
  for (const [name, source, key] of cases) {
    it(name, async () => {
      const doc = await normalizeDocument({ bytes: Buffer.from(source), key });
      assertClean(doc);
    });
  }
});
