// A message that keeps failing lands in the dead-letter list after maxReceives. The fault is
// real: the archive bucket is deleted from s3rver, so every attempt to store a document fails.
// A restart re-creates the bucket, and its reconcile pass ingests the document after all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DeleteBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentId } from '../../lambdas/core/ids';
import { LOCAL_ARCHIVE_BUCKET, LOCAL_DROP_BUCKET } from '../../lib/local/endpoints';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack';
import { get, put, removeDir, SAMPLES, SEED, s3For, tempDataDir } from './helpers';

describe('local stack: retries and dead letters', () => {
  let dir: string;
  let stack: LocalStack | undefined;
  let s3: S3Client | undefined;
  const lines: string[] = [];

  before(async () => {
    dir = tempDataDir();
  });
  after(async () => {
    s3?.destroy();
    await stack?.stop();
    removeDir(dir);
  });

  it('retries a failing message with backoff, then dead-letters it with its last error', async () => {
    stack = await startLocalStack({
      dataDir: dir,
      port: 0,
      s3Port: 0,
      ingestSamples: false,
      retry: { maxReceives: 3, baseDelayMs: 50 },
      log: (l) => lines.push(l),
    });
    s3 = s3For(stack.endpoints);
    await s3.send(new DeleteBucketCommand({ Bucket: LOCAL_ARCHIVE_BUCKET }));
    const key = 'reports/doomed.txt';
    const t0 = Date.now();
    await put(s3, LOCAL_DROP_BUCKET, key, readFileSync(join(SAMPLES, SEED)));
    await stack.whenIdle();
    const elapsed = Date.now() - t0;

    const [dead, ...more] = stack.deadLetters();
    assert.equal(more.length, 0);
    assert.equal(dead.receiveCount, 3);
    assert.equal(dead.message.attributes.ApproximateReceiveCount, '3');
    assert.match(dead.error ?? '', /bucket/i, `the error says what failed: ${dead.error}`);
    const notification = JSON.parse(dead.message.body);
    assert.equal(notification.Records[0].s3.object.key, key, 'the dead letter holds the S3 notification');
    assert.ok(elapsed >= 50 + 100, `two backoff delays (50 + 100 ms) passed: ${elapsed} ms`);

    const persisted = readFileSync(join(dir, 'dead-letters.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(persisted.length, 1);
    assert.equal(persisted[0].messageId, dead.messageId);
    assert.ok(
      lines.some((l) => l.startsWith('dead letter:')),
      lines.join('\n'),
    );

    const health = await get(stack.endpoints.api, '/_local/health');
    assert.deepEqual(health.body.queue, { pending: 0, inFlight: 0, deadLetters: 1 });
    assert.equal((await get(stack.endpoints.api, `/documents/${documentId(key)}`)).status, 404);
  });

  it('keeps the dead-letter list across a restart, whose reconcile then ingests the document', async () => {
    s3?.destroy();
    s3 = undefined;
    await stack?.stop();
    stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    assert.equal(stack.deadLetters().length, 1);
    assert.equal(stack.startup.reconcile.missing, 1);
    await stack.whenIdle();
    const r = await get(stack.endpoints.api, `/documents/${documentId('reports/doomed.txt')}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'processed');
  });
});
