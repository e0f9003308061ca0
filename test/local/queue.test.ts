// The local queue on its own: batches, partial failures, backoff, dead letters, idleness.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { LocalQueue } from '../../lib/local/queue';
import { removeDir, tempDataDir } from './helpers';

const message = (id: string): SQSRecord => ({
  messageId: id,
  receiptHandle: id,
  body: '{}',
  attributes: {
    ApproximateReceiveCount: '0',
    SentTimestamp: '0',
    SenderId: 'test',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:test',
  awsRegion: 'us-east-1',
});

describe('local queue', () => {
  const dir = tempDataDir();
  after(() => removeDir(dir));

  it('hands out batches of at most 10, and is idle when they are done', async () => {
    const batches: number[] = [];
    const q = new LocalQueue({
      handler: async (e: SQSEvent) => {
        batches.push(e.Records.length);
        await new Promise((r) => setTimeout(r, 5));
        return { batchItemFailures: [] };
      },
    });
    for (let i = 0; i < 25; i++) q.send(message(`m${i}`));
    await q.whenIdle();
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      25,
    );
    assert.ok(Math.max(...batches) <= 10);
    assert.deepEqual(q.stats(), { pending: 0, inFlight: 0, deadLetters: 0 });
  });

  it('retries only the failed messages, with a growing delay and an incremented receive count', async () => {
    const seen: Record<string, { count: string; at: number }[]> = {};
    const q = new LocalQueue({
      baseDelayMs: 40,
      handler: async (e) => {
        const counts = new Map<string, string>();
        for (const r of e.Records) {
          counts.set(r.messageId, r.attributes.ApproximateReceiveCount);
          seen[r.messageId] ??= [];
          seen[r.messageId].push({ count: r.attributes.ApproximateReceiveCount, at: Date.now() });
        }
        // "flaky" is reported failed on its first receive, and the handler throws (failing the
        // whole batch) on its second; the third succeeds.
        if (counts.get('flaky') === '2') throw new Error('boom');
        return { batchItemFailures: counts.get('flaky') === '1' ? [{ itemIdentifier: 'flaky' }] : [] };
      },
    });
    q.send(message('ok'));
    q.send(message('flaky'));
    await q.whenIdle();
    assert.deepEqual(
      seen.ok.map((s) => s.count),
      ['1'],
    );
    assert.deepEqual(
      seen.flaky.map((s) => s.count),
      ['1', '2', '3'],
    );
    const [a, b, c] = seen.flaky.map((s) => s.at);
    assert.ok(b - a >= 35, `first retry after ~40 ms: ${b - a}`);
    assert.ok(c - b >= 75, `second retry after ~80 ms: ${c - b}`);
    assert.equal(q.deadLetters().length, 0);
  });

  it('dead-letters after maxReceives, with the last error, into a JSON Lines file it reloads', async () => {
    const file = join(dir, 'dead-letters.jsonl');
    const q = new LocalQueue({
      maxReceives: 2,
      baseDelayMs: 1,
      deadLetterFile: file,
      handler: async (e) => ({ batchItemFailures: e.Records.map((r) => ({ itemIdentifier: r.messageId })) }),
      lastError: (id) => `cannot do ${id}`,
    });
    q.send(message('doomed'));
    await q.whenIdle();
    const [d] = q.deadLetters();
    assert.equal(d.messageId, 'doomed');
    assert.equal(d.receiveCount, 2);
    assert.equal(d.error, 'cannot do doomed');
    appendFileSync(file, '{"cut short'); // a crash mid-line loses that line only
    const again = new LocalQueue({ handler: async () => undefined, deadLetterFile: file });
    assert.deepEqual(again.deadLetters(), [d]);
    assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 2);
  });

  it('drops a message whose twin is still queued, waits for producers, and stops within its deadline', async () => {
    let release: () => void = () => {};
    const handled: string[] = [];
    const q = new LocalQueue({
      handler: async (e) => {
        handled.push(...e.Records.map((r) => r.messageId));
        await new Promise<void>((r) => {
          release = r;
        });
        return { batchItemFailures: [] };
      },
    });
    assert.equal(q.send(message('a'), 'key-a'), true);
    assert.equal(q.send(message('a2'), 'key-a'), false);
    let idle = false;
    const producer = q.track(new Promise((r) => setTimeout(r, 30)));
    q.whenIdle().then(() => {
      idle = true;
    });
    await producer;
    assert.equal(idle, false, 'a batch is still in flight');
    q.send(message('b'));
    const stopped = await q.stop(50);
    assert.deepEqual(stopped, { finished: false, dropped: 1 });
    release();
    assert.deepEqual(handled, ['a']);
  });
});
