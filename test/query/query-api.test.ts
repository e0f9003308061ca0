// Every route and error of the query API (design section 5), on API Gateway v2 events, against
// a store on dynalite and s3rver. Plus fuzzing: nothing a client sends produces a 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@aws-lambda-powertools/logger';
import fc from 'fast-check';
import { documentId } from '../../lambdas/core/ids';
import { foldKey } from '../../lambdas/core/keys';
import { createQueryApi } from '../../lambdas/query/api';
import { matchesFilters } from '../../lambdas/store/index-terms';
import { startDynalite, startDynamoDbLocal } from '../../lib/local/emulators';
import { httpGet } from '../support/events';
import { makeRecord, upload } from '../support/records';
import { type Harness, openHarness } from '../support/store-harness';

describe('query API', () => {
  let h: Harness;
  let api: ReturnType<typeof createQueryApi>;
  const seedKey = 'samples/sco-summit-2021.txt';
  const seedId = documentId(seedKey);

  before(async () => {
    h = await openHarness(await startDynalite());
    api = createQueryApi({ store: h.store(), logger: new Logger({ logLevel: 'SILENT' }) });
    const s = h.store();
    await s.saveUpload(
      upload(seedKey, 1, 'v1', {
        eventDate: '2021-09-17',
        participants: ['Xi Jinping', 'Vladimir Putin', 'Kassym-Jomart Tokayev'],
        organizations: [{ name: 'Shanghai Cooperation Organization', acronym: 'SCO' }],
        countries: ['China', 'Russia', 'Kazakhstan', 'Tajikistan'],
      }),
      'First text.',
    );
    await s.saveUpload(
      upload(seedKey, 2, 'v2', {
        eventDate: '2021-09-17',
        participants: ['Xi Jinping', 'Vladimir Putin', 'Kassym-Jomart Tokayev', 'Emomali Rahmon'],
        organizations: [{ name: 'Shanghai Cooperation Organization', acronym: 'SCO' }],
        countries: ['China', 'Russia', 'Kazakhstan', 'Tajikistan'],
      }),
      'Second text.',
    );
    for (let i = 0; i < 5; i++) {
      await s.saveUpload(
        makeRecord({
          key: `other/${i}.txt`,
          body: `other ${i}`,
          eventDate: `2022-0${i + 1}-10`,
          participants: ['Olaf Scholz'],
          countries: ['Germany'],
        }),
        'x',
      );
    }
  });
  after(async () => {
    await h?.close();
  });

  const get = async (path: string, query?: Record<string, string>) => {
    const res = await api(httpGet(path, query));
    const body = res.headers?.['content-type']?.toString().startsWith('application/json')
      ? JSON.parse(res.body ?? '')
      : res.body;
    return { status: res.statusCode ?? 0, body };
  };
  const expectError = async (
    status: number,
    code: string,
    path: string,
    query?: Record<string, string>,
    message?: RegExp,
  ) => {
    const res = await get(path, query);
    assert.equal(res.status, status, `${path} ${JSON.stringify(query)} -> ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, code);
    assert.equal(typeof res.body.error.message, 'string');
    if (message) assert.match(res.body.error.message, message);
  };

  it('GET /documents filters by participant, date range, organization and country', async () => {
    const byPerson = await get('/documents', { participant: 'putin' });
    assert.equal(byPerson.status, 200);
    assert.deepEqual(
      byPerson.body.items.map((r: { id: string }) => r.id),
      [seedId],
    );
    assert.equal(byPerson.body.cursor, null);
    assert.deepEqual(
      (await get('/documents', { from: '2021-09-01', to: '2021-09-30' })).body.items.map((r: { id: string }) => r.id),
      [seedId],
    );
    assert.deepEqual(
      (await get('/documents', { organization: 'sco' })).body.items.map((r: { id: string }) => r.id),
      [seedId],
    );
    assert.deepEqual(
      (await get('/documents', { country: 'Russian Federation' })).body.items.map((r: { id: string }) => r.id),
      [seedId],
    );
    assert.equal(
      (await get('/documents', { participant: 'rahmon', organization: 'SCO', country: 'China' })).body.items.length,
      1,
    );
    assert.equal((await get('/documents', { participant: 'scholz', country: 'China' })).body.items.length, 0);
  });

  it('GET /documents pages with cursors, newest meeting first', async () => {
    const first = await get('/documents', { participant: 'scholz', limit: '2' });
    assert.equal(first.body.items.length, 2);
    assert.deepEqual(
      first.body.items.map((r: { eventDate: string }) => r.eventDate),
      ['2022-05-10', '2022-04-10'],
    );
    const second = await get('/documents', { participant: 'scholz', limit: '2', cursor: first.body.cursor });
    assert.deepEqual(
      second.body.items.map((r: { eventDate: string }) => r.eventDate),
      ['2022-03-10', '2022-02-10'],
    );
  });

  it('GET /documents/{id}, versions, a version and the text', async () => {
    const latest = await get(`/documents/${seedId}`);
    assert.equal(latest.status, 200);
    assert.equal(latest.body.version, 2);
    assert.equal(latest.body.participants.length, 4);
    const versions = await get(`/documents/${seedId}/versions`);
    assert.deepEqual(
      versions.body.items.map((v: { version: number }) => v.version),
      [1, 2],
    );
    for (const v of versions.body.items)
      assert.deepEqual(Object.keys(v).sort(), ['sha256', 'status', 'title', 'uploadedAt', 'version']);
    const v1 = await get(`/documents/${seedId}/versions/1`);
    assert.equal(v1.body.version, 1);
    assert.equal(v1.body.participants.length, 3);
    const text = await get(`/documents/${seedId}/text`);
    assert.equal(text.status, 200);
    assert.equal(text.body, 'Second text.');
  });

  it('GET /participants lists names by prefix with document counts', async () => {
    const res = await get('/participants', { prefix: 'kassym' });
    assert.deepEqual(res.body.items, [{ name: 'Kassym-Jomart Tokayev', key: 'kassym-jomart tokayev', documents: 1 }]);
    assert.deepEqual((await get('/participants', { prefix: 'OLAF' })).body.items, [
      { name: 'Olaf Scholz', key: 'olaf scholz', documents: 5 },
    ]);
  });

  it('answers bad parameters with 400 and a message', async () => {
    await expectError(400, 'bad-request', '/documents', { from: '2021-13-01' }, /from/);
    await expectError(400, 'bad-request', '/documents', { from: '2021-02-30' }, /real calendar date/);
    await expectError(400, 'bad-request', '/documents', { to: 'yesterday' }, /YYYY-MM-DD/);
    await expectError(400, 'bad-request', '/documents', { from: '2022-01-01', to: '2021-01-01' }, /after/);
    await expectError(400, 'bad-request', '/documents', { limit: '0' }, /limit/);
    await expectError(400, 'bad-request', '/documents', { limit: '101' }, /limit/);
    await expectError(400, 'bad-request', '/documents', { limit: 'ten' }, /limit/);
    await expectError(400, 'bad-request', '/documents', { participant: '   ' }, /participant/);
    await expectError(400, 'bad-request', '/documents', { partcipant: 'putin' }, /unknown parameter "partcipant"/);
    await expectError(400, 'bad-request', '/documents', { status: 'deleted' }, /status/);
    await expectError(400, 'bad-request', '/participants', {}, /prefix/);
    await expectError(400, 'bad-request', `/documents/${seedId}/versions/0`, undefined, /version/);
    await expectError(400, 'bad-request', `/documents/${seedId}/versions/abc`, undefined, /version/);
  });

  it('answers a tampered or foreign cursor with 400', async () => {
    const first = await get('/documents', { participant: 'scholz', limit: '1' });
    const cursor: string = first.body.cursor;
    const flipped = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}${cursor.slice(-1)}`;
    await expectError(400, 'bad-cursor', '/documents', { participant: 'scholz', limit: '1', cursor: flipped });
    await expectError(400, 'bad-cursor', '/documents', { participant: 'putin', limit: '1', cursor });
    await expectError(400, 'bad-cursor', '/documents', { cursor: 'not-a-cursor' });
  });

  it('answers unknown ids and routes with 404, and other methods with 405', async () => {
    await expectError(404, 'not-found', '/documents/0123456789abcdef0123', undefined, /0123456789abcdef0123/);
    await expectError(404, 'not-found', '/documents/0123456789abcdef0123/versions');
    await expectError(404, 'not-found', '/documents/0123456789abcdef0123/text');
    await expectError(404, 'not-found', `/documents/${seedId}/versions/9`, undefined, /no version 9/);
    await expectError(404, 'not-found', '/documents/not-an-id');
    await expectError(404, 'not-found', '/nothing-here');
    const post = await api({
      ...httpGet('/documents'),
      requestContext: {
        ...httpGet('/documents').requestContext,
        http: { ...httpGet('/documents').requestContext.http, method: 'POST' },
      },
    });
    assert.equal(post.statusCode, 405);
  });

  it('never answers 500 to anything a client sends (fuzzed)', async () => {
    const param = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '2021-09-17',
        '2021-02-29',
        '9999-12-31',
        '0000-00-00',
        "' OR 1=1 --",
        '{"$ne":null}',
        '%00',
        '../../etc/passwd',
        'P#putin',
        'D',
        '\u0000',
        '🙂',
      ),
    );
    const key = fc.constantFrom(
      'from',
      'to',
      'participant',
      'organization',
      'country',
      'status',
      'limit',
      'cursor',
      'prefix',
      'x',
    );
    const path = fc.oneof(
      fc.constantFrom(
        '/documents',
        '/participants',
        `/documents/${seedId}`,
        `/documents/${seedId}/versions`,
        `/documents/${seedId}/text`,
      ),
      fc.string().map((s) => `/documents/${encodeURIComponent(s)}`),
      fc
        .tuple(fc.string(), fc.string())
        .map(([a, b]) => `/documents/${encodeURIComponent(a)}/versions/${encodeURIComponent(b)}`),
      fc.string().map((s) => `/${s}`),
      fc.constantFrom('/documents/%E0%A4%A', '/documents/%'),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.dictionary(key, param, { maxKeys: 4 }), async (p, q) => {
        const res = await api(httpGet(p, q));
        assert.ok(
          res.statusCode !== undefined && res.statusCode < 500,
          `${p} ${JSON.stringify(q)} -> ${res.statusCode} ${res.body}`,
        );
        if (res.statusCode !== 200) {
          const body = JSON.parse(res.body ?? '');
          assert.equal(typeof body.error.code, 'string');
          assert.equal(typeof body.error.message, 'string');
        }
      }),
      { numRuns: 300 },
    );
  });
  it('treats injection-looking filters as plain values: 200, and nothing from another term', async () => {
    const sql = await get('/documents', { participant: "' OR 1=1 --" });
    assert.equal(sql.status, 200);
    assert.deepEqual(sql.body, { items: [], cursor: null });
    // Index partitions are P#<letter>, O#<name>, C#<country>, D, S#rejected: a filter value that looks
    // like one, or folds to nothing, must not walk another term's items.
    for (const value of [
      'P#putin',
      'O#sco',
      'C#china',
      'D',
      'S#processed',
      '#',
      '##',
      '\uffff',
      '%',
      '*',
      'P#',
      '\u0000',
    ]) {
      for (const name of ['participant', 'organization', 'country']) {
        const res = await get('/documents', { [name]: value });
        assert.equal(res.status, 200, `${name}=${JSON.stringify(value)} -> ${JSON.stringify(res.body)}`);
        assert.deepEqual(res.body.items, [], `${name}=${JSON.stringify(value)} found documents`);
      }
      // A name prefix is folded like a name ("P#" is the prefix "p"): key syntax in it changes nothing.
      const people = await get('/participants', { prefix: value });
      assert.ok(people.status === 200 || people.status === 400, `prefix=${JSON.stringify(value)}`);
      if (people.status === 200) {
        const folded = foldKey(value);
        const plain = folded ? (await get('/participants', { prefix: folded })).body.items : [];
        assert.deepEqual(people.body.items, plain, `prefix=${JSON.stringify(value)}`);
        for (const p of people.body.items as { key: string }[])
          assert.ok(
            p.key.split(/[ -]/).some((w) => w.startsWith(folded)),
            `prefix=${JSON.stringify(value)}: ${p.key}`,
          );
      }
    }
  });

  it('only ever returns documents that match the filters as given (fuzzed around real names)', async () => {
    const noise = fc.oneof(
      fc.constantFrom(
        "' OR 1=1 --",
        '" OR ""="',
        '#',
        'P#',
        '\uffff',
        '%',
        '*',
        '{"$ne":null}',
        ';--',
        '\\',
        '/',
        '..',
        'D',
      ),
      fc.string({ maxLength: 6 }),
    );
    const name = fc.constantFrom('putin', 'Vladimir Putin', 'olaf scholz', 'SCHOLZ', 'xi', 'tokayev', 'rahmon');
    const value = fc.oneof(
      noise,
      fc.tuple(name, noise).map(([a, b]) => `${a}${b}`),
      fc.tuple(noise, name).map(([a, b]) => `${a} ${b}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('participant', 'organization', 'country'), value, async (filter, v) => {
        const res = await get('/documents', { [filter]: v });
        assert.ok(res.status === 200 || res.status === 400, `${filter}=${JSON.stringify(v)} -> ${res.status}`);
        if (res.status === 400) return assert.equal(res.body.error.code, 'bad-request');
        for (const item of res.body.items)
          assert.ok(matchesFilters(item, { [filter]: v }), `${filter}=${JSON.stringify(v)} returned ${item.id}`);
      }),
      { numRuns: 200 },
    );
  });
});

// DynamoDB Local enforces DynamoDB's key size limits (dynalite does not): a filter whose folded form
// is longer than a key may be ("㍿" folds to four letters, "ﷺ" to eighteen) must still be an answer.
describe('query API on DynamoDB Local (key size limits)', () => {
  let h: Harness;
  let api: ReturnType<typeof createQueryApi>;
  before(async () => {
    h = await openHarness(await startDynamoDbLocal());
    api = createQueryApi({ store: h.store(), logger: new Logger({ logLevel: 'SILENT' }) });
    await h.store().saveUpload(
      makeRecord({
        key: 'limits/a.txt',
        participants: ['Vladimir Putin'],
        organizations: [{ name: 'United Nations' }],
      }),
      'text',
    );
  });
  after(async () => {
    await h?.close();
  });

  it('never answers 500 to long, expanding or astral filter values', async () => {
    const expanding = fc.constantFrom('㍿', 'ﷺ', '﷽', '㌀', 'ﬃ', '🄰', '𝕏', 'ǅ', 'ß', 'İ', 'a', ' ', '-');
    const long = fc.array(expanding, { minLength: 1, maxLength: 200 }).map((a) => a.join(''));
    const query = fc.oneof(
      fc
        .tuple(fc.constantFrom('participant', 'organization'), long)
        .map(([k, v]) => ({ path: '/documents', q: { [k]: v } })),
      long.map((v) => ({ path: '/documents', q: { country: v.slice(0, 100) } })),
      long.map((v) => ({ path: '/participants', q: { prefix: v.slice(0, 100) } })),
    );
    const check = async (path: string, q: Record<string, string>) => {
      const res = await api(httpGet(path, q));
      assert.ok(
        res.statusCode === 200 || res.statusCode === 400,
        `${path} ${JSON.stringify(q)} -> ${res.statusCode} ${res.body}`,
      );
      if (res.statusCode === 200) assert.deepEqual(JSON.parse(res.body ?? '').items, []);
    };
    // The worst cases first: the longest values the API accepts, of the most expanding characters.
    for (const c of ['㍿', 'ﷺ', '﷽']) {
      await check('/participants', { prefix: c.repeat(100) });
      await check('/documents', { participant: c.repeat(200) });
      await check('/documents', { organization: c.repeat(200) });
      await check('/documents', { country: c.repeat(100) });
    }
    await fc.assert(
      fc.asyncProperty(query, async ({ path, q }) => check(path, q)),
      { numRuns: 60 },
    );
  });
});
