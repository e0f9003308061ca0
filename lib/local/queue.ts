// An in-process stand-in for the deployed SQS ingest queue and its dead-letter queue (design
// sections 4 and 7): batches of up to 10 messages go to the same SQS handler the Lambda runs;
// the messages it reports in batchItemFailures (or all of them, when it throws) come back after
// an exponential, visibility-timeout-like delay with ApproximateReceiveCount incremented, and
// after maxReceives receives they move to a dead-letter list kept as JSON Lines on disk.
// The queue itself lives in memory: what it held when the process died is found again by the
// reconcile pass on the next start (every object in the drop bucket without a record).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export type DeadLetter = {
  /** When the message was dead-lettered (ISO 8601). */
  time: string;
  messageId: string;
  receiveCount: number;
  /** The last error the handler reported for it, when known. */
  error: string | null;
  message: SQSRecord;
};

export type QueueStats = { pending: number; inFlight: number; deadLetters: number };

/** One busy period of the queue, from the first message after idle to idle again. */
export type BusyPeriod = { processed: number; deadLettered: number; retried: number; ms: number };

export type QueueOptions = {
  handler: SqsHandler;
  /** Receives before a message is dead-lettered (the deployed queue's maxReceiveCount). Default 5. */
  maxReceives?: number;
  /** Delay before the first retry; doubled on each further receive. Default 1000 ms. */
  baseDelayMs?: number;
  /** Upper bound of the retry delay. Default 30 s. */
  maxDelayMs?: number;
  /** Messages per handler call (SQS event source batch size). Default 10. */
  batchSize?: number;
  /** JSON Lines file of the dead-letter list; loaded on start, appended to. */
  deadLetterFile?: string;
  /** The last error the handler reported for a message (the handler returns only ids). */
  lastError?: (messageId: string) => string | undefined;
  onDeadLetter?: (d: DeadLetter) => void;
  onIdle?: (p: BusyPeriod) => void;
};

