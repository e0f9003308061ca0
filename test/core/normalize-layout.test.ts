// Plain-text layout: which lines of a hard-wrapped document form a paragraph, and the e-mail and list conventions
// (header blocks, quote markers, signatures, bullets, dotted-leader tables, "Label: value" rows, indentation).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeDocument } from '../../lambdas/core/normalize';

const paragraphs = async (text: string, key = 'doc.txt') =>
  (await normalizeDocument({ bytes: Buffer.from(text), key })).paragraphs;

describe('plain text: e-mail', () => {
  const mail = [
    'From: Katarzyna Nowak <k.nowak@example.eu>',
    'To: Policy Team <team@example.eu>',
    'Date: Mon, 20 Oct 2025 09:14:02 +0200',
    'Subject: Fwd: Summary - Energy Conference, Tbilisi',
    '',
    'Team, notes from Tbilisi below.',
    '',
    '---------- Forwarded message ---------',
    'From: Tamar Gelashvili <t.g@example.ge>',
    'Date: Fri, 17 Oct 2025 at 18:47',
    'Subject: Summary - Energy Conference, Tbilisi',
    '',
    'As promised, a short summary of the Energy Connectivity Conference, which',
    'took place in Tbilisi from 14 to 16 October 2025 at the Iveria hotel. Around',
    '300 delegates registered; the third day was a site visit to the substation.',
    '',
    'Best,',
    'Tamar',
    '',
    '--',
    'Tamar Gelashvili',
    'Senior Analyst | Caucasus Energy Observatory',
    '+995 32 2 00 00 00',
    '',
    '> On Mon, 13 Oct 2025 at 10:02, Katarzyna Nowak <k.nowak@example.eu> wrote:',
    '> Could you send me a few lines after the conference? Thanks!',
    '>> An older quoted line.',
  ].join('\n');

  it('keeps each header block one paragraph, drops the signature and the quote markers', async () => {
    const doc = await normalizeDocument({ bytes: Buffer.from(mail), key: 'mail.txt' });
    assert.deepEqual(doc.paragraphs, [
      'From: Katarzyna Nowak <k.nowak@example.eu> To: Policy Team <team@example.eu> Date: Mon, 20 Oct 2025 09:14:02 +0200 Subject: Fwd: Summary – Energy Conference, Tbilisi',
      'Team, notes from Tbilisi below.',
      'Forwarded message',
      'From: Tamar Gelashvili <t.g@example.ge> Date: Fri, 17 Oct 2025 at 18:47 Subject: Summary – Energy Conference, Tbilisi',
      'As promised, a short summary of the Energy Connectivity Conference, which took place in Tbilisi from 14 to 16 October 2025 at the Iveria hotel. Around 300 delegates registered; the third day was a site visit to the substation.',
      'Best,',
      'Tamar',
      'On Mon, 13 Oct 2025 at 10:02, Katarzyna Nowak <k.nowak@example.eu> wrote:',
      'Could you send me a few lines after the conference? Thanks!',
      'An older quoted line.',
    ]);
    assert.ok(doc.warnings.includes('removed e-mail signature: "Tamar Gelashvili"'));
  });

  it('keeps what follows a "--" line when it is too long to be a signature', async () => {
    const body = Array.from({ length: 10 }, (_, i) => `Point ${i + 1} of the agenda was adopted.`);
    assert.deepEqual(await paragraphs(['Minutes', '--', ...body].join('\n')), ['Minutes', ...body]);
  });

  it('joins a folded header line to its header', async () => {
    const text = 'Subject: Summary of the Energy Connectivity Conference held in\n  Tbilisi last week\nFrom: A <a@b.c>';
    assert.deepEqual(await paragraphs(text), [
      'Subject: Summary of the Energy Connectivity Conference held in Tbilisi last week From: A <a@b.c>',
    ]);
  });
});

