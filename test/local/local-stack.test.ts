// The embedded local stack end to end, in this process: uploads through the S3 API, ingestion by
// the real ingest handler, answers from the real query handler over HTTP, and a restart.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CreateTableCommand,
  DeleteTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentId } from '../../lambdas/core/ids';
import { makeDynamoClient } from '../../lambdas/store/clients';
import { tableLayout } from '../../lambdas/store/provision';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynalite } from '../../lib/local/emulators';
import { endpointsFile, LOCAL_DROP_BUCKET, LOCAL_TABLE, readEndpoints } from '../../lib/local/endpoints';
import { type LocalStack, LocalStackError, sampleFiles, startLocalStack } from '../../lib/local/local-stack';
import { get, put, removeDir, SAMPLES, SEED, s3For, tempDataDir } from './helpers';

const TRICKY_KEYS = [
  'reports/Sommet à Douchanbé + notes 100%.txt',
  'reports/plus+sign and spaces/100% sure (draft).md',
  'отчёты/встреча 2021.txt',
];

describe('local stack, end to end (in process)', () => {
  let dir: string;
  let stack: LocalStack;
  let s3: S3Client;
  const seedBytes = readFileSync(join(SAMPLES, SEED));
  const seedId = documentId(`reports/${SEED}`);

  before(async () => {
    dir = tempDataDir();
    stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    s3 = s3For(stack.endpoints);
  });
  after(async () => {
    s3?.destroy();
    await stack?.stop();
    removeDir(dir);
  });

  it('writes endpoints.json and a private cursor key', () => {
    const e = readEndpoints(dir);
    assert.deepEqual(e, stack.endpoints);
    assert.equal(e?.pid, process.pid);
    for (const url of [e!.api, e!.s3, e!.dynamodb]) assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(statSync(join(dir, 'cursor-key')).mode & 0o777, 0o600);
  });

  it('ingests the samples uploaded through S3 and finds the seed by participant and by date', async () => {
    const files = sampleFiles(SAMPLES);
    assert.ok(files.includes(SEED) && files.length >= 8, `samples: ${files}`);
    const t0 = performance.now();
    await Promise.all(files.map((f) => put(s3, LOCAL_DROP_BUCKET, `reports/${f}`, readFileSync(join(SAMPLES, f)))));
    await stack.whenIdle();
    const ms = performance.now() - t0;
    console.log(`# ${files.length} samples uploaded and ingested in ${ms.toFixed(0)} ms`);
    for (const f of files) {
      const r = await get(stack.endpoints.api, `/documents/${documentId(`reports/${f}`)}`);
      assert.equal(r.status, 200, f);
      assert.equal(r.body.status, 'processed', `${f}: ${JSON.stringify(r.body.rejection)}`);
    }
    const byName = await get(stack.endpoints.api, '/documents?participant=putin');
    assert.equal(byName.status, 200);
    assert.ok(
      byName.body.items.some((d: { id: string }) => d.id === seedId),
      'participant=putin finds the seed',
    );
    const byDate = await get(stack.endpoints.api, '/documents?from=2021-09-01&to=2021-09-30');
    assert.ok(
      byDate.body.items.some((d: { id: string }) => d.id === seedId),
      'the September 2021 range finds the seed',
    );
    assert.deepEqual(stack.deadLetters(), []);
  });

  it('round-trips keys with spaces, "+", "%" and non-ASCII letters', async () => {
    for (const key of TRICKY_KEYS) await put(s3, LOCAL_DROP_BUCKET, key, seedBytes);
    await stack.whenIdle();
    for (const key of TRICKY_KEYS) {
      const r = await get(stack.endpoints.api, `/documents/${documentId(key)}`);
      assert.equal(r.status, 200, key);
      assert.equal(r.body.source.key, key);
      assert.equal(r.body.source.bucket, LOCAL_DROP_BUCKET);
    }
  });

  it('a modified re-upload adds a version; an identical one adds none', async () => {
    const key = 'history/summit.txt';
    const id = documentId(key);
    const changed = Buffer.concat([
      seedBytes,
      Buffer.from('\n\nCorrection: the declaration was adopted unanimously.\n'),
    ]);
    await put(s3, LOCAL_DROP_BUCKET, key, seedBytes);
    await stack.whenIdle();
    // Within the same second as the first upload: order must still be upload order.
    await put(s3, LOCAL_DROP_BUCKET, key, changed);
    await stack.whenIdle();
    let versions = await get(stack.endpoints.api, `/documents/${id}/versions`);
    assert.equal(versions.status, 200);
    assert.deepEqual(
      versions.body.items.map((v: { version: number }) => v.version),
      [1, 2],
    );
    const latest = await get(stack.endpoints.api, `/documents/${id}`);
    assert.equal(latest.body.version, 2);
    assert.equal(latest.body.source.sha256, createHash('sha256').update(changed).digest('hex'));

    await put(s3, LOCAL_DROP_BUCKET, key, changed);
    await stack.whenIdle();
    versions = await get(stack.endpoints.api, `/documents/${id}/versions`);
    assert.equal(versions.body.items.length, 2, 'identical bytes make no new version');
  });

  it('an empty and a binary upload get rejected records with their reasons', async () => {
    const binary = randomBytes(4096);
    binary[0] = 0;
    binary[100] = 0;
    await put(s3, LOCAL_DROP_BUCKET, 'bad/empty.txt', new Uint8Array(0));
    await put(s3, LOCAL_DROP_BUCKET, 'bad/noise.txt', binary);
    await stack.whenIdle();
    const empty = await get(stack.endpoints.api, `/documents/${documentId('bad/empty.txt')}`);
    assert.equal(empty.body.status, 'rejected');
    assert.equal(empty.body.rejection.code, 'empty');
    const noise = await get(stack.endpoints.api, `/documents/${documentId('bad/noise.txt')}`);
    assert.equal(noise.body.status, 'rejected');
    assert.equal(typeof noise.body.rejection.code, 'string');
    assert.ok(noise.body.rejection.message.length > 0);
    assert.deepEqual(stack.deadLetters(), [], 'a rejected document is not retried');
  });

  it('serves the health route and passes the API handler’s errors through', async () => {
    const health = await get(stack.endpoints.api, '/_local/health');
    assert.deepEqual(health.body, { ok: true, queue: { pending: 0, inFlight: 0, deadLetters: 0 } });
    assert.equal((await get(stack.endpoints.api, '/documents?limit=abc')).status, 400);
    assert.equal((await get(stack.endpoints.api, '/documents/0123456789abcdef0123')).status, 404);
    const text = await get(stack.endpoints.api, `/documents/${seedId}/text`);
    assert.equal(text.status, 200);
    assert.match(text.body, /Putin/);
  });

  it('refuses a second stack on the same data folder', async () => {
    await assert.rejects(
      startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false }),
      (e: Error) => e instanceof LocalStackError && /another local stack .* is using the data folder/.test(e.message),
    );
    assert.ok(existsSync(endpointsFile(dir)), 'the running stack keeps its endpoints.json');
  });

  it('keeps all data, and its cursors stay valid, across a restart', async () => {
    const before = await get(stack.endpoints.api, '/documents?limit=2');
    assert.ok(before.body.cursor, 'more than one page');
    const all = await get(stack.endpoints.api, '/documents?limit=100');
    const history = await get(stack.endpoints.api, `/documents/${documentId('history/summit.txt')}/versions`);
    await stack.stop();
    assert.equal(existsSync(endpointsFile(dir)), false, 'a clean stop removes endpoints.json');

    stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    assert.equal(stack.startup.reconcile.missing, 0, 'every object already has its record');
    await stack.whenIdle();
    assert.deepEqual((await get(stack.endpoints.api, '/documents?limit=100')).body, all.body);
    assert.deepEqual(
      (await get(stack.endpoints.api, `/documents/${documentId('history/summit.txt')}/versions`)).body,
      history.body,
    );
    const next = await get(stack.endpoints.api, `/documents?limit=2&cursor=${encodeURIComponent(before.body.cursor)}`);
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.deepEqual(
      next.body.items.map((d: { id: string }) => d.id),
      all.body.items.slice(2, 4).map((d: { id: string }) => d.id),
    );
  });
});

