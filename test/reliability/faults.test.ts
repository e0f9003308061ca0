// Fault injection on the ingest path, against real emulators (dynalite, s3rver): throttled
// DynamoDB writes, UnprocessedItems, S3 read failures and stalls, a crash between any two writes,
// and the handler dying mid-batch. Retries are driven as SQS drives them (redelivery with
// ApproximateReceiveCount + 1 up to maxReceiveCount 5; sqs-driver.ts), or by the local stack's own
// queue. In every case each upload ends as exactly one version, no transient fault leaves a
// message in the DLQ, and the partial batch response names exactly the failed messages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import { documentId } from '../../lambdas/core/ids';
import { createIngestHandler } from '../../lambdas/ingest/ingest';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynalite } from '../../lib/local/emulators';
import { LOCAL_DROP_BUCKET } from '../../lib/local/endpoints';
import { startLocalStack } from '../../lib/local/local-stack';
import { prng, VersionedBucket } from '../../scripts/loadtest';
import {
  dyingProcess,
  flakyGetObject,
  partiallyThrottledBatches,
  type S3Fault,
  throttlingDynamo,
  wrapSend,
} from './faults';
import { driveLikeSqs } from './sqs-driver';
import { openWorld, report, shuffled, type World } from './world';

const assertClean = (r: Awaited<ReturnType<World['check']>>) => {
  assert.deepEqual(r.problems, []);
  assert.equal(r.lost, 0);
  assert.equal(r.duplicates, 0);
  assert.equal(r.wrongLatest, 0);
  assert.equal(r.versionsFound, r.versionsExpected);
};

