// A small test-side stand-in for SQS and the Lambda event source mapping: batches of up to 10
// messages go to the handler; the messages it names in batchItemFailures (all of them, when it
// throws) are received again with ApproximateReceiveCount + 1; after maxReceiveCount receives a
// failing message goes to the dead-letter list. Rounds are bounded by maxReceiveCount.
import assert from 'node:assert/strict';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export type BatchCall = { round: number; messageIds: string[]; failed: string[]; threw?: unknown };

export type DriveResult = {
  deadLetters: SQSRecord[];
  /** Receives per message id. */
  receives: Map<string, number>;
  calls: BatchCall[];
};

export type DriveOptions = {
  maxReceiveCount?: number;
  batchSize?: number;
  /** Receives each message already had (a redelivery after a process died). Default 0. */
  alreadyReceived?: number;
  /** Called after every handler call, before the next one (assertions on the batch response). */
  onBatch?: (call: BatchCall, records: SQSRecord[]) => Promise<void> | void;
  /**
   * Messages that must not share a batch (same group): the next batch takes the first message
   * of each group that is waiting. Lets a test know which message a fault belongs to.
   */
  groupOf?: (m: SQSRecord) => string;
};

const withReceiveCount = (m: SQSRecord, n: number): SQSRecord => ({
  ...m,
  attributes: { ...m.attributes, ApproximateReceiveCount: String(n) },
});

export async function driveLikeSqs(
  handler: SqsHandler,
  messages: SQSRecord[],
  o: DriveOptions = {},
): Promise<DriveResult> {
  const maxReceives = o.maxReceiveCount ?? 5;
  const batchSize = o.batchSize ?? 10;
  const receives = new Map(messages.map((m) => [m.messageId, o.alreadyReceived ?? 0]));
  const deadLetters: SQSRecord[] = [];
  const calls: BatchCall[] = [];
  let pending = [...messages];
  for (let round = 1; pending.length > 0; round++) {
    assert.ok(round <= maxReceives + 1, 'every message is received at most maxReceiveCount times');
    const retry: SQSRecord[] = [];
    let waiting = pending;
    while (waiting.length > 0) {
      const batch: SQSRecord[] = [];
      const rest: SQSRecord[] = [];
      const groups = new Set<string>();
      for (const m of waiting) {
        const g = o.groupOf?.(m);
        if (batch.length < batchSize && (g === undefined || !groups.has(g))) {
          batch.push(m);
          if (g !== undefined) groups.add(g);
        } else rest.push(m);
      }
      waiting = rest;
      const records = batch.map((m) => {
        const n = (receives.get(m.messageId) ?? 0) + 1;
        receives.set(m.messageId, n);
        return withReceiveCount(m, n);
      });
      const ids = records.map((r) => r.messageId);
      let failed: string[];
      let threw: unknown;
      try {
        const response = await handler({ Records: records });
        failed = response.batchItemFailures.map((f) => f.itemIdentifier);
        for (const f of failed) assert.ok(ids.includes(f), `batchItemFailures names ${f}, which is not in the batch`);
        assert.equal(new Set(failed).size, failed.length, 'batchItemFailures names each message once');
      } catch (e) {
        threw = e;
        failed = ids; // a handler that throws fails the whole batch
      }
      const call: BatchCall = { round, messageIds: ids, failed, threw };
      calls.push(call);
      await o.onBatch?.(call, records);
      for (const m of batch) {
        if (!failed.includes(m.messageId)) continue;
        if ((receives.get(m.messageId) ?? 0) >= maxReceives) deadLetters.push(m);
        else retry.push(m);
      }
    }
    pending = retry;
  }
  return { deadLetters, receives, calls };
}
