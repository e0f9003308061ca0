// A catalogue of malformed inputs, files and S3 keys alike (catalogue-inputs.ts, generated here),
// each uploaded and ingested by the real ingest handler against s3rver and dynalite. Each must end
// as exactly one processed or rejected version with a reason, at the first delivery (malformed
// input is no transient fault: nothing is retried), without a crash, within a generous cap (the
// handler runs in a worker thread so that a run past the cap can be cut and reported).
// Then the keys again, through the local stack's own S3: s3rver keeps objects as files named after
// their keys, so it must refuse the keys it cannot keep safely, and stay up.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { documentId } from '../../lambdas/core/ids';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynalite, unsafeS3rverKey } from '../../lib/local/emulators';
import { LOCAL_DROP_BUCKET } from '../../lib/local/endpoints';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack';
import { ARCHIVE_BUCKET } from '../support/store-harness';
import { buildCatalogue, type Entry } from './catalogue-inputs';
import { IngestWorker } from './ingest-worker';
import { DROP, openWorld, type World } from './world';

/** Per entry: above the 20 s normalization budget, far below the 60 s Lambda timeout. */
const CAP_MS = 25_000;
const entries = await buildCatalogue();

describe('catalogue of malformed inputs through the ingest handler (s3rver + dynalite)', () => {
  let w: World;
  let worker: IngestWorker;
  const started = Date.now();
  before(async () => {
    const dynamo = await startDynalite();
    w = await openWorld(dynamo);
    worker = new IngestWorker({
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: w.h.s3.endpoint,
      tableName: w.h.tableName,
      archiveBucket: ARCHIVE_BUCKET,
      dropBucket: DROP,
      versionsBucket: 'drop-versions',
    });
  });
  after(async () => {
    console.log(`# catalogue: ${entries.length} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await worker?.close();
    await w?.close();
  });

  it('has at least 40 inputs, files and keys, with distinct keys', () => {
    assert.ok(entries.length >= 40, `${entries.length} inputs`);
    assert.ok(entries.filter((e) => e.name.startsWith('key:')).length >= 15);
    assert.equal(new Set(entries.map((e) => documentId(e.key))).size, entries.length);
  });

  for (const entry of entries) {
    it(entry.name, { timeout: CAP_MS + 30_000 }, async () => {
      const u = await w.upload(entry.key, entry.bytes, null, entry.contentType);
      const message = w.message(u);
      const reply = await worker.run([message], CAP_MS);
      assert.deepEqual(reply.failures, [], 'malformed input is not retried');
      await expectRecord(w, entry);
    });
  }
});

async function expectRecord(w: World, entry: Entry) {
  const id = documentId(entry.key);
  const versions = await w.store().listVersions(id);
  assert.equal(versions?.length, 1, 'exactly one version');
  const r = await w.store().getLatest(id);
  assert.ok(r, 'a record');
  assert.equal(r.source.key, entry.key, 'the key round-trips through the S3 event');
  assert.equal(r.source.size, entry.bytes.byteLength);
  const { status, code, notInText = [], inText = [], maxTextChars } = entry.expect;
  if (r.status === 'rejected') {
    assert.ok(r.rejection?.code, 'a rejection has a code');
    assert.ok(r.rejection?.message, 'and a message');
  }
  if (status !== 'either') assert.equal(r.status, status, JSON.stringify(r.rejection));
  if (code) assert.equal(r.rejection?.code, code, r.rejection?.message);
  const text = (await w.store().getText(id)) ?? '';
  for (const s of notInText) assert.ok(!text.includes(s), `the text contains ${JSON.stringify(s)}`);
  for (const s of inText) assert.ok(text.includes(s), `the text lacks ${JSON.stringify(s)}: ${text.slice(0, 200)}`);
  if (maxTextChars !== undefined) assert.ok(text.length <= maxTextChars, `${text.length} characters of text`);
}

describe('the catalogue’s keys through the local stack’s own S3 (s3rver)', () => {
  let root: string;
  let stack: LocalStack;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'archive-keys-'));
    mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
    stack = await startLocalStack({
      dataDir: join(root, 'nested', 'deeper', 'data'),
      port: 0,
      s3Port: 0,
      ingestSamples: false,
    });
  });
  after(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores and ingests every key it can keep as a file, refuses the others with an error, and stays up', async () => {
    const s3 = makeS3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      s3Endpoint: stack.endpoints.s3,
      maxAttempts: 1,
    });
    const accepted: Entry[] = [];
    const refused: { entry: Entry; error: string }[] = [];
    try {
      for (const entry of entries.filter((e) => e.name.startsWith('key:'))) {
        try {
          await s3.send(new PutObjectCommand({ Bucket: LOCAL_DROP_BUCKET, Key: entry.key, Body: entry.bytes }));
          accepted.push(entry);
        } catch (e) {
          refused.push({ entry, error: `${(e as Error).name}: ${(e as Error).message.split('\n')[0]}` });
        }
      }
    } finally {
      s3.destroy();
    }
    await stack.whenIdle();
    // Refused: exactly the keys s3rver cannot keep as files ("..", ".", "" segments, too long a
    // name); the guard says why for the ones that reach the store.
    for (const { entry, error } of refused) {
      const why = unsafeS3rverKey(entry.key);
      assert.ok(why !== null || /^\/|\/\//.test(entry.key), `${entry.name} was refused: ${error}`);
      if (why && !/^\/|\/\//.test(entry.key))
        assert.match(error, /InvalidArgument: the local S3 \(s3rver\) cannot store this key/);
    }
    for (const entry of accepted) assert.equal(unsafeS3rverKey(entry.key), null, `${entry.name} was accepted`);
    assert.ok(refused.length >= 4 && accepted.length >= 15, `${accepted.length} accepted, ${refused.length} refused`);
    // Nothing escaped the data folder; the stack still answers; every accepted key was ingested.
    assert.deepEqual(readdirSync(join(root, 'nested', 'deeper')), ['data']);
    assert.deepEqual(readdirSync(join(root, 'nested')), ['deeper']);
    const health = await fetch(`${stack.endpoints.api}/_local/health`);
    assert.equal(health.status, 200);
    for (const entry of accepted) {
      const res = await fetch(`${stack.endpoints.api}/documents/${documentId(entry.key)}`);
      const body = (await res.json()) as { status?: string; source?: { key: string } };
      assert.equal(res.status, 200, `${entry.name}: ${JSON.stringify(body)}`);
      assert.equal(body.source?.key, entry.key);
      assert.equal(body.status, 'processed');
    }
    assert.deepEqual(stack.deadLetters(), []);
  });
});
