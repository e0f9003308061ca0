// Participant search keys (lambdas/core/keys.ts nameTokenKeys) as the store uses them: the index items written for
// a record (indexItemsFor), the one run of items a query walks (drivingKey) and the re-check of each candidate
// (matchesFilters) must agree, so that a query finds a document exactly when its re-check accepts it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameTokenKeys, phoneticToken } from '../../lambdas/core/keys';
import {
  directoryPlan,
  drivingKey,
  idOfIndexItem,
  indexItemsFor,
  matchesFilters,
} from '../../lambdas/store/index-terms';
import { makeRecord } from '../support/records';

const recordWith = (name: string) =>
  makeRecord({ key: `reports/${name.replace(/\W+/g, '-')}.txt`, eventDate: '2021-09-17', participants: [name] });

/** Would a participant query for `query` reach the record through the index, and does the re-check accept it? */
function search(query: string, name: string): { indexed: boolean; accepted: boolean } {
  const record = recordWith(name);
  const key = drivingKey({ participant: query });
  const indexed = indexItemsFor(record).some((i) => key !== null && i.pk === key.pk && i.sk.startsWith(key.prefix));
  return { indexed, accepted: matchesFilters(record, { participant: query }) };
}

describe('index terms: transliteration-tolerant participant keys', () => {
  for (const [query, name] of [
    ['Japarov', 'Sadyr Zhaparov'],
    ['japarov', 'Sadyr Zhaparov'],
    ['Sadyr Japarov', 'Sadyr Zhaparov'],
    ['Zhaparov', 'Sadyr Japarov'],
    ['xi', 'Xi Jinping'],
    ['XI JINPING', 'Xi Jinping'],
    ['erdogan', 'Recep Tayyip Erdoğan'],
    ['Erdoğan', 'Recep Tayyip Erdogan'],
    ['Berdimuhamedow', 'Gurbanguly Berdymukhamedov'],
    ['tokayev', 'Kassym-Jomart Tokayev'],
    ['kassym-jomart', 'Kassym-Jomart Tokayev'],
    ['Jomart', 'Kassym-Jomart Tokayev'],
    ['putin', 'Vladimir Putin'],
  ] as const) {
    it(`"${query}" finds "${name}" through the index and the re-check`, () => {
      assert.deepEqual(search(query, name), { indexed: true, accepted: true });
    });
  }

  for (const [query, name] of [
    ['Jones', 'Alun Jonas'],
    ['Ivanova', 'Sergei Ivanov'],
    ['Kim', 'Kimi Raikkonen'],
    ['Li', 'Lee Hsien Loong'],
    ['Japarov', 'Sadyr Zhaparova Temirova'],
    ['Wang Yi', 'Wang Yang'],
    ['Modi', 'Narendra Moda'],
  ] as const) {
    it(`"${query}" does not find "${name}"`, () => {
      // The index may lead to the document through another word ("wang"), but the re-check turns it away.
      const r = search(query, name);
      assert.equal(r.accepted, false);
      if (query !== 'Wang Yi') assert.equal(r.indexed, false);
    });
  }

  it('the keys are small, documented folds of the printed tokens', () => {
    assert.deepEqual(nameTokenKeys('Sadyr Zhaparov'), ['sadir', 'japarov']);
    assert.deepEqual(nameTokenKeys('Kassym-Jomart Tokayev'), ['kasim-jomart', 'kasim', 'jomart', 'tokaev']);
    assert.equal(phoneticToken('berdymukhamedov'), phoneticToken('berdimuhamedow'));
    assert.equal(phoneticToken('yanukovych'), phoneticToken('ianukovich'));
    assert.notEqual(phoneticToken('jones'), phoneticToken('jonas'));
    assert.equal(nameTokenKeys('?!').length, 0);
  });

  it('indexes one participant item per key, and the query walks the longest key', () => {
    const record = recordWith('Recep Tayyip Erdoğan');
    const items = indexItemsFor(record).filter((i) => i.pk.startsWith('P#'));
    assert.deepEqual(
      items.map((i) => [i.pk, i.sk, i.n]).sort(),
      ['erdogan', 'recep', 'taip'].map((t) => [`P#${t[0]}`, `${t}#2021-09-17#${record.id}`, 'Recep Tayyip Erdoğan']),
    );
    assert.deepEqual(drivingKey({ participant: 'Recep Tayyip Erdogan' }), {
      pk: 'P#e',
      prefix: 'erdogan#',
      dated: true,
    });
  });

  it('indexes the parts of a hyphenated name, not the compound, and finds it through either part', () => {
    const record = recordWith('Kassym-Jomart Tokayev');
    const tokens = indexItemsFor(record)
      .filter((i) => i.pk.startsWith('P#'))
      .map((i) => i.sk.split('#')[0]);
    assert.deepEqual(tokens.sort(), ['jomart', 'kasim', 'tokaev']);
    assert.deepEqual(search('kassym-jomart', 'Kassym-Jomart Tokayev'), { indexed: true, accepted: true });
    assert.deepEqual(search('Kassym-Jomart Tokayev', 'Kassym-Jomart Tokayev'), { indexed: true, accepted: true });
  });

  it('gives every processed document one date item and a rejected one only its status item', () => {
    const processed = makeRecord({ key: 'reports/a.txt', eventDate: '2021-09-17', participants: ['Xi Jinping'] });
    const items = indexItemsFor(processed);
    assert.deepEqual(
      items.filter((i) => i.pk === 'D'),
      [{ pk: 'D', sk: `2021-09-17#${processed.id}` }],
    );
    assert.ok(items.every((i) => idOfIndexItem(i) === processed.id));
    const rejected = makeRecord({ key: 'reports/b.txt', body: '', status: 'rejected', eventDate: null });
    assert.deepEqual(indexItemsFor(rejected), [
      { pk: 'S#rejected', sk: `${rejected.source.uploadedAt}#${rejected.id}` },
    ]);
  });

  it('leaves out a key longer than DynamoDB allows, and a query for it finds nothing', () => {
    const long = 'Qwertzuiop'.repeat(130); // no doubled letters: those fold to one
    const record = makeRecord({
      key: 'reports/long.txt',
      eventDate: '2021-09-17',
      participants: [`Anna ${long}`],
      countries: ['X'.repeat(2100)],
    });
    const items = indexItemsFor(record);
    assert.ok(items.some((i) => i.sk.startsWith('ana#')));
    assert.ok(items.every((i) => Buffer.byteLength(i.sk) <= 1024 && Buffer.byteLength(i.pk) <= 2048));
    assert.equal(drivingKey({ participant: long }), null);
    assert.equal(drivingKey({ country: 'X'.repeat(2100) }), null);
  });
});

