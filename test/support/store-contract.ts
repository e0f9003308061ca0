// The store's contract (design section 4), run against each DynamoDB emulator by its own test file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { documentId, sha256Hex } from '../../lambdas/core/ids';
import type { ArchiveRecord } from '../../lambdas/core/record';
import { InvalidCursor } from '../../lambdas/store/cursor';
import { docPk, type IndexItem, idOfIndexItem, indexItemsFor } from '../../lambdas/store/index-terms';
import { uploadIdentity, uploadSlug } from '../../lambdas/store/uploads';
import type { Emulator } from '../../lib/local/emulators';
import { makeRecord, upload } from './records';
import { crashingAfterWrite, type Harness, openHarness } from './store-harness';

const PEOPLE: Record<string, string[]> = {
  a: ['Vladimir Putin', 'Kassym-Jomart Tokayev'],
  b: ['Xi Jinping'],
  c: ['Narendra Modi', 'Shavkat Mirziyoyev'],
};
const DATES: Record<string, string> = { a: '2021-09-17', b: '2022-09-16', c: '2023-07-04' };

const bodyUpload = (key: string, n: number, body: string) =>
  upload(key, n, `report ${body}`, { participants: PEOPLE[body], eventDate: DATES[body], countries: ['China'] });

/** What any delivery order of these uploads must end in: one version per run of distinct bytes. */
const model = (bodies: string[]) => {
  const versions: { version: number; sha256: string }[] = [];
  let previous: string | null = null;
  for (const b of bodies) {
    const sha = sha256Hex(`report ${b}`);
    if (sha !== previous) versions.push({ version: versions.length + 1, sha256: sha });
    previous = sha;
  }
  const latestBody = bodies[bodies.length - 1];
  return { versions, latestSha: sha256Hex(`report ${latestBody}`), latestPeople: PEOPLE[latestBody] };
};

