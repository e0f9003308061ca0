// The ingest handler on real SQS-wrapped S3 events, against s3rver and dynalite.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentId } from '../../lambdas/core/ids';
import { createIngestHandler, type IngestDeps } from '../../lambdas/ingest/ingest';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynalite } from '../../lib/local/emulators';
import { captureStdout } from '../support/capture';
import { s3Notification, sqsEvent } from '../support/events';
import { type Harness, openHarness } from '../support/store-harness';

const SEED = readFileSync('samples/sco-summit-2021.txt');
const TRICKY_KEYS = [
  'reports/Sommet à Douchanbé + notes 100%.txt',
  'reports/a+b=c & d?.md',
  'reports/日本 中国 会談.txt',
  "reports/it's (final) [v2] #1.txt",
];

describe('ingest handler', () => {
  let h: Harness;
  let s3: S3Client;
  let seq = 0x5000;

  before(async () => {
    h = await openHarness(await startDynalite());
    s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: h.s3.endpoint });
  });
  after(async () => {
    s3?.destroy();
    await h?.close();
  });

  const deps = (overrides: Partial<IngestDeps> = {}): IngestDeps => ({
    s3,
    store: h.store(),
    logger: new Logger({ serviceName: 'ingest', logLevel: 'INFO' }),
    metrics: new Metrics({ namespace: 'MeetingArchiveTest', serviceName: 'ingest' }),
    ...overrides,
  });

  /** PUT an object to the drop bucket and return the SQS message body S3 would send for it. */
  const put = async (key: string, body: Uint8Array | string) => {
    const out = await s3.send(new PutObjectCommand({ Bucket: 'drop', Key: key, Body: body }));
    seq += 1;
    return JSON.stringify(
      s3Notification([
        {
          bucket: 'drop',
          key,
          size: Buffer.byteLength(body),
          eTag: out.ETag?.replace(/"/g, ''),
          sequencer: seq.toString(16).toUpperCase(),
        },
      ]),
    );
  };

  it('stores the seed with key and id on every log line, and emits metrics', async () => {
    const key = 'samples/sco-summit-2021.txt';
    const body = await put(key, SEED);
    const { result, lines } = await captureStdout(() => createIngestHandler(deps())(sqsEvent([body])));
    assert.deepEqual(result.batchItemFailures, []);
    const record = await h.store().getLatest(documentId(key));
    assert.equal(record?.status, 'processed');
    assert.equal(record?.source.key, key);
    assert.ok(record?.participants.some((p) => /Putin/.test(p.name)));
    const logs = lines.filter((l) => l.level !== undefined);
    assert.ok(logs.length > 0, 'the handler logs');
    for (const l of logs) {
      assert.equal(l.documentKey, key);
      assert.equal(l.documentId, documentId(key));
    }
    const emf = lines.find((l) => l._aws !== undefined);
    assert.ok(emf, 'metrics are published in embedded metric format');
    assert.equal(emf.VersionsCreated, 1);
    assert.equal(emf.DocumentsProcessed, 1);
  });

  it('decodes URL-encoded keys with spaces, +, % and non-ASCII', async () => {
    const bodies = await Promise.all(
      TRICKY_KEYS.map((k) =>
        put(k, `Meeting notes for ${k}.\n\nPresident Vladimir Putin met officials on 3 May 2024.`),
      ),
    );
    for (const b of bodies) assert.ok(!b.includes(' '), 'event keys are encoded as AWS sends them');
    const { result } = await captureStdout(() => createIngestHandler(deps())(sqsEvent(bodies)));
    assert.deepEqual(result.batchItemFailures, []);
    for (const key of TRICKY_KEYS) {
      const record = await h.store().getLatest(documentId(key));
      assert.equal(record?.source.key, key);
    }
  });

  it('acknowledges and ignores S3 test events', async () => {
    const test = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: new Date().toISOString(),
      Bucket: 'drop',
      RequestId: 'X',
      HostId: 'Y',
    });
    const { result } = await captureStdout(() => createIngestHandler(deps())(sqsEvent([test])));
    assert.deepEqual(result.batchItemFailures, []);
  });

  it('reports exactly the failed messages of a batch', async () => {
    const good = await put(
      'batch/good.txt',
      'A short report. Prime Minister Narendra Modi met President Joe Biden on 4 June 2023.',
    );
    const event = sqsEvent(['not json at all', good, JSON.stringify({ hello: 'world' })]);
    const { result } = await captureStdout(() => createIngestHandler(deps())(event));
    assert.deepEqual(
      result.batchItemFailures.map((f) => f.itemIdentifier).sort(),
      [event.Records[0].messageId, event.Records[2].messageId].sort(),
    );
    assert.equal((await h.store().getLatest(documentId('batch/good.txt')))?.status, 'processed');
  });

  it('rejects a document over the size cap with a reason, without downloading it', async () => {
    const key = 'big/too-large.txt';
    const body = await put(key, 'x'.repeat(4096));
    const { result } = await captureStdout(() =>
      createIngestHandler(deps({ maxDocumentBytes: 1024 }))(sqsEvent([body])),
    );
    assert.deepEqual(result.batchItemFailures, []);
    const record = await h.store().getLatest(documentId(key));
    assert.equal(record?.status, 'rejected');
    assert.equal(record?.rejection?.code, 'too-large');
    assert.match(record?.rejection?.message ?? '', /4096 bytes/);
  });

  it('stores an empty or binary upload as a rejected version with its reason', async () => {
    const empty = await put('bad/empty.txt', '');
    const binary = await put(
      'bad/binary.txt',
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
    );
    const { result } = await captureStdout(() => createIngestHandler(deps())(sqsEvent([empty, binary])));
    assert.deepEqual(result.batchItemFailures, []);
    for (const key of ['bad/empty.txt', 'bad/binary.txt']) {
      const record = await h.store().getLatest(documentId(key));
      assert.equal(record?.status, 'rejected', key);
      assert.ok(record?.rejection?.code && record.rejection.message, key);
    }
  });

  it('retries a transient fault instead of dropping the document', async () => {
    const key = 'transient/report.txt';
    const body = await put(key, 'President Emmanuel Macron met Chancellor Olaf Scholz in Paris on 2 February 2024.');
    // S3 unreachable (a closed port): the message must come back as a failure, and nothing is stored.
    const down = makeS3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      s3Endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
    });
    const event = sqsEvent([body]);
    const failed = await captureStdout(() => createIngestHandler(deps({ s3: down }))(event));
    assert.deepEqual(failed.result.batchItemFailures, [{ itemIdentifier: event.Records[0].messageId }]);
    assert.equal(await h.store().getLatest(documentId(key)), null);
    // The redelivery succeeds.
    const retried = await captureStdout(() => createIngestHandler(deps())(event));
    assert.deepEqual(retried.result.batchItemFailures, []);
    assert.equal((await h.store().getLatest(documentId(key)))?.status, 'processed');
  });

  it('skips a duplicate delivery and counts it', async () => {
    const body = await put(
      'dup/report.txt',
      'Foreign Minister Wang Yi met Secretary of State Antony Blinken on 18 June 2023.',
    );
    await captureStdout(() => createIngestHandler(deps())(sqsEvent([body])));
    const { lines } = await captureStdout(() => createIngestHandler(deps())(sqsEvent([body])));
    const emf = lines.find((l) => l._aws !== undefined);
    assert.equal(emf?.DuplicatesSkipped, 1);
    assert.deepEqual(
      (await h.store().listVersions(documentId('dup/report.txt')))?.map((v) => v.version),
      [1],
    );
  });
});