describe('participant directory plan: a prefix of any name word', () => {
  const matches = (prefix: string, name: string) => {
    const plan = directoryPlan(prefix);
    if (!plan) return false;
    // The name must be matched by the plan and reachable through the items the plan reads.
    const items = indexItemsFor(recordWith(name)).filter((i) =>
      plan.ranges.some((r) => i.pk === r.pk && i.sk.startsWith(r.begins)),
    );
    return items.length > 0 && plan.matches(name);
  };
  for (const [prefix, name] of [
    ['vlad', 'Vladimir Putin'],
    ['Vladimir Putin', 'Vladimir Putin'],
    ['vladimir pu', 'Vladimir Putin'],
    ['put', 'Vladimir Putin'],
    ['tokay', 'Kassym-Jomart Tokayev'],
    ['tokaev', 'Kassym-Jomart Tokayev'],
    ['kassym-jo', 'Kassym-Jomart Tokayev'],
    ['jom', 'Kassym-Jomart Tokayev'],
    ['zhap', 'Sadyr Zhaparov'],
    ['japa', 'Sadyr Zhaparov'],
    ['erdo', 'Recep Tayyip Erdoğan'],
    ['ERDOĞ', 'Recep Tayyip Erdoğan'],
    ['x', 'Xi Jinping'],
    // One letter whose group folds to another once complete: "zh" → "j", "kh" → "h", "ph" → "f", "ya" → "a".
    ['z', 'Sadyr Zhaparov'],
    ['k', 'Mikhail Khodorkovsky'],
    ['kh', 'Mikhail Khodorkovsky'],
    ['p', 'Phan Van Khai'],
    ['y', 'Yanis Varoufakis'],
    ['d', 'Rustam Djumaev'],
  ] as const) {
    it(`"${prefix}" finds "${name}"`, () => assert.ok(matches(prefix, name)));
  }
  for (const [prefix, name] of [
    ['vladimir x', 'Vladimir Putin'],
    ['putina', 'Vladimir Putin'],
    ['jonas', 'Alun Jones'],
    ['li', 'Xi Jinping'],
  ] as const) {
    it(`"${prefix}" does not find "${name}"`, () => assert.ok(!matches(prefix, name)));
  }
  it('has no plan for a prefix without a word', () => {
    assert.equal(directoryPlan(' ?! '), null);
    assert.equal(directoryPlan(''), null);
  });
});