export const defineStoreContract = (name: string, start: () => Promise<Emulator>) => {
  describe(`document store contract on ${name}`, () => {
    let h: Harness;
    let keyCounter = 0;
    const freshKey = (label: string) => `contract/${label}-${++keyCounter} report.txt`;

    before(async () => {
      h = await openHarness(await start());
    });
    after(async () => {
      await h?.close();
    });

    /** Every index item of a document in the table (a Scan: tests only), as `pk sk n`. */
    const indexItemsInTable = async (id: string): Promise<string[]> => {
      const found: string[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await h.ddb.send(
          new ScanCommand({
            TableName: h.tableName,
            FilterExpression: 'pk <> :doc AND contains(sk, :id)',
            ExpressionAttributeValues: { ':doc': docPk(id), ':id': `#${id}` },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const i of out.Items ?? [])
          if (idOfIndexItem(i as IndexItem) === id) found.push(`${i.pk} ${i.sk} ${i.n ?? ''}`);
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return found.sort();
    };

    const snapshot = async (key: string) => {
      const store = h.store();
      const id = documentId(key);
      const versions = (await store.listVersions(id)) ?? [];
      const latest = await store.getLatest(id);
      const listed = (await store.indexItemsOf(id)).map((i) => `${i.pk} ${i.sk} ${i.n ?? ''}`).sort();
      const inTable = await indexItemsInTable(id);
      // HEAD lists exactly the index items there are: none missing, none left over from an older version.
      assert.deepEqual(inTable, listed, `index items of ${key} in the table and on HEAD`);
      if (latest)
        assert.deepEqual(
          listed,
          indexItemsFor(latest)
            .map((i) => `${i.pk} ${i.sk} ${i.n ?? ''}`)
            .sort(),
        );
      return {
        versions: versions.map((v) => ({ version: v.version, sha256: v.sha256 })),
        latestSha: latest?.source.sha256,
        latestVersion: latest?.version,
        latestPeople: latest?.participants.map((p) => p.name),
        indexKeys: inTable,
      };
    };

    it('stores an upload as version 1 and reads back record and text', async () => {
      const key = freshKey('first');
      const rec = bodyUpload(key, 1, 'a');
      const out = await h.store().saveUpload(rec, 'The normalized text.');
      assert.deepEqual(out, { id: rec.id, version: 1, outcome: 'created', latest: true });
      const latest = await h.store().getLatest(rec.id);
      assert.equal(latest?.version, 1);
      assert.deepEqual(
        latest?.participants.map((p) => p.name),
        PEOPLE.a,
      );
      assert.equal(await h.store().getText(rec.id), 'The normalized text.');
      const slug = uploadSlug(uploadIdentity(rec.source), rec.source.uploadedAt);
      const archived = (await h.archive.getRecord(rec.id, slug)) as ArchiveRecord;
      assert.equal(archived.version, 1, 'the archive bucket holds the full record JSON with its version');
      assert.deepEqual(archived.participants, rec.participants);
    });

    it('treats a duplicate delivery of the same upload as a no-op', async () => {
      const key = freshKey('dup');
      const rec = bodyUpload(key, 1, 'a');
      await h.store().saveUpload(rec, 'text');
      const before = await snapshot(key);
      const again = await h.store().saveUpload(rec, 'text');
      assert.equal(again.outcome, 'duplicate');
      assert.equal(again.version, 1);
      assert.deepEqual(await snapshot(key), before);
    });

    it('makes no new version for identical bytes, and a new one for changed bytes', async () => {
      const key = freshKey('identical');
      const s = h.store();
      assert.equal((await s.saveUpload(bodyUpload(key, 1, 'a'), 't')).outcome, 'created');
      const same = await s.saveUpload(bodyUpload(key, 2, 'a'), 't');
      assert.deepEqual([same.outcome, same.version], ['unchanged', 1]);
      const changed = await s.saveUpload(bodyUpload(key, 3, 'b'), 't');
      assert.deepEqual([changed.outcome, changed.version, changed.latest], ['created', 2, true]);
      assert.deepEqual(
        (await snapshot(key)).versions.map((v) => v.version),
        [1, 2],
      );
    });

    it('never lets an older upload that arrives late become the latest', async () => {
      const key = freshKey('late');
      const s = h.store();
      await s.saveUpload(bodyUpload(key, 2, 'b'), 'newer');
      const late = await s.saveUpload(bodyUpload(key, 1, 'a'), 'older');
      assert.equal(late.latest, false);
      assert.equal(late.version, 1, 'the older upload takes its place in upload order');
      const snap = await snapshot(key);
      assert.equal(snap.latestSha, sha256Hex('report b'));
      assert.equal(snap.latestVersion, 2);
      assert.equal(await s.getText(documentId(key)), 'newer');
      assert.equal((await s.getVersion(documentId(key), 1))?.source.sha256, sha256Hex('report a'));
    });

    it('reaches the same final state for any permutation and duplication of deliveries', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 5 }),
          fc.array(fc.nat(), { maxLength: 4 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }),
          async (bodies, dupPicks, order) => {
            const key = freshKey('perm');
            const uploads = bodies.map((b, i) => bodyUpload(key, i + 1, b));
            const deliveries = [...uploads.map((_, i) => i), ...dupPicks.map((p) => p % uploads.length)];
            const shuffled = deliveries
              .map((d, i) => ({ d, r: order[i % order.length] + i * 1e-9 }))
              .sort((x, y) => x.r - y.r)
              .map((x) => x.d);
            for (const i of shuffled) await h.store().saveUpload(uploads[i], `text ${bodies[i]}`);
            const snap = await snapshot(key);
            const m = model(bodies);
            assert.deepEqual(snap.versions, m.versions);
            assert.equal(snap.latestSha, m.latestSha);
            assert.equal(snap.latestVersion, m.versions.length);
            assert.deepEqual(snap.latestPeople, m.latestPeople);
          },
        ),
        { numRuns: 12 },
      );
    });

    it('keeps every upload when writers of one document run concurrently', async () => {
      const key = freshKey('concurrent');
      const bodies = ['a', 'b', 'c', 'a', 'b', 'c'];
      const uploads = bodies.map((b, i) => bodyUpload(key, i + 1, b));
      // each upload delivered twice, all at once, each on its own store instance (as separate Lambdas)
      await Promise.all([...uploads, ...uploads].map((u) => h.store().saveUpload(u, 'text')));
      const snap = await snapshot(key);
      const m = model(bodies);
      assert.deepEqual(snap.versions, m.versions);
      assert.equal(snap.latestSha, m.latestSha);
      assert.deepEqual(snap.latestPeople, m.latestPeople);
      const byLatest = await h.store().search({ participant: 'mirziyoyev' }, { limit: 50 });
      assert.ok(byLatest.items.some((r) => r.id === documentId(key)));
    });

    it('repairs a crash after any write step when the delivery is retried', async () => {
      // Measure how many writes a clean second upload takes, then crash after each of them in turn.
      const probeKey = freshKey('crash-probe');
      await h.store().saveUpload(bodyUpload(probeKey, 1, 'a'), 'v1');
      const probe = crashingAfterWrite(h.ddb, Number.POSITIVE_INFINITY);
      await h.store(probe.client).saveUpload(bodyUpload(probeKey, 2, 'c'), 'v2');
      const steps = probe.writes();
      assert.ok(steps >= 3, `a second version takes several writes (took ${steps})`);
      for (let k = 1; k <= steps; k++) {
        const key = freshKey(`crash-${k}`);
        await h.store().saveUpload(bodyUpload(key, 1, 'a'), 'v1');
        const crashing = crashingAfterWrite(h.ddb, k);
        await assert.rejects(h.store(crashing.client).saveUpload(bodyUpload(key, 2, 'c'), 'v2'), /injected crash/);
        const retried = await h.store().saveUpload(bodyUpload(key, 2, 'c'), 'v2');
        assert.equal(retried.version, 2, `after a crash at write ${k}`);
        const snap = await snapshot(key);
        assert.deepEqual(snap.versions, model(['a', 'c']).versions, `versions after crash at write ${k}`);
        assert.deepEqual(snap.latestPeople, PEOPLE.c);
        const putin = await h
          .store()
          .search({ participant: 'putin', from: '2021-01-01', to: '2021-12-31' }, { limit: 100 });
        assert.ok(!putin.items.some((r) => r.id === documentId(key)), `stale participant returned after crash at ${k}`);
        assert.equal(await h.store().getText(documentId(key)), 'v2');
      }
    });

    it('repairs a crash after any write of a first upload when the delivery is retried', async () => {
      const probe = crashingAfterWrite(h.ddb, Number.POSITIVE_INFINITY);
      await h.store(probe.client).saveUpload(bodyUpload(freshKey('first-probe'), 1, 'a'), 'v1');
      const steps = probe.writes();
      assert.ok(steps >= 2, `a first upload writes its index items, then HEAD (took ${steps})`);
      for (let k = 1; k <= steps; k++) {
        const key = freshKey(`first-crash-${k}`);
        const crashing = crashingAfterWrite(h.ddb, k);
        await assert.rejects(h.store(crashing.client).saveUpload(bodyUpload(key, 1, 'a'), 'v1'), /injected crash/);
        const retried = await h.store().saveUpload(bodyUpload(key, 1, 'a'), 'v1');
        assert.deepEqual([retried.version, retried.latest], [1, true], `after a crash at write ${k}`);
        const snap = await snapshot(key);
        assert.deepEqual(snap.versions, model(['a']).versions);
        assert.equal(await h.store().getText(documentId(key)), 'v1');
      }
    });

    it('cleans up after a crashed first upload whose retry comes after a newer upload', async () => {
      const key = freshKey('first-crash-late');
      // The first upload dies after writing its index items, before HEAD: no trace of it but those items.
      const crashing = crashingAfterWrite(h.ddb, 1);
      await assert.rejects(h.store(crashing.client).saveUpload(bodyUpload(key, 1, 'a'), 'v1'), /injected crash/);
      await h.store().saveUpload(bodyUpload(key, 2, 'b'), 'v2');
      const retried = await h.store().saveUpload(bodyUpload(key, 1, 'a'), 'v1');
      assert.deepEqual([retried.version, retried.latest], [1, false]);
      const snap = await snapshot(key); // no item of the crashed attempt is left in the table
      assert.deepEqual(snap.versions, model(['a', 'b']).versions);
      assert.deepEqual(snap.latestPeople, PEOPLE.b);
      const putin = await h.store().search({ participant: 'putin' }, { limit: 100 });
      assert.ok(!putin.items.some((r) => r.id === documentId(key)));
    });

    it('replaces the record of a stored upload (reprocess), its index items with it', async () => {
      const key = freshKey('replace');
      const s = h.store();
      const first = bodyUpload(key, 1, 'a');
      await s.saveUpload(first, 'v1');
      const second = bodyUpload(key, 2, 'b');
      await s.saveUpload(second, 'v2');
      // Re-extraction of each upload gives other participants.
      for (const [rec, people] of [
        [first, ['Emomali Rahmon']],
        [second, ['Ursula von der Leyen']],
      ] as const) {
        const redone = {
          ...rec,
          participants: people.map((name) => ({ ...rec.participants[0], name, key: name.toLowerCase() })),
        };
        const out = await s.saveUpload(redone, 'redone', { replace: true });
        assert.equal(out.outcome, 'replaced');
        assert.equal((await s.saveUpload(redone, 'redone', { replace: true })).outcome, 'duplicate');
        const v = await s.getVersion(documentId(key), rec === first ? 1 : 2);
        assert.deepEqual(
          v?.participants.map((p) => p.name),
          [...people],
        );
      }
      const snap = await snapshot(key);
      assert.deepEqual(snap.latestPeople, ['Ursula von der Leyen']);
      assert.deepEqual(snap.versions, model(['a', 'b']).versions);
      assert.equal(await s.getText(documentId(key), 1), 'redone');
      const rahmon = await s.search({ participant: 'rahmon' }, { limit: 100 });
      assert.ok(!rahmon.items.some((r) => r.id === documentId(key)), 'version 1 is not the latest');
      const leyen = await s.search({ participant: 'von der leyen' }, { limit: 100 });
      assert.ok(leyen.items.some((r) => r.id === documentId(key)));
    });

    it('never returns an old index entry after a new version drops a participant', async () => {
      const key = freshKey('stale');
      const s = h.store();
      await s.saveUpload(bodyUpload(key, 1, 'a'), 'v1');
      assert.ok(
        (await s.search({ participant: 'Tokayev' }, { limit: 100 })).items.some((r) => r.id === documentId(key)),
      );
      await s.saveUpload(bodyUpload(key, 2, 'b'), 'v2');
      assert.ok(
        !(await s.search({ participant: 'Tokayev' }, { limit: 100 })).items.some((r) => r.id === documentId(key)),
      );
      assert.ok(
        (await s.search({ participant: 'xi jinping' }, { limit: 100 })).items.some((r) => r.id === documentId(key)),
      );
    });

    describe('queries', () => {
      const prefix = `query-${Date.now()}`;
      const docs: ArchiveRecord[] = [];
      before(async () => {
        const s = h.store();
        const specs = [
          {
            n: 1,
            date: '2021-09-17',
            people: ['Vladimir Putin', 'Kassym-Jomart Tokayev'],
            orgs: [{ name: 'Shanghai Cooperation Organization', acronym: 'SCO' }],
            countries: ['Russia', 'Kazakhstan'],
          },
          {
            n: 2,
            date: '2021-09-30',
            people: ['Emomali Rahmon', 'Xi Jinping'],
            orgs: [{ name: 'Shanghai Cooperation Organization', acronym: 'SCO' }],
            countries: ['Tajikistan', 'China'],
          },
          {
            n: 3,
            date: '2022-03-01',
            people: ['Ursula von der Leyen'],
            orgs: [{ name: 'European Commission', acronym: null }],
            countries: ['Belgium'],
          },
          {
            n: 4,
            date: '2020-11-10',
            people: ['Vladimir Putin', 'Recep Tayyip Erdoğan'],
            orgs: [{ name: 'United Nations', acronym: 'UN' }],
            countries: ['Russia', 'Türkiye'],
          },
        ];
        for (const sp of specs) {
          const rec = makeRecord({
            key: `${prefix}/doc-${sp.n}.txt`,
            body: `doc ${sp.n} ${prefix}`,
            eventDate: sp.date,
            participants: sp.people,
            organizations: sp.orgs,
            countries: sp.countries,
          });
          await s.saveUpload(rec, `text ${sp.n}`);
          docs.push(rec);
        }
        // filler documents for pagination: 23 more with one shared participant
        for (let i = 0; i < 23; i++) {
          const day = String((i % 28) + 1).padStart(2, '0');
          const rec = makeRecord({
            key: `${prefix}/filler-${i}.txt`,
            body: `filler ${i} ${prefix}`,
            eventDate: `2019-05-${day}`,
            participants: ['Pagination Person'],
            countries: ['Iceland'],
          });
          await s.saveUpload(rec, 'filler');
          fillers.add(rec.id);
        }
        // GSIs are eventually consistent (on AWS, and at times on DynamoDB Local): wait until
        // the date index shows all 27 documents before asserting on query results.
        const want = new Set([...docs.map((d) => d.id), ...fillers]);
        for (let i = 0; ; i++) {
          const seen = new Set<string>();
          let cursor: string | undefined;
          do {
            const page = await s.search({}, { limit: 100, cursor });
            for (const r of page.items) seen.add(r.id);
            cursor = page.cursor ?? undefined;
          } while (cursor);
          if ([...want].every((id) => seen.has(id))) break;
          if (i > 100) throw new Error('the index never showed the stored documents');
          await new Promise((r) => setTimeout(r, 100));
        }
      });

      // Other tests share the table: look only at this suite's documents.
      const fillers = new Set<string>();
      const ids = (page: { items: ArchiveRecord[] }) =>
        page.items.map((r) => r.id).filter((id) => docs.some((d) => d.id === id) || fillers.has(id));
      const docId = (n: number) => docs[n - 1].id;

      it('finds by participant: case, diacritics and part of a name', async () => {
        const s = h.store();
        for (const q of ['putin', 'PUTIN', 'Vladimir Putin', 'vladímir putin']) {
          assert.deepEqual(ids(await s.search({ participant: q }, { limit: 100 })), [docId(1), docId(4)], q);
        }
        for (const q of ['Tokayev', 'kassym-jomart tokayev', 'kassym-jomart', 'jomart']) {
          assert.deepEqual(ids(await s.search({ participant: q }, { limit: 100 })), [docId(1)], q);
        }
        assert.deepEqual(ids(await s.search({ participant: 'erdogan' }, { limit: 100 })), [docId(4)]);
        assert.deepEqual(ids(await s.search({ participant: 'von der leyen' }, { limit: 100 })), [docId(3)]);
        assert.deepEqual(ids(await s.search({ participant: 'nobody-at-all' }, { limit: 100 })), []);
      });

      it('finds by date range, newest meeting first', async () => {
        const s = h.store();
        const sept = await s.search({ from: '2021-09-01', to: '2021-09-30' }, { limit: 100 });
        assert.deepEqual(ids(sept), [docId(2), docId(1)]);
        const since = await s.search({ from: '2021-09-18' }, { limit: 50 });
        assert.ok(ids(since).includes(docId(2)) && ids(since).includes(docId(3)) && !ids(since).includes(docId(1)));
        const until = await s.search({ to: '2020-12-31' }, { limit: 50 });
        assert.ok(ids(until).includes(docId(4)) && !ids(until).includes(docId(1)));
      });

      it('finds by organization name or acronym, and by country', async () => {
        const s = h.store();
        assert.deepEqual(ids(await s.search({ organization: 'SCO' }, { limit: 100 })), [docId(2), docId(1)]);
        assert.deepEqual(ids(await s.search({ organization: 'shanghai cooperation organization' }, { limit: 100 })), [
          docId(2),
          docId(1),
        ]);
        assert.deepEqual(ids(await s.search({ organization: 'UN' }, { limit: 100 })), [docId(4)]);
        assert.deepEqual(ids(await s.search({ country: 'russia' }, { limit: 100 })), [docId(1), docId(4)]);
        assert.deepEqual(ids(await s.search({ country: 'Turkiye' }, { limit: 100 })), [docId(4)]);
      });

      it('combines filters with AND', async () => {
        const s = h.store();
        assert.deepEqual(ids(await s.search({ participant: 'putin', country: 'Kazakhstan' }, { limit: 100 })), [
          docId(1),
        ]);
        assert.deepEqual(
          ids(await s.search({ participant: 'putin', from: '2021-01-01', to: '2021-12-31' }, { limit: 100 })),
          [docId(1)],
        );
        assert.deepEqual(ids(await s.search({ participant: 'putin', organization: 'UN' }, { limit: 100 })), [docId(4)]);
        assert.deepEqual(
          ids(await s.search({ organization: 'SCO', country: 'China', to: '2021-09-20' }, { limit: 100 })),
          [],
        );
      });

      it('pages through many results with cursors, without gaps or repeats', async () => {
        const s = h.store();
        const seen: string[] = [];
        const dates: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await s.search({ participant: 'pagination person' }, { limit: 7, cursor });
          seen.push(...ids(page));
          dates.push(...page.items.map((r) => r.eventDate ?? ''));
          cursor = page.cursor ?? undefined;
          pages++;
        } while (cursor && pages < 20);
        assert.equal(pages, 4);
        assert.equal(seen.length, 23);
        assert.equal(new Set(seen).size, 23);
        assert.deepEqual(dates, [...dates].sort().reverse(), 'newest meeting first');
      });

      it('rejects tampered cursors and cursors from another query', async () => {
        const s = h.store();
        const first = await s.search({ participant: 'pagination person' }, { limit: 5 });
        assert.ok(first.cursor);
        const [payload, mac] = first.cursor.split('.');
        const forged = `${Buffer.from(JSON.stringify({ f: 'x', k: { pk: 'DOC#1' } })).toString('base64url')}.${mac}`;
        await assert.rejects(
          s.search({ participant: 'pagination person' }, { limit: 5, cursor: forged }),
          InvalidCursor,
        );
        await assert.rejects(
          s.search({ participant: 'pagination person' }, { limit: 5, cursor: `${payload}.AAAA` }),
          InvalidCursor,
        );
        await assert.rejects(
          s.search({ participant: 'pagination person' }, { limit: 5, cursor: 'garbage' }),
          InvalidCursor,
        );
        await assert.rejects(s.search({ country: 'iceland' }, { limit: 5, cursor: first.cursor }), InvalidCursor);
      });

      it('lists participants by name prefix with document counts', async () => {
        const s = h.store();
        const list = await s.participants('vlad', 10);
        const putin = list.find((p) => p.key === 'vladimir putin');
        assert.ok(putin, JSON.stringify(list));
        assert.ok(putin.documents >= 2);
        assert.equal(putin.name, 'Vladimir Putin');
        assert.deepEqual(await s.participants('zzzz-nobody', 10), []);
      });

      it('lists participants by a prefix of any name word, transliteration-tolerant, counting documents once', async () => {
        const s = h.store();
        const byWord = async (prefix: string) => (await s.participants(prefix, 50)).map((p) => [p.key, p.documents]);
        for (const prefix of ['puti', 'Putin', 'vladimir p', 'PUT']) {
          const putin = (await byWord(prefix)).find(([key]) => key === 'vladimir putin');
          assert.ok(putin && (putin[1] as number) >= 2, `${prefix}: ${JSON.stringify(await byWord(prefix))}`);
        }
        for (const prefix of ['tokay', 'jomart', 'kassym-j']) {
          const list = await byWord(prefix);
          assert.ok(
            list.some(([key]) => key === 'kassym-jomart tokayev'),
            `${prefix}: ${JSON.stringify(list)}`,
          );
        }
        assert.ok((await byWord('erdog')).some(([key]) => key === 'recep tayyip erdogan'));
        // "k" reads two key ranges ("k", and "h" for a "kh" that folds to "h"): the person is found once.
        assert.equal((await byWord('k')).filter(([key]) => key === 'kassym-jomart tokayev').length, 1);
        assert.ok(!(await byWord('vladimir x')).some(([key]) => key === 'vladimir putin'));
        // 23 documents name the pagination person: counted once each, though the name has two words.
        const pagination = (await byWord('p')).find(([key]) => key === 'pagination person');
        assert.deepEqual(pagination, ['pagination person', 23]);
        const limited = await s.participants('p', 1);
        assert.equal(limited.length, 1);
      });
    });

    it('keeps a rejected upload as a visible rejected version', async () => {
      const key = freshKey('rejected');
      const s = h.store();
      const rec = makeRecord({ key, body: '', status: 'rejected', eventDate: null });
      const out = await s.saveUpload(rec, '');
      assert.equal(out.version, 1);
      const latest = await s.getLatest(rec.id);
      assert.equal(latest?.status, 'rejected');
      assert.equal(latest?.rejection?.code, 'empty');
      const failures = await s.search({ status: 'rejected' }, { limit: 100 });
      assert.ok(failures.items.some((r) => r.id === rec.id));
      const normal = await s.search({}, { limit: 100 });
      assert.ok(!normal.items.some((r) => r.id === rec.id), 'rejected documents stay out of normal results');
    });
  });
};
