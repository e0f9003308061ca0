// The normalizer on every sample in samples/ (what `archive extract --text FILE` prints): clean paragraphs for
// all of them, then facts a reader can check against the sample file, one sample at a time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { type NormalizedDocument, normalizeDocument } from '../../lambdas/core/normalize';

const dir = new URL('../../samples/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f !== 'README.md' && !f.endsWith('.expected.json'))
  .sort();
const docs = new Map<string, NormalizedDocument>();

before(async () => {
  for (const file of files) {
    docs.set(file, await normalizeDocument({ bytes: readFileSync(new URL(file, dir)), key: `samples/${file}` }));
  }
});

const doc = (file: string) => {
  const found = docs.get(file);
  assert.ok(found, `${file} was normalized`);
  return found;
};
const has = (file: string, paragraph: string) =>
  assert.ok(doc(file).paragraphs.includes(paragraph), `${file} has the paragraph ${JSON.stringify(paragraph)}`);
const absent = (file: string, ...snippets: string[]) => {
  for (const s of snippets) assert.ok(!doc(file).text.includes(s), `${file} has no ${JSON.stringify(s)}`);
};
const startingWith = (file: string, start: string) => {
  const found = doc(file).paragraphs.find((p) => p.startsWith(start));
  assert.ok(found, `${file} has a paragraph starting ${JSON.stringify(start)}`);
  return found;
};

describe('normalize: every sample', () => {
  it('covers the eight samples', () => assert.equal(files.length, 8));

  it('gives clean paragraphs: one line, trimmed, no markup, no link targets, no list or quote marks', () => {
    for (const file of files) {
      const { paragraphs, text } = doc(file);
      assert.ok(paragraphs.length >= 8, `${file}: ${paragraphs.length} paragraphs`);
      assert.equal(text, paragraphs.join('\n\n'));
      for (const p of paragraphs) {
        assert.ok(p === p.trim() && !/\s{2}|\n/.test(p), `${file}: one trimmed line: ${p}`);
        assert.ok(/[\p{L}\p{N}]/u.test(p), `${file}: words in ${JSON.stringify(p)}`);
        assert.ok(!/https?:|\]\(|\*\*|<\/?[a-z]+[\s>]|&[a-z]+;/i.test(p), `${file}: no markup or link in ${p}`);
        assert.ok(!/^(?:[-*•>#]|–\s)/.test(p), `${file}: no bullet, quote or heading mark in ${p}`);
      }
    }
  });

  it('joins hard-wrapped lines: no paragraph ends mid-sentence and is followed by a lower-case one', () => {
    for (const file of files) {
      const { paragraphs } = doc(file);
      for (let i = 1; i < paragraphs.length; i++) {
        const broken = /^\p{Ll}/u.test(paragraphs[i]) && !/[.!?:;,)"']$/.test(paragraphs[i - 1]);
        assert.ok(!broken, `${file}: "${paragraphs[i - 1].slice(-40)}" | "${paragraphs[i].slice(0, 40)}"`);
      }
    }
  });

  it('is idempotent: its text read again as .txt is the same', async () => {
    for (const file of files) {
      const again = await normalizeDocument({ bytes: Buffer.from(doc(file).text), key: 'again.txt' });
      assert.equal(again.text, doc(file).text, file);
    }
  });

  it('detects English in all of them', () => {
    for (const file of files) assert.equal(doc(file).language, 'en', file);
  });
});

describe('normalize: facts per sample', () => {
  it('sco-summit-2021.txt: the footer boilerplate is gone and the broken paragraph is rejoined', () => {
    const f = 'sco-summit-2021.txt';
    assert.equal(doc(f).paragraphs.length, 19);
    absent(f, 'About The Author', 'Related Posts', 'Leave a Reply', 'Your email address');
    assert.match(doc(f).text, /They should enhance counter-terrorism cooperation, jointly combat/);
  });

  it('gov-readout-baltic-sea-ministerial.md: front-matter metadata, no Markdown, one paragraph per list item', () => {
    const f = 'gov-readout-baltic-sea-ministerial.md';
    assert.equal(doc(f).format, 'markdown');
    assert.equal(doc(f).title, 'Readout: Minister Korhonen hosts Baltic Sea foreign ministers in Turku');
    assert.equal(doc(f).publishedDate, '2025-06-13');
    absent(f, 'cbss.org', 'um.fi', 'Laura Mäkinen', 'tags:', 'foreign-policy', '---');
    has(f, 'Participants');
    has(f, 'Key outcomes');
    has(f, 'Ilze Bērziņa, Minister of Foreign Affairs, Latvia');
    has(f, 'Ingrid Holm, State Secretary, Norway, on behalf of Minister of Foreign Affairs Henrik Solberg');
    startingWith(f, 'Minister for Foreign Affairs Anna Korhonen hosted the annual ministerial session of the Council');
  });

  it('wire-report-au-sudan-ministerial.html: the article only (no nav, script, style, share, cookie, comments)', () => {
    const f = 'wire-report-au-sudan-ministerial.html';
    assert.equal(doc(f).format, 'html');
    assert.equal(doc(f).title, 'African Union council presses for Sudan truce at Addis Ababa ministerial');
    assert.equal(doc(f).publishedDate, '2025-10-04');
    startingWith(f, 'ADDIS ABABA, Oct 4 (Meridian Wire) – Foreign ministers');
    // nav, script and style, share buttons, byline and credit line
    absent(f, 'Americas', 'Middle East', 'Ukraine war', 'U.S. election', 'Opinion', 'dataLayer', 'font-family');
    absent(f, 'Share on X', 'By Amara Okafor', 'Reporting by', 'editing by');
    // related stories, reader comments, cookie banner and footer
    absent(f, 'Related stories', 'Li Qiang', 'Chad says', 'Peter K.', 'Fatima_S', 'Abiy Ahmed', 'Antony Blinken');
    absent(f, 'cookies', 'Accept all', 'Manage preferences', 'About us', 'All rights reserved', 'Registered in London');
    assert.match(doc(f).text, /another round of communiqués/);
    assert.equal(doc(f).paragraphs.length, 8);
  });

  it('email-forward-black-sea-energy.txt: wrapped lines joined, line-end hyphens fixed, signature and quote marks gone', () => {
    const f = 'email-forward-black-sea-energy.txt';
    startingWith(f, 'From: Katarzyna Nowak <k.nowak@energy-desk.example.eu> To: Policy Team');
    startingWith(f, 'From: Tamar Gelashvili <t.gelashvili@caucasus-energy.example.ge> Date: Fri, 17 Oct 2025 at 18:47');
    has(f, 'Forwarded message');
    assert.match(
      startingWith(f, 'As promised,'),
      /Black Sea Energy Connectivity Conference, which took place in Tbilisi .* the Jvari substation\.$/,
    );
    const financing = startingWith(f, 'Financing session (15 Oct): Nino Beriashvili, Regional Director');
    assert.match(financing, /did not speak on the record\.$/);
    absent(f, 'Beri-', 'Con-', 'Min-', 'Azer-', 'rec-');
    assert.match(doc(f).text, /Prime Minister Davit Lomidze/);
    assert.match(doc(f).text, /Azerbaijan's Deputy Minister/);
    assert.match(doc(f).text, /Radu Ionescu-Vlad/);
    assert.match(doc(f).text, /Kazakhstan Arman Seitkali presented/);
    assert.match(doc(f).text, /for the Black Sea submarine cable/);
    absent(f, 'Senior Analyst', '+995');
    assert.ok(doc(f).warnings.includes('removed e-mail signature: "Tamar Gelashvili"'));
    has(f, 'Could you send me a few lines after the conference? Thanks!');
  });

  it('corporate-board-lumenta.txt: one paragraph per attendance row, headline joined, dateline apart', () => {
    const f = 'corporate-board-lumenta.txt';
    has(f, 'PRESS NOTE – Ad hoc announcement pursuant to Art. 53 LR');
    has(f, 'Zurich, 5 March 2026, 07:00 CET');
    has(
      f,
      'Board of Directors approves 2025 accounts, proposes higher dividend and agrees to acquire Vantor Metering Ltd',
    );
    has(f, 'Present in person:');
    has(f, 'Dr. Claudia Brenner ........ Chair of the Board');
    has(f, 'Prof. Amélie Rousseau ...... Chair of the Risk Committee');
    has(f, 'Nadia Fischer .............. Company Secretary (minutes)');
    has(f, 'Stefan Keller .............. Lead Audit Partner, Alder Crane Audit SA (item 2)');
    has(f, 'Media: media@lumenta.example.ch');
    startingWith(
      f,
      'The 142nd meeting of the Board of Directors of Lumenta Holdings AG was held on Wednesday, 4 March',
    );
  });

  it('city-council-galway.txt: masthead lines and vote rows apart, byline removed', () => {
    const f = 'city-council-galway.txt';
    has(f, 'THE CORRIB COURIER');
    has(f, 'Thursday, 12 March 2026');
    has(f, 'COUNCIL BACKS CAR-FREE QUAYS AFTER HEATED FOUR-HOUR DEBATE');
    absent(f, 'Siobhán Ní Bhriain');
    has(f, 'For (11): Fahy, Walsh, Ó Conaire and eight other members');
    has(f, 'Abstained (1): Dempsey');
    assert.match(doc(f).text, /Cllr\. Róisín Dempsey \(Fine Gael\) abstained/);
    assert.match(doc(f).text, /would cost €1\.2 million/);
  });

  it('video-summit-coastal-resilience.txt: numbered paragraphs kept, bullets dropped, wrapped items joined', () => {
    const f = 'video-summit-coastal-resilience.txt';
    for (let n = 1; n <= 8; n++) startingWith(f, `${n}. `);
    has(
      f,
      'H.E. Mr. Rui Tavares Monteiro, Minister of Foreign Affairs of the Portuguese Republic, representing the Prime Minister of Portugal',
    );
    has(f, 'Dr. Helena K. Arvidsson, Deputy Secretary-General of the United Nations');
    assert.match(doc(f).text, /with the Alliance of Small Island States \(AOSIS\)/);
    has(f, 'Media contact: media@crc-chair.example.fj');
  });

  it('bilateral-japan-china.txt: headings and numbered items apart, names across line ends joined', () => {
    const f = 'bilateral-japan-china.txt';
    has(f, 'February 10, 2026');
    has(f, "Japan-China Foreign Ministers' Meeting");
    has(f, '1. Opening remarks');
    startingWith(f, '(1) The two ministers confirmed');
    assert.match(doc(f).text, /Mr\. HAYASHI Kenta, Minister for Foreign Affairs of Japan/);
    assert.match(doc(f).text, /Communist Party of China \(CPC\) Central Committee/);
  });
});
