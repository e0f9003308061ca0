// The normalization stage on text-family inputs: the seed sample, encodings, plain text repair, HTML, Markdown,
// boilerplate, language, the rejections that need no binary container, and idempotence.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DocumentRejection } from '../../lambdas/core/errors';
import { NORMALIZE_LIMITS, type NormalizedDocument, normalizeDocument } from '../../lambdas/core/normalize';

const SEED = readFileSync(new URL('../../samples/sco-summit-2021.txt', import.meta.url));

const normalize = (content: string | Uint8Array, key = 'doc.txt', contentType?: string) =>
  normalizeDocument({ bytes: typeof content === 'string' ? Buffer.from(content) : content, key, contentType });

/** Asserts that normalizing rejects with this code, and returns the message. */
async function rejection(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DocumentRejection, `expected a DocumentRejection, got ${e}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.length > 10);
    return e.message;
  }
  assert.fail(`expected a rejection with code ${code}`);
}

const isAscii = (s: string) => /^[\x20-\x7e\n]*$/.test(s);

const assertShape = (doc: NormalizedDocument) => {
  assert.equal(doc.text, doc.paragraphs.join('\n\n'));
  assert.ok(isAscii(doc.asciiText), 'asciiText is plain ASCII');
  assert.equal(doc.asciiText.split('\n\n').length, doc.paragraphs.length, 'asciiText keeps the paragraph breaks');
  for (const p of doc.paragraphs) {
    assert.ok(p.length > 0 && !p.includes('\n') && p === p.trim() && !/\s{2}/.test(p), `clean paragraph: ${p}`);
  }
};

// A realistic lead for generated documents (invented, not copied from any article).
const LEAD = [
  'The foreign ministers of the member states met in Dushanbe on Tuesday to prepare the summit, and they agreed on a draft declaration on regional security and trade.',
  'The meeting was chaired by the minister of Tajikistan, who welcomed the delegations and thanked them for the work done since the last session of the council.',
  'Several ministers took part by video link. They discussed counter-terrorism cooperation, transport corridors and the situation in Afghanistan, and they adopted a joint statement.',
];

describe('the seed sample (samples/sco-summit-2021.txt)', () => {
  it('drops the web boilerplate, rejoins the broken paragraph and handles the quotes', async () => {
    const doc = await normalize(SEED, 'samples/sco-summit-2021.txt', 'text/plain');
    assertShape(doc);
    assert.equal(doc.format, 'text');
    assert.equal(doc.encoding, 'utf-8');
    assert.equal(doc.language, 'en');
    assert.equal(doc.title, null);
    assert.equal(doc.publishedDate, null);
    for (const junk of ['About The Author', 'Related Posts', 'Leave a Reply', 'Your email address']) {
      assert.ok(!doc.text.includes(junk), `no "${junk}"`);
    }
    assert.match(doc.text, /They should enhance counter-terrorism cooperation, jointly combat/);
    // 24 non-empty lines in the file: 4 are boilerplate, and 2 are one paragraph broken mid-sentence.
    assert.equal(doc.paragraphs.length, 19);
    assert.ok(doc.paragraphs[0].startsWith('On the afternoon of September 17, 2021, President Xi Jinping'));
    assert.ok(doc.paragraphs.at(-1)?.startsWith('Wang Yi attended the meeting in Tajikistan'));
    // Curly quotes become straight ones in text.
    assert.ok(!/[\u2018\u2019\u201c\u201d]/.test(doc.text));
    assert.match(
      doc.text,
      /titled "Staying True to Our Founding Mission and Forging Ahead on a New Journey of SCO Cooperation"\./,
    );
    assert.match(doc.text, /let's hold high the banner/);
    assert.match(doc.text, /Kassym-Jomart Tokayev/);
    assert.ok(doc.warnings.includes('removed boilerplate: "Related Posts"'));
    assert.ok(doc.warnings.includes('joined 1 paragraph broken mid-sentence'));
  });

  it('is idempotent: normalizing its text again changes nothing', async () => {
    const first = await normalize(SEED, 'samples/sco-summit-2021.txt');
    const second = await normalize(first.text, 'again.txt');
    assert.equal(second.text, first.text);
    assert.deepEqual(second.paragraphs, first.paragraphs);
    assert.equal(second.asciiText, first.asciiText);
    assert.deepEqual(second.warnings, []);
  });
});

const cp1252 = (s: string) =>
  Buffer.from(
    [...s].map((c) => {
      const special: Record<string, number> = { '–': 0x96, '—': 0x97, '“': 0x93, '”': 0x94, '’': 0x92, '€': 0x80 };
      const code = special[c] ?? c.codePointAt(0)!;
      assert.ok(code < 0x100, `cannot encode ${c}`);
      return code;
    }),
  );

describe('decoding', () => {
  const sample = 'Señor José – café, “Dushanbe” and Kassym-Jomart’s € budget.';

  it('reads UTF-8 with and without a BOM', async () => {
    const plain = await normalize(sample);
    assert.equal(plain.encoding, 'utf-8');
    const bom = await normalize(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]));
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.equal(bom.text, plain.text);
    assert.equal(plain.text, 'Señor José – café, "Dushanbe" and Kassym-Jomart\'s € budget.');
    assert.equal(plain.asciiText, 'Senor Jose - cafe, "Dushanbe" and Kassym-Jomart\'s budget.'); // € has no ASCII form
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const docLe = await normalize(le);
    const docBe = await normalize(be);
    assert.equal(docLe.encoding, 'utf-16le');
    assert.equal(docBe.encoding, 'utf-16be');
    assert.equal(docLe.text, 'Señor José – café, "Dushanbe" and Kassym-Jomart\'s € budget.');
    assert.equal(docBe.text, docLe.text);
  });

  it('reads UTF-16 LE without a BOM, and says so', async () => {
    const doc = await normalize(Buffer.from(`${LEAD[0]}\n`, 'utf16le'));
    assert.equal(doc.encoding, 'utf-16le');
    assert.equal(doc.text, LEAD[0]);
    assert.ok(doc.warnings.includes('decoded as utf-16le (no byte order mark)'));
  });

  it('falls back to Windows-1252 when UTF-8 is invalid, including its 0x80–0x9F punctuation', async () => {
    const bytes = cp1252('Señor José – café');
    assert.deepEqual([...bytes.subarray(0, 4)], [0x53, 0x65, 0xf1, 0x6f]);
    const doc = await normalize(bytes, 'latin.txt');
    assert.equal(doc.encoding, 'windows-1252');
    assert.equal(doc.text, 'Señor José – café');
    assert.equal(doc.asciiText, 'Senor Jose - cafe');
    assert.ok(doc.warnings.includes('decoded as windows-1252 (invalid UTF-8)'));
    const quoted = await normalize(cp1252('“Señor” José’s café — €5'), 'latin.txt');
    assert.equal(quoted.text, '"Señor" José\'s café – €5');
  });

  it('uses a declared charset when UTF-8 is invalid', async () => {
    const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]); // "Привет" in KOI8-R
    const doc = await normalize(koi8, 'ru.txt', 'text/plain; charset=koi8-r');
    assert.equal(doc.encoding, 'koi8-r');
    assert.equal(doc.text, 'Привет');
    assert.equal(doc.asciiText, '');
  });
});

describe('plain text repair', () => {
  it('joins hard-wrapped lines, keeps headings apart and removes line-end hyphens only inside words', async () => {
    const text = [
      'JOINT STATEMENT',
      '',
      'The ministers agreed on Tuesday to deepen their coop-',
      'eration on transport and energy, and President Kassym-',
      'Jomart Tokayev welcomed the plan against counter-',
      'terrorism that the council adopted after a long debate in',
      'Dushanbe.',
      'A second paragraph follows on its own line, and it is also',
      'wrapped.',
      '',
      'The counter-terrorism centre will open in 2022, the statement said.',
    ].join('\n');
    const doc = await normalize(text);
    assert.deepEqual(doc.paragraphs, [
      'JOINT STATEMENT',
      'The ministers agreed on Tuesday to deepen their cooperation on transport and energy, and President Kassym-Jomart Tokayev welcomed the plan against counter-terrorism that the council adopted after a long debate in Dushanbe.',
      'A second paragraph follows on its own line, and it is also wrapped.',
      'The counter-terrorism centre will open in 2022, the statement said.',
    ]);
  });

  it('rejoins a paragraph broken mid-sentence but not one that ended', async () => {
    const doc = await normalize(`${LEAD[0]} They should\n\nenhance cooperation.\n\n${LEAD[1]}\n\nthe end.`);
    assert.equal(doc.paragraphs.length, 3);
    assert.match(doc.paragraphs[0], /They should enhance cooperation\.$/);
    assert.equal(doc.paragraphs[2], 'the end.');
  });

  it('makes quotes and dashes consistent and collapses whitespace', async () => {
    const doc = await normalize(
      'He said: \u201cwe agree\u201d \u2014 and \u2018so\u2019 did they\u00a0 \t in 2020\u20132021 - the China\u2013Russia talks -- too\u2026\u00ad',
    );
    assert.equal(doc.text, 'He said: "we agree" – and \'so\' did they in 2020-2021 – the China-Russia talks – too…');
    assert.equal(
      doc.asciiText,
      'He said: "we agree" - and \'so\' did they in 2020-2021 - the China-Russia talks - too...',
    );
  });

  it('composes decomposed characters (NFC) and folds them in the ASCII view', async () => {
    const doc = await normalize('Jose\u0301 Mu\u0308ller, Łukasz and Straße');
    assert.equal(doc.text, 'José Müller, Łukasz and Straße');
    assert.equal(doc.asciiText, 'Jose Muller, Lukasz and Strasse');
  });
});

const ARTICLE_HTML = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Dushanbe | Example News</title>
<meta property="og:title" content="Ministers meet in Dushanbe">
<meta property="article:published_time" content="2021-07-13T18:30:00+05:00">
<style>body { font-family: SECRET_STYLE; }</style>
<script>window.tracker = 'SECRET_SCRIPT';</script>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-07-12"}</script>
</head><body>
<header class="site-header"><a href="/">Example News</a><p>Breaking: SITE_HEADER_TEXT</p></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>Ministers meet in Dushanbe</h1>
<p class="byline">By <a href="/staff">Staff</a> · <time datetime="2021-07-14">July 14</time></p>
${LEAD.map((p) => `<p>${p.replace('Dushanbe', '<b>Dushanbe</b>')}</p>`).join('\n')}
<p>The declaration mentions &ldquo;mutual trust&rdquo; &amp; the caf&eacute; diplomacy of Se&ntilde;or Jos&eacute;, with trade of 5&nbsp;billion&#160;dollars.</p>
<script>document.write('SECRET_INLINE_SCRIPT');</script>
<!-- SECRET_HTML_COMMENT: <p>not rendered</p> -->
<p>Share this: <a href="#">Facebook</a> <a href="#">Twitter</a></p>
</article></main>
<section id="comments" class="comments-area"><h3>2 Comments</h3>
<div class="comment"><p>COMMENT_TEXT: great article, thank you very much for the report and the photos!</p></div>
<div class="comment"><p>COMMENT_TEXT again: I do not agree with the ministers on the corridors at all.</p></div>
<h3>Leave a Reply</h3><form><label>Comment</label><textarea>FORM_TEXT</textarea></form></section>
<footer><p>&copy; 2021 Example News. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/cookies">Cookies</a></li></ul></footer>
</body></html>`;

describe('HTML', () => {
  const assertArticle = (doc: NormalizedDocument) => {
    assertShape(doc);
    assert.equal(doc.format, 'html');
    for (const p of LEAD) assert.ok(doc.paragraphs.includes(p), `article paragraph kept: ${p.slice(0, 40)}`);
    assert.ok(
      doc.paragraphs.includes(
        'The declaration mentions "mutual trust" & the café diplomacy of Señor José, with trade of 5 billion dollars.',
      ),
    );
    for (const junk of [
      'SECRET',
      'COMMENT_TEXT',
      'FORM_TEXT',
      'SITE_HEADER_TEXT',
      'All rights reserved',
      'Home',
      'Privacy',
      'Leave a Reply',
      'Share this',
    ]) {
      assert.ok(!doc.text.includes(junk), `no "${junk}" in ${JSON.stringify(doc.paragraphs)}`);
    }
  };

  it('extracts the article with Readability, with its metadata, and never the scripts, nav, footer or comments', async () => {
    const doc = await normalize(ARTICLE_HTML, 'news/ministers.html');
    assertArticle(doc);
    assert.equal(doc.title, 'Ministers meet in Dushanbe');
    assert.equal(doc.publishedDate, '2021-07-13'); // article:published_time, as written (not shifted to UTC)
    assert.equal(doc.language, 'en');
  });

  it('gives the same article through the tag-stripping fallback', async () => {
    const doc = await normalizeDocument(
      { bytes: Buffer.from(ARTICLE_HTML), key: 'page', contentType: 'text/html; charset=utf-8' },
      { maxReadabilityElements: 5 },
    );
    assertArticle(doc);
    assert.ok(doc.warnings.some((w) => w.includes('tag-stripping fallback')));
  });

  it('takes the date from <time datetime> and the title from <title> when there is no meta', async () => {
    const html = `<html><head><title> Council   session </title></head><body><article><p><time datetime="2022-09-16T10:00">16 September</time></p>${LEAD.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const doc = await normalize(html, 'x.htm');
    assert.equal(doc.title, 'Council session');
    assert.equal(doc.publishedDate, '2022-09-16');
  });

  it('recognises a saved web page by its doctype even when named .txt', async () => {
    const doc = await normalize(ARTICLE_HTML, 'saved.txt');
    assert.equal(doc.format, 'html');
    assert.ok(!doc.text.includes('SECRET'));
  });

  it('rejects a page whose only content is script', async () => {
    await rejection(normalize('<html><body><script>var a = 1;</script></body></html>', 'x.html'), 'empty');
  });
});

describe('Markdown', () => {
  it('reads a code block that is a whole web page as that page, as the same text uploaded as .txt is read', async () => {
    // fast-check's counterexample: the .md kept "<!doctype html></body>" as text, which read again as .txt is a page
    const page = '\t<!doctype html></body>';
    await rejection(normalize(page, 'b.md'), 'empty');
    await rejection(normalize(page.trim(), 'again.txt'), 'empty');
    const doc = await normalize('\t<!doctype html><p>The ministers met in Dushanbe.</p></body>', 'b.md');
    const again = await normalize(doc.text, 'again.txt');
    assert.equal(again.text, doc.text);
  });

  const markdown = [
    '---',
    'title: "Summit notes: day one"',
    'date: 2021-09-17',
    'tags: [sco, summit]',
    '---',
    '# The summit opens',
    '',
    `The **heads of state** met in _Dushanbe_ on Friday, as the [official site](https://example.org/sco/2021 "SCO") reported. ${LEAD[0]}`,
    '',
    '- first item with `code`',
    '- second item',
    '',
    '![a photo](https://example.org/photo.jpg)',
    '',
    `> ${LEAD[1]}`,
  ].join('\n');

  it('puts the front matter into metadata and strips the formatting, keeping link text', async () => {
    const doc = await normalize(markdown, 'notes/day-one.md');
    assertShape(doc);
    assert.equal(doc.format, 'markdown');
    assert.equal(doc.title, 'Summit notes: day one');
    assert.equal(doc.publishedDate, '2021-09-17');
    assert.deepEqual(doc.paragraphs, [
      'The summit opens',
      `The heads of state met in Dushanbe on Friday, as the official site reported. ${LEAD[0]}`,
      'first item with code',
      'second item',
      LEAD[1],
    ]);
    for (const mark of ['#', '**', '_Dushanbe', '](', 'https://', '`', 'tags', '---', 'photo']) {
      assert.ok(!doc.text.includes(mark), `no "${mark}"`);
    }
  });

  it('is detected from the content type or the content when the key has no extension', async () => {
    assert.equal((await normalize('# Title\n\nSome **bold** text.', 'upload-1', 'text/markdown')).format, 'markdown');
    assert.equal((await normalize(markdown, 'upload-2')).format, 'markdown');
    assert.equal((await normalize(LEAD.join('\n\n'), 'upload-3')).format, 'text');
  });
});

describe('boilerplate', () => {
  it('removes credit, copyright, share, cookie and navigation lines wherever they are', async () => {
    const doc = await normalize(
      [
        'Home | World | Asia | Contact',
        LEAD[0],
        'Photo: Xinhua/Li Ming',
        LEAD[1],
        'Share on Facebook Twitter WhatsApp',
        'We use cookies to improve your experience. Accept all cookies',
        LEAD[2],
        'Web editor: Zhang Wei',
        'Editor: Li Hong',
        '© 2021 Example News Agency',
        'All rights reserved.',
      ].join('\n\n'),
    );
    assert.deepEqual(doc.paragraphs, LEAD);
    assert.ok(doc.warnings.includes('removed boilerplate: "Web editor: Zhang Wei"'));
    assert.ok(doc.warnings.includes('removed boilerplate: "Home | World | Asia | Contact"'));
  });

  it('keeps the numbered rows of a text table, whose short cells look like a navigation line', async () => {
    const rows = [
      'No. | Name | Designation | Organization',
      '2. | Hon. Joseph Ssempijja-Mukasa | Vice Chairperson | KWSSB Board',
      '3. | Prof. Grace Atim Okello | Member | Makerere University',
    ];
    const doc = await normalize(['PRESENT', ...rows, LEAD[0]].join('\n\n'));
    assert.deepEqual(doc.paragraphs, ['PRESENT', ...rows, LEAD[0]]);
  });

  it('keeps a dateline beside language links, and drops a navigation line', async () => {
    const doc = await normalize(
      ['Gdynia, 13.03.2026 · Polska wersja · Українська версія', 'Home | News | Shipyards | Contact', ...LEAD].join(
        '\n\n',
      ),
    );
    assert.deepEqual(doc.paragraphs, ['Gdynia, 13.03.2026 · Polska wersja · Українська версія', ...LEAD]);
  });

  it('keeps the item "(c)" of a lettered list, and drops "(c)" copyright lines', async () => {
    const items = [
      '(b) The Vice-Chancellor reported on enrolments.',
      '(c) The Tertiary Education Commission (TEC) has confirmed the funding.',
      '(c) Any other business',
    ];
    const doc = await normalize(
      [
        ...LEAD,
        ...items,
        '(c) 2026 Marine Fuels Intelligence Ltd. | Terms',
        '(c) Reuters',
        '(C) Copyright Acme Media',
      ].join('\n\n'),
    );
    assert.deepEqual(doc.paragraphs, [...LEAD, ...items]);
  });

  it('cuts a trailing "Related stories" block with its titles, but not a marker early in the text', async () => {
    const body = [
      'Comments',
      ...LEAD,
      'Related stories',
      'Xi meets Putin in Dushanbe',
      'Leaders sign declaration on food security',
    ];
    const doc = await normalize(body.join('\n\n'));
    assert.deepEqual(doc.paragraphs, ['Comments', ...LEAD]);
    assert.ok(doc.warnings.includes('removed boilerplate: "Xi meets Putin in Dushanbe"'));
  });

  it('keeps sentences that merely mention the words', async () => {
    const p =
      'The ministers said all rights reserved to member states under the charter must be respected by everyone.';
    const q =
      'Related posts on social media were discussed, and the editor: a journalist from Tajikistan, asked questions.';
    const doc = await normalize(`${p}\n\n${q}`);
    assert.deepEqual(doc.paragraphs, [p, q]);
  });
});

describe('language', () => {
  it('detects and flags a non-English document without rejecting it', async () => {
    const french =
      'Les ministres des affaires étrangères des États membres se sont réunis mardi à Douchanbé pour préparer le sommet. Ils ont adopté un projet de déclaration sur la sécurité régionale et le commerce.';
    const doc = await normalize(french, 'fr.txt');
    assert.equal(doc.language, 'fr');
    assert.ok(doc.warnings.includes('language: fr'));
  });

  it('returns null for a short text', async () => {
    assert.equal((await normalize('Meeting notes.')).language, null);
  });
});

describe('rejections', () => {
  it('rejects an empty or whitespace-only file as empty', async () => {
    await rejection(normalize(new Uint8Array(0)), 'empty');
    await rejection(normalize(' \n\t\r\n \u00a0 '), 'empty');
    await rejection(normalize(Buffer.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])), 'empty');
  });

  it('rejects binary content as unsupported-format', async () => {
    // Deterministic pseudo-random bytes, with NULs in them.
    let seed = 42;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    bytes[100] = 0;
    await rejection(normalize(bytes, 'upload.bin'), 'unsupported-format');
    await rejection(normalize(bytes, 'looks-like.txt'), 'unsupported-format');
    const controls = Buffer.from(`${'text \x01\x02\x03\x04 '.repeat(50)}`);
    await rejection(normalize(controls, 'controls.txt'), 'unsupported-format');
    await rejection(
      normalize(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'x.png'),
      'unsupported-format',
    );
  });

  it('rejects a 50 MB file by its size before reading any byte', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a ');
    const started = performance.now();
    const message = await rejection(normalize(big, 'big.txt'), 'too-large');
    assert.match(message, /50\.0 MB/);
    assert.ok(performance.now() - started < 100, 'no decoding happened');
    // Any element read before the size check would throw here.
    const untouchable = new Proxy(big, {
      get(target, prop) {
        if (prop === 'length' || prop === 'byteLength') return target[prop];
        throw new Error(`read ${String(prop)} before the size check`);
      },
    });
    await rejection(normalize(untouchable), 'too-large');
    await rejection(normalizeDocument({ bytes: Buffer.from(LEAD[0]), key: 'a.txt' }, { maxBytes: 10 }), 'too-large');
  });

  it('rejects a DOM bomb (100,000 nested elements) as too-complex before parsing it', async () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
    const started = performance.now();
    const message = await rejection(normalize(deep, 'deep.html'), 'too-complex');
    assert.match(message, /nests elements 100002 levels deep \(limit 512\)/);
    assert.ok(performance.now() - started < 1000);
    await rejection(normalize(`# Title\n\n${'<div>'.repeat(10_000)}x`, 'deep.md'), 'too-complex');
  });

  it('rejects a document whose processing outlives the time budget as too-complex', async () => {
    const long = `${SEED.toString('utf8').split('About The Author')[0]}\n\n`.repeat(40);
    const message = await rejection(
      normalizeDocument({ bytes: Buffer.from(long), key: 'long.txt' }, { timeoutMs: 1 }),
      'too-complex',
    );
    assert.match(message, /longer than 1 ms/);
  });

  it('keeps a text that merely mentions a PDF header as text', async () => {
    const doc = await normalize(`Files start with %PDF-1.7. ${LEAD[0]}`, 'notes.txt');
    assert.equal(doc.format, 'text');
  });

  it('rejects a 5 MB single line as too-complex', async () => {
    const line = Buffer.alloc(5 * 1024 * 1024, 'a');
    assert.ok(line.length < NORMALIZE_LIMITS.maxBytes);
    const message = await rejection(normalize(line, 'line.txt'), 'too-complex');
    assert.match(message, /single line of 5242880 characters/);
    await rejection(normalize(line, 'line.md'), 'too-complex');
  });
});