type Entry = { message: SQSRecord; receives: number; visibleAt: number; dedupeKey?: string; lastError?: string };

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export class LocalQueue {
  private readonly handler: SqsHandler;
  private readonly maxReceives: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly batchSize: number;
  private pending: Entry[] = [];
  private inFlight: Entry[] = [];
  private readonly keys = new Set<string>();
  private readonly dead: DeadLetter[] = [];
  private producers = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private busy: (BusyPeriod & { started: number }) | null = null;

  constructor(private readonly o: QueueOptions) {
    this.handler = o.handler;
    this.maxReceives = Math.max(1, o.maxReceives ?? 5);
    this.baseDelayMs = o.baseDelayMs ?? 1000;
    this.maxDelayMs = o.maxDelayMs ?? 30_000;
    this.batchSize = Math.min(10, Math.max(1, o.batchSize ?? 10));
    if (o.deadLetterFile && existsSync(o.deadLetterFile)) {
      for (const line of readFileSync(o.deadLetterFile, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.dead.push(JSON.parse(line) as DeadLetter);
        } catch {
          // a line cut short by a crash: skip it, keep the others
        }
      }
    }
  }

  /**
   * Enqueue a message. With `dedupeKey`, a message with the same key that is still waiting or
   * being processed makes this one redundant (it is dropped, and false returned).
   */
  send(message: SQSRecord, dedupeKey?: string): boolean {
    if (this.stopped) return false;
    if (dedupeKey !== undefined) {
      if (this.keys.has(dedupeKey)) return false;
      this.keys.add(dedupeKey);
    }
    this.markBusy();
    this.pending.push({ message, receives: 0, visibleAt: 0, dedupeKey });
    this.pump();
    return true;
  }

  /** Counts `work` (something that will enqueue messages) as activity, so whenIdle() waits for it. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.producers++;
    this.markBusy();
    try {
      return await work;
    } finally {
      this.producers--;
      this.checkIdle();
    }
  }

  stats(): QueueStats {
    return { pending: this.pending.length, inFlight: this.inFlight.length, deadLetters: this.dead.length };
  }

  deadLetters(): DeadLetter[] {
    return [...this.dead];
  }

  /** Resolves once nothing is waiting (not even for a retry), in flight or about to be enqueued. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stop taking batches; wait for the batch in flight at most `deadlineMs`. Messages still
   * waiting are dropped: their objects have no record yet, so the next start's reconcile finds them.
   */
  async stop(deadlineMs = 5000): Promise<{ finished: boolean; dropped: number }> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let finished = true;
    if (this.running) {
      let timeout: NodeJS.Timeout | undefined;
      finished = await Promise.race([
        this.running.then(() => true),
        new Promise<boolean>((r) => {
          timeout = setTimeout(() => r(false), deadlineMs);
        }),
      ]);
      clearTimeout(timeout);
    }
    const dropped = this.pending.length;
    this.pending = [];
    for (const w of this.idleWaiters.splice(0)) w();
    return { finished, dropped };
  }

  private isIdle() {
    return this.producers === 0 && this.pending.length === 0 && this.inFlight.length === 0;
  }

  private markBusy() {
    this.busy ??= { processed: 0, deadLettered: 0, retried: 0, ms: 0, started: Date.now() };
  }

  private checkIdle() {
    if (!this.isIdle()) return;
    if (this.busy) {
      const { started, ...period } = this.busy;
      this.busy = null;
      this.o.onIdle?.({ ...period, ms: Date.now() - started });
    }
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private pump() {
    if (this.stopped || this.running) return;
    const now = Date.now();
    const batch: Entry[] = [];
    const rest: Entry[] = [];
    for (const e of this.pending) (batch.length < this.batchSize && e.visibleAt <= now ? batch : rest).push(e);
    if (batch.length === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (this.pending.length > 0) {
        const next = Math.min(...this.pending.map((e) => e.visibleAt));
        this.timer = setTimeout(
          () => {
            this.timer = null;
            this.pump();
          },
          Math.max(0, next - now),
        );
      }
      this.checkIdle();
      return;
    }
    this.pending = rest;
    this.inFlight = batch;
    this.running = this.runBatch(batch).finally(() => {
      this.inFlight = [];
      this.running = null;
      this.pump();
    });
  }

  private async runBatch(batch: Entry[]) {
    for (const e of batch) {
      e.receives++;
      e.message = {
        ...e.message,
        attributes: { ...e.message.attributes, ApproximateReceiveCount: String(e.receives) },
      };
    }
    let failed: Set<string>;
    let thrown: string | undefined;
    try {
      const result = await this.handler({ Records: batch.map((e) => e.message) });
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (e) {
      // A handler that throws fails the whole batch, as with the Lambda event source mapping.
      failed = new Set(batch.map((e) => e.message.messageId));
      thrown = errorText(e);
    }
    const now = Date.now();
    for (const e of batch) {
      if (!failed.has(e.message.messageId)) {
        if (this.busy) this.busy.processed++;
        this.forget(e);
        continue;
      }
      e.lastError = thrown ?? this.o.lastError?.(e.message.messageId) ?? e.lastError;
      if (e.receives >= this.maxReceives) {
        this.deadLetter(e);
        continue;
      }
      if (this.busy) this.busy.retried++;
      e.visibleAt = now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (e.receives - 1));
      if (this.stopped) this.forget(e);
      else this.pending.push(e);
    }
  }

  private deadLetter(e: Entry) {
    const d: DeadLetter = {
      time: new Date().toISOString(),
      messageId: e.message.messageId,
      receiveCount: e.receives,
      error: e.lastError ?? null,
      message: e.message,
    };
    this.dead.push(d);
    if (this.busy) this.busy.deadLettered++;
    if (this.o.deadLetterFile) appendFileSync(this.o.deadLetterFile, `${JSON.stringify(d)}\n`);
    this.forget(e);
    this.o.onDeadLetter?.(d);
  }

  private forget(e: Entry) {
    if (e.dedupeKey !== undefined) this.keys.delete(e.dedupeKey);
  }
}