describe('fault injection on the ingest path (dynalite + s3rver)', () => {
  let w: World;
  before(async () => {
    w = await openWorld(await startDynalite());
  });
  after(async () => {
    await w?.close();
  });

  it('retries DynamoDB writes throttled past the SDK retries (20 % of writes) until each upload is one version', async () => {
    const random = prng(7);
    const keys = Array.from({ length: 12 }, (_, i) => `throttle/report ${i}.txt`);
    const messages: SQSRecord[] = [];
    for (const [i, key] of keys.entries()) {
      // Three uploads per key: a new version, an identical re-upload or a bad file, another version.
      messages.push(w.message(await w.upload(key, report(key, 1))));
      if (i % 3 === 0) messages.push(w.message(await w.upload(key, report(key, 1))));
      else if (i % 3 === 1) messages.push(w.message(await w.upload(key, '', 'empty')));
      messages.push(w.message(await w.upload(key, report(key, 2, ['Xi Jinping', 'Vladimir Putin']))));
    }
    const duplicates = messages.filter(() => random() < 0.2).map((m) => ({ ...m, messageId: `${m.messageId}-again` }));
    const deliveries = shuffled([...messages, ...duplicates], random); // out of order, with duplicates

    const throttle = throttlingDynamo(w.h.ddb);
    const handler = createIngestHandler(w.deps({ ddb: throttle.client }));
    let checked = 0;
    const result = await driveLikeSqs(handler, deliveries, {
      groupOf: w.pkOf, // one message per document in a batch: each fault belongs to one message
      onBatch: (call, records) => {
        const faulted = new Set(throttle.injected.slice(checked).map((i) => i.pk));
        checked = throttle.injected.length;
        const expected = records.filter((r) => faulted.has(w.pkOf(r))).map((r) => r.messageId);
        assert.deepEqual(
          [...call.failed].sort(),
          expected.sort(),
          `round ${call.round}: the failures are the throttled messages`,
        );
      },
    });
    assert.deepEqual(result.deadLetters, [], 'a transient fault leaves nothing in the DLQ');
    assert.ok(
      throttle.injected.length >= 0.15 * throttle.writes(),
      `${throttle.injected.length} of ${throttle.writes()} writes throttled`,
    );
    assert.deepEqual([...new Set(throttle.injected.map((i) => i.error))].sort(), [
      'ProvisionedThroughputExceededException',
      'RequestLimitExceeded',
      'ThrottlingException',
    ]);
    assert.ok(Math.max(...result.receives.values()) >= 2, 'some messages needed a redelivery');
    assertClean(await w.check(keys));
  });

  it('resends the UnprocessedItems of a partly throttled BatchWriteItem', async () => {
    const keys = Array.from({ length: 4 }, (_, i) => `unprocessed/report ${i}.txt`);
    const messages: SQSRecord[] = [];
    for (const key of keys) messages.push(w.message(await w.upload(key, report(key, 1))));
    const batches = partiallyThrottledBatches(w.h.ddb, 1);
    const result = await driveLikeSqs(createIngestHandler(w.deps({ ddb: batches.client })), messages);
    assert.ok(batches.returned() > 0, 'some index items came back unprocessed');
    assert.deepEqual(
      result.calls.map((c) => c.failed),
      [[]],
      'the store resends them itself: no message fails',
    );
    assertClean(await w.check(keys));
    const page = await w.store().search({ participant: 'scholz' }, { limit: 100 });
    for (const key of keys)
      assert.ok(
        page.items.some((r) => r.id === documentId(key)),
        `${key} is indexed`,
      );
  });

  it('fails only the message whose S3 read fails or stalls (SlowDown, InternalError, reset, stall), then stores it', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `s3-faults/report ${i}.txt`);
    const messages: SQSRecord[] = [];
    for (const key of keys) messages.push(w.message(await w.upload(key, report(key, 1))));
    const storage = new Map(keys.map((key, i) => [storageKeyOf(w, key), i]));
    const kinds: S3Fault[] = ['slow-down', 'internal-error', 'reset', 'stall'];
    // Key i fails on its first (i % 3) reads, each time with the next kind of fault.
    const flaky = flakyGetObject(w.s3, (key, n) => {
      const i = storage.get(key) ?? 0;
      return n < i % 3 ? kinds[(i + n) % kinds.length] : null;
    });
    const handler = createIngestHandler(w.deps({ s3: flaky.client, readTimeoutMs: 250 }));
    let checked = 0;
    const result = await driveLikeSqs(handler, messages, {
      onBatch: (call, records) => {
        const faulted = new Set(flaky.injected.slice(checked).map((f) => f.key));
        checked = flaky.injected.length;
        const expected = records.filter((r) => faulted.has(storageKeyOf(w, w.keyOf(r)))).map((r) => r.messageId);
        assert.deepEqual([...call.failed].sort(), expected.sort(), `round ${call.round}`);
      },
    });
    assert.deepEqual(result.deadLetters, []);
    assert.deepEqual([...new Set(flaky.injected.map((f) => f.fault))].sort(), [...kinds].sort());
    assertClean(await w.check(keys));
  });

  it('bounds a read from an S3 that never answers, or stops mid-body, to that message (real sockets)', {
    timeout: 30_000,
  }, async () => {
    const sockets = new Set<Socket>();
    const servers: Server[] = [];
    const start = async (onData: (s: Socket) => void) => {
      const server = createServer((s) => {
        sockets.add(s);
        s.on('data', () => onData(s));
        s.on('error', () => {});
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      servers.push(server);
      return makeS3Client({
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        s3Endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      });
    };
    try {
      const silent = await start(() => {}); // accepts the connection, never answers
      const midBody = await start((s) => {
        s.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: text/plain\r\nETag: "x"\r\n\r\nPresident');
      });
      const keys = ['stall/never answers.txt', 'stall/stops mid-body.txt', 'stall/healthy.txt'];
      const messages: SQSRecord[] = [];
      for (const key of keys) messages.push(w.message(await w.upload(key, report(key, 1))));
      const stalled = wrapSend(w.s3, (real, command, options) => {
        if (command.constructor.name !== 'GetObjectCommand') return real(command, options);
        const key = String(command.input.Key);
        const target = key === storageKeyOf(w, keys[0]) ? silent : key === storageKeyOf(w, keys[1]) ? midBody : null;
        return target ? target.send(command as never, options) : real(command, options);
      });
      const handler = createIngestHandler(w.deps({ s3: stalled, readTimeoutMs: 300 }));
      const first = await handler({
        Records: messages.map((m) => ({ ...m, attributes: { ...m.attributes, ApproximateReceiveCount: '1' } })),
      });
      assert.deepEqual(
        first.batchItemFailures.map((f) => f.itemIdentifier).sort(),
        [messages[0].messageId, messages[1].messageId].sort(),
        'only the two stalled reads fail; the healthy message is stored',
      );
      silent.destroy();
      midBody.destroy();
      // SQS redelivers them; S3 answers this time.
      const again = await driveLikeSqs(createIngestHandler(w.deps()), messages.slice(0, 2), { alreadyReceived: 1 });
      assert.deepEqual(again.deadLetters, []);
      assertClean(await w.check(keys));
    } finally {
      for (const s of sockets) s.destroy();
      for (const s of servers) s.close();
    }
  });

  it('repairs a crash between any two writes of an ingest (DynamoDB or S3) on redelivery', async () => {
    const probeKey = 'crash/probe.txt';
    await driveLikeSqs(createIngestHandler(w.deps()), [w.message(await w.upload(probeKey, report(probeKey, 1)))]);
    const probe = dyingProcess(w.h.ddb, w.s3, Number.POSITIVE_INFINITY);
    const second = w.message(await w.upload(probeKey, report(probeKey, 2, ['Xi Jinping', 'Vladimir Putin'])));
    await driveLikeSqs(createIngestHandler(w.deps({ ddb: probe.ddb, archiveS3: probe.s3 })), [second]);
    const steps = probe.writes();
    assert.ok(steps >= 4, `a second version takes several writes to DynamoDB and S3 (took ${steps})`);
    console.log(`# a second version takes ${steps} writes (DynamoDB and S3); crashing after each in turn`);

    for (let k = 1; k <= steps; k++) {
      const key = `crash/after write ${k}.txt`;
      await driveLikeSqs(createIngestHandler(w.deps()), [w.message(await w.upload(key, report(key, 1)))]);
      const m = w.message(await w.upload(key, report(key, 2, ['Xi Jinping', 'Vladimir Putin'])));
      const dying = dyingProcess(w.h.ddb, w.s3, k);
      const crashed = await driveLikeSqs(createIngestHandler(w.deps({ ddb: dying.ddb, archiveS3: dying.s3 })), [m], {
        maxReceiveCount: 1,
      });
      assert.ok(dying.died(), `crashed after write ${k}`);
      assert.deepEqual(crashed.calls[0].failed, [m.messageId], `the response names the crashed message (write ${k})`);
      const retried = await driveLikeSqs(createIngestHandler(w.deps()), [m], { alreadyReceived: 1 });
      assert.deepEqual(retried.deadLetters, []);
      assert.deepEqual(retried.calls[0].failed, [], `the redelivery succeeds (write ${k})`);
      assertClean(await w.check([key]));
      const id = documentId(key);
      assert.match((await w.store().getText(id)) ?? '', /Xi Jinping/, `the text is the new version's (write ${k})`);
      const scholz = await w.store().search({ participant: 'scholz' }, { limit: 100 });
      assert.ok(!scholz.items.some((r) => r.id === id), `no stale index entry after a crash at write ${k}`);
      const putin = await w.store().search({ participant: 'putin' }, { limit: 100 });
      assert.ok(
        putin.items.some((r) => r.id === id),
        `indexed under the new participants (write ${k})`,
      );
    }
  });

  it('redelivers the whole batch after the handler died mid-batch, and every upload ends as one version', async () => {
    // How many writes does a clean batch of ten take?
    const batchOf = async (label: string) => {
      const keys = Array.from({ length: 10 }, (_, i) => `died/${label}/report ${i}.txt`);
      for (const key of keys.slice(0, 5)) {
        // Half the documents already have a version: the batch adds a second one.
        await driveLikeSqs(createIngestHandler(w.deps()), [w.message(await w.upload(key, report(key, 1)))]);
      }
      const messages: SQSRecord[] = [];
      for (const key of keys)
        messages.push(w.message(await w.upload(key, report(key, 2, ['Xi Jinping', 'Vladimir Putin']))));
      return { keys, messages };
    };
    const probe = dyingProcess(w.h.ddb, w.s3, Number.POSITIVE_INFINITY);
    const clean = await batchOf('probe');
    await createIngestHandler(w.deps({ ddb: probe.ddb, archiveS3: probe.s3 }))({ Records: clean.messages });
    const total = probe.writes();

    let partial = 0;
    // Die after the k-th write at spread points, and once right after the first document's HEAD commit:
    // the batch's documents run concurrently, so that death always leaves some stored and some not.
    const firstCommit = (c: { constructor: { name: string }; input?: unknown }) =>
      c.constructor.name === 'PutCommand' && (c.input as { Item?: { sk?: string } }).Item?.sk === 'HEAD';
    const deaths: (number | typeof firstCommit)[] = [
      1,
      Math.round(total * 0.25),
      Math.round(total * 0.4),
      Math.round(total * 0.6),
      total - 1,
      firstCommit,
    ];
    for (const k of deaths) {
      const label = typeof k === 'number' ? `k${k}` : 'first-commit';
      const { keys, messages } = await batchOf(label);
      const dying = dyingProcess(w.h.ddb, w.s3, k, 'forever');
      // The process dies: whatever the handler would have answered never reaches SQS.
      await createIngestHandler(w.deps({ ddb: dying.ddb, archiveS3: dying.s3 }))({
        Records: messages.map((m) => ({ ...m, attributes: { ...m.attributes, ApproximateReceiveCount: '1' } })),
      });
      assert.ok(dying.died());
      let stored = 0;
      for (const key of keys)
        if (
          (await w.store().getLatest(documentId(key)))?.source.sha256 ===
          w.uploads.findLast((u) => u.key === key)?.sha256
        )
          stored++;
      if (stored > 0 && stored < 10) partial++;
      // After the visibility timeout SQS delivers the whole batch again.
      const again = await driveLikeSqs(createIngestHandler(w.deps()), messages, { alreadyReceived: 1 });
      assert.deepEqual(
        again.calls.map((c) => c.failed),
        [[]],
        `the whole batch succeeds on redelivery (died at ${label}, ${stored} stored)`,
      );
      assert.deepEqual(again.deadLetters, []);
      assertClean(await w.check(keys));
    }
    assert.ok(partial >= 1, 'at least one death left some documents stored and others not');
  });

  it('dead-letters only a message whose fault does not go away, after 5 receives', async () => {
    const keys = ['poison/never readable.txt', 'poison/fine.txt'];
    const messages: SQSRecord[] = [];
    for (const key of keys) messages.push(w.message(await w.upload(key, report(key, 1))));
    const broken = storageKeyOf(w, keys[0]);
    const flaky = flakyGetObject(w.s3, (key) => (key === broken ? 'internal-error' : null));
    const result = await driveLikeSqs(createIngestHandler(w.deps({ s3: flaky.client })), messages);
    assert.deepEqual(
      result.deadLetters.map((m) => m.messageId),
      [messages[0].messageId],
    );
    assert.equal(result.receives.get(messages[0].messageId), 5);
    assert.equal(result.receives.get(messages[1].messageId), 1);
    assert.deepEqual(
      result.calls.map((c) => c.failed),
      [1, 2, 3, 4, 5].map(() => [messages[0].messageId]),
    );
    assert.equal(await w.store().getLatest(documentId(keys[0])), null);
    assertClean(await w.check([keys[1]]));
  });
});