describe('idempotence', () => {
  const words = [
    'summit',
    'leaders',
    'cooperation',
    'Dushanbe',
    'José',
    'café',
    '\u201cquoted\u201d',
    'it\u2019s',
    'Kassym-Jomart',
    '\u2013',
    '\u2014',
    '-',
    'security',
    'the',
    'and',
    'of',
    '2021',
    '2020\u20132021',
    'trade',
    'Señor',
    'naïve',
    'Straße',
    '\u00ab\u00a0oui\u00a0\u00bb',
    '(SCO)',
    'Xi',
    'we',
    'should',
    'e\u0301te\u0301',
    '...',
    '\u2026',
  ];
  const sentence = fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 14 }).chain((ws) =>
    fc.constantFrom('.', '!', '?', '', ',').map((end) => {
      const s = ws.join(' ');
      return `${s[0].toUpperCase()}${s.slice(1)}${end}`;
    }),
  );
  const paragraph = fc.oneof(
    fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
    // A lower-case start, to exercise the rejoining of broken paragraphs.
    fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((ws) => `and ${ws.join(' ')}`),
  );
  const wrap = (p: string, width: number) => p.replace(new RegExp(`(.{1,${width}})(?: |$)`, 'g'), '$1\n').trim();
  const documentText = fc
    .tuple(
      fc.array(paragraph, { minLength: 1, maxLength: 8 }),
      fc.constantFrom('\n\n', '\r\n\r\n', '\n  \n', '\n\n\n'),
      fc.boolean(),
    )
    .map(([ps, separator, wrapped]) => ps.map((p) => (wrapped ? wrap(p, 60) : p)).join(separator));

  it('normalizing the text of a result again gives the same text (generated documents)', async () => {
    await fc.assert(
      fc.asyncProperty(documentText, async (input) => {
        // Punctuation only ("… ….", "– –.") has no paragraph to keep: that is an 'empty' rejection.
        if (!/[\p{L}\p{N}]/u.test(input)) {
          await rejection(normalize(input, 'generated.txt'), 'empty');
          return;
        }
        const first = await normalize(input, 'generated.txt');
        assertShape(first);
        const second = await normalize(first.text, 'again.txt');
        assert.equal(second.text, first.text);
        assert.equal(second.asciiText, first.asciiText);
      }),
      { numRuns: 150 },
    );
  });

  it('holds for arbitrary Unicode paragraphs too', async () => {
    const anyParagraph = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(fc.array(anyParagraph, { minLength: 1, maxLength: 6 }), async (ps) => {
        let first: NormalizedDocument;
        try {
          first = await normalize(ps.join('\n\n'), 'any.txt');
        } catch (e) {
          if (e instanceof DocumentRejection && (e.code === 'empty' || e.code === 'unsupported-format')) return;
          throw e;
        }
        assertShape(first);
        const second = await normalize(first.text, 'again.txt');
        assert.equal(second.text, first.text);
      }),
      { numRuns: 150 },
    );
  });

  it('holds for the HTML and Markdown fixtures', async () => {
    for (const [content, key] of [
      [ARTICLE_HTML, 'a.html'],
      ['---\ntitle: x\n---\n# Heading\n\nSome *text* with [a link](http://x.org).\n\n- item one\n- item two', 'b.md'],
    ]) {
      const first = await normalize(content, key);
      assert.equal((await normalize(first.text, 'again.txt')).text, first.text);
    }
  });
});