describe('local stack: a data folder written by an older table layout', () => {
  let dir: string;
  after(() => removeDir(dir));

  it('rebuilds the table from the drop bucket instead of answering from the old items', async () => {
    dir = tempDataDir();
    const key = `reports/${SEED}`;
    const id = documentId(key);
    let stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    const s3 = s3For(stack.endpoints);
    try {
      await put(s3, LOCAL_DROP_BUCKET, key, readFileSync(join(SAMPLES, SEED)));
      await stack.whenIdle();
    } finally {
      s3.destroy();
      await stack.stop();
    }

    // Put the table back as the first layout had it: two GSIs, no layout item, and a HEAD whose
    // record JSON (a string attribute) names other people than the document does.
    const dynamo = await startDynalite({ path: join(dir, 'dynamo') });
    const ddb = makeDynamoClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      dynamoEndpoint: dynamo.endpoint,
    });
    try {
      await ddb.send(new DeleteTableCommand({ TableName: LOCAL_TABLE }));
      // dynalite deletes a table's items in the background: a CreateTable before it is gone fails on a loaded machine.
      await waitUntilTableNotExists({ client: ddb, maxWaitTime: 60, minDelay: 1 }, { TableName: LOCAL_TABLE });
      const gsi = (name: string, pk: string, sk: string) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: pk, KeyType: 'HASH' as const },
          { AttributeName: sk, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' as const },
      });
      await ddb.send(
        new CreateTableCommand({
          TableName: LOCAL_TABLE,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: ['pk', 'sk', 'gpk', 'gsk', 'npk', 'nsk'].map((AttributeName) => ({
            AttributeName,
            AttributeType: 'S' as const,
          })),
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [gsi('byTerm', 'gpk', 'gsk'), gsi('byName', 'npk', 'nsk')],
        }),
      );
      // …and creates it in the background too: writes before it is active find no table.
      await waitUntilTableExists({ client: ddb, maxWaitTime: 60, minDelay: 1 }, { TableName: LOCAL_TABLE });
      await ddb.send(
        new PutCommand({
          TableName: LOCAL_TABLE,
          Item: { pk: `DOC#${id}`, sk: 'HEAD', id, rev: 1, version: 1, record: '{"participants":[]}' },
        }),
      );
      assert.equal(await tableLayout(ddb, LOCAL_TABLE), null);
    } finally {
      ddb.destroy();
      await dynamo.close();
    }

    const lines: string[] = [];
    stack = await startLocalStack({
      dataDir: dir,
      port: 0,
      s3Port: 0,
      ingestSamples: false,
      log: (line: string) => lines.push(line),
    });
    try {
      assert.ok(
        lines.some((l) => /had item layout 1, not \d+: recreated it/.test(l)),
        lines.join('\n'),
      );
      assert.equal(stack.startup.reconcile.missing, 1, 'the upload is ingested again');
      await stack.whenIdle();
      const doc = await get(stack.endpoints.api, `/documents/${id}`);
      assert.equal(doc.status, 200);
      assert.equal(doc.body.version, 1);
      assert.ok(doc.body.participants.some((p: { key: string }) => p.key === 'vladimir putin'));
      const byName = await get(stack.endpoints.api, '/documents?participant=putin');
      assert.deepEqual(
        byName.body.items.map((d: { id: string }) => d.id),
        [id],
      );
      const text = await get(stack.endpoints.api, `/documents/${id}/text`);
      assert.equal(text.status, 200);
    } finally {
      await stack.stop();
    }

    // And the next start finds the layout current: nothing to rebuild, nothing to ingest.
    stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    try {
      assert.equal(stack.startup.reconcile.missing, 0);
    } finally {
      await stack.stop();
    }
  });
});