describe('S3 read faults through the local stack’s own queue', () => {
  it('retries SlowDown, InternalError, resets and stalls with backoff; nothing reaches the dead-letter list', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-faults-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT'; // the local stack's ingest logger: its retries are expected here
    const kinds: S3Fault[] = ['slow-down', 'internal-error', 'reset', 'stall'];
    let injected: { key: string; fault: S3Fault }[] = [];
    const lines: string[] = [];
    const stack = await startLocalStack({
      dataDir: dir,
      port: 0,
      s3Port: 0,
      ingestSamples: false,
      retry: { maxReceives: 5, baseDelayMs: 20, maxDelayMs: 200 },
      log: (l) => lines.push(l),
      ingestDeps: (d) => {
        const flaky = flakyGetObject(d.s3, (key, n) => {
          const i = Number(key.match(/(\d+)\.txt$/)?.[1] ?? 0);
          return n < i % 4 ? kinds[(i + n) % kinds.length] : null;
        });
        injected = flaky.injected;
        return { ...d, s3: flaky.client, readTimeoutMs: 200 };
      },
    });
    const s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: stack.endpoints.s3 });
    try {
      const keys = Array.from({ length: 8 }, (_, i) => `faulty reads/report ${i}.txt`);
      for (const key of keys)
        await s3.send(new PutObjectCommand({ Bucket: LOCAL_DROP_BUCKET, Key: key, Body: report(key, 1) }));
      await stack.whenIdle();
      assert.deepEqual(stack.deadLetters(), []);
      assert.deepEqual([...new Set(injected.map((f) => f.fault))].sort(), [...kinds].sort());
      assert.ok(
        lines.some((l) => /\d+ retried/.test(l)),
        lines.join('\n'),
      );
      for (const key of keys) {
        const versions = await stackStoreVersions(stack.endpoints.api, documentId(key));
        assert.deepEqual(versions, [1], key);
      }
    } finally {
      s3.destroy();
      await stack.stop();
      delete process.env.POWERTOOLS_LOG_LEVEL;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The versions of a document, through the local stack's query API. */
const stackStoreVersions = async (api: string, id: string) => {
  const res = await fetch(`${api}/documents/${id}/versions`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { items?: { version: number; status: string }[] };
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.ok(body.items?.every((v) => v.status === 'processed'));
  return body.items?.map((v) => v.version);
};

/** Where the versioned drop bucket keeps the bytes of the latest upload of `key` (what GetObject reads). */
const storageKeyOf = (w: World, key: string) => {
  const u = w.uploads.findLast((x) => x.key === key);
  assert.ok(u, key);
  return VersionedBucket.storageKey(u.key, u.versionId);
};