describe('normalize: publication dates from chrome', () => {
  const body =
    'The eighth meeting of the transport ministers was held today in Batumi. The ministers discussed the capacity of the railway and the harmonization of tariffs along the corridor, and agreed to meet again next year.';

  it('reads an HTML page with no date metadata from a short date line of its chrome', async () => {
    const html = `<!doctype html><html><head><title>Ministers meet</title></head><body><header><nav><a href="/">Home</a></nav></header><div class="main"><div class="press-item"><div class="meta">Press Center / News | 15.09.2026 | 18:40</div><h1>Ministers meet in Batumi</h1><p>${body}</p><p>${body}</p></div></div><footer>© 2026</footer></body></html>`;
    const doc = await normalize(html, 'page.html');
    assert.equal(doc.publishedDate, '2026-09-15');
    assert.ok(!doc.text.includes('Press Center'));
  });

  it('keeps the date of a masthead line the boilerplate pass removes, and only from the opening', async () => {
    const doc = await normalize(`NEWS AGENCY\n\n14.10.2026, 11:20 | Regions | Karaganda region\n\n${body}\n\n${body}`);
    assert.equal(doc.publishedDate, '2026-10-14');
    const none = await normalize(`${`${body}\n\n`.repeat(8)}Share | 14.10.2026 | Print`);
    assert.equal(none.publishedDate, null);
  });
});

describe('normalize: a Markdown title', () => {
  it('takes the first-level heading as the title when the front matter has none', async () => {
    const body =
      'The negotiating commissions met on Tuesday at a conference hotel near the main station and broke off the talks shortly before ten in the evening.';
    const doc = await normalize(
      `Home › Ports\n\n# Seaports: third round in *Bremen* ends\n\n${body}\n\n## Details\n\n${body}`,
      'r.md',
    );
    assert.equal(doc.title, 'Seaports: third round in Bremen ends');
    const front = await normalize(`---\ntitle: From the front matter\n---\n# A heading\n\n${body}`, 'f.md');
    assert.equal(front.title, 'From the front matter');
  });
});