describe('plain text: lists and tables', () => {
  it('keeps dotted-leader rows and more-indented lines apart', async () => {
    const text = [
      'Present in person:',
      '  Dr. Claudia Brenner ........ Chair of the Board',
      '  Marc-Antoine Dubois ........ Chief Executive Officer',
      'Also present:',
      '  Priya Raman ................ Chief Financial Officer (items 2 to 4)',
      '  Nadia Fischer .............. Company Secretary (minutes)',
    ].join('\n');
    assert.deepEqual(await paragraphs(text), [
      'Present in person:',
      'Dr. Claudia Brenner ........ Chair of the Board',
      'Marc-Antoine Dubois ........ Chief Executive Officer',
      'Also present:',
      'Priya Raman ................ Chief Financial Officer (items 2 to 4)',
      'Nadia Fischer .............. Company Secretary (minutes)',
    ]);
  });

  it('keeps "Label: value" rows apart', async () => {
    const text = [
      'HOW THEY VOTED (motion 2026/031, Quay Street traffic order)',
      'For (11): Fahy, Walsh, Ó Conaire and eight other members',
      'Against (6): Keane, Lyons and four other members',
      'Abstained (1): Dempsey',
    ].join('\n');
    assert.deepEqual(await paragraphs(text), text.split('\n'));
  });

  it('drops bullets but keeps numbering, and joins a hanging-indent continuation to its item', async () => {
    const text = [
      '2. The following Heads of State and Government and representatives took part,',
      'all by video link:',
      '',
      '   - H.E. Mr. Tevita Naulu, Prime Minister of the Republic of Fiji (Chair)',
      '   - H.E. Mr. Rui Tavares Monteiro, Minister of Foreign Affairs of the',
      '     Portuguese Republic, representing the Prime Minister of Portugal',
      '   * Dr. Helena K. Arvidsson, Deputy Secretary-General of the United Nations',
      '   • Mr. Olivier Ferrand, Executive Director of the Green Climate Fund',
    ].join('\n');
    assert.deepEqual(await paragraphs(text), [
      '2. The following Heads of State and Government and representatives took part, all by video link:',
      'H.E. Mr. Tevita Naulu, Prime Minister of the Republic of Fiji (Chair)',
      'H.E. Mr. Rui Tavares Monteiro, Minister of Foreign Affairs of the Portuguese Republic, representing the Prime Minister of Portugal',
      'Dr. Helena K. Arvidsson, Deputy Secretary-General of the United Nations',
      'Mr. Olivier Ferrand, Executive Director of the Green Climate Fund',
    ]);
  });
});

describe('plain text: wrapped prose', () => {
  const prose = [
    'The 142nd meeting of the Board of Directors of Lumenta Holdings AG was held on',
    'Wednesday, 4 March 2026, from 09:00 to 13:15 CET at the registered office in',
    'Zurich, Switzerland. The Chair declared the meeting quorate with all seven',
    'directors present or represented.',
  ];

  it('measures the wrap width on the whole document: a short line before a dateline is not a wrapped line', async () => {
    const text = [
      'PRESS NOTE - Ad hoc announcement pursuant to Art. 53 LR',
      'Zurich, 5 March 2026, 07:00 CET',
      '',
      'Board of Directors approves 2025 accounts, proposes higher dividend and',
      'agrees to acquire Vantor Metering Ltd',
      '',
      ...prose,
    ].join('\n');
    assert.deepEqual(await paragraphs(text), [
      'PRESS NOTE – Ad hoc announcement pursuant to Art. 53 LR',
      'Zurich, 5 March 2026, 07:00 CET',
      'Board of Directors approves 2025 accounts, proposes higher dividend and agrees to acquire Vantor Metering Ltd',
      prose.join(' '),
    ]);
  });

  it('starts a paragraph at a first-line indent, and at a line that was not wrapped', async () => {
    const text = [
      '    The ministers agreed on Tuesday to deepen their cooperation on transport',
      'and energy, and to meet again in Dushanbe before the end of the year.',
      '    A second paragraph opens with an indent like the first one, and it is',
      'wrapped at the same width as the first one.',
    ].join('\n');
    assert.deepEqual(await paragraphs(text), [
      'The ministers agreed on Tuesday to deepen their cooperation on transport and energy, and to meet again in Dushanbe before the end of the year.',
      'A second paragraph opens with an indent like the first one, and it is wrapped at the same width as the first one.',
    ]);
  });

  it('drops rules and decoration: "=== Minutes ===", "-----", "* * *"', async () => {
    const text = ['=== Minutes ===', prose[0], prose[1], '-----', 'Item one was adopted.', '* * *', 'Done.'].join('\n');
    assert.deepEqual(await paragraphs(text), ['Minutes', `${prose[0]} ${prose[1]}`, 'Item one was adopted.', 'Done.']);
  });
});
