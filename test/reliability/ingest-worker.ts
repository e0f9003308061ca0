// The ingest handler in a worker thread, for tests that must be able to cut a run short: a
// document that keeps the CPU busy cannot be interrupted in the thread that runs it, but a worker
// can be terminated. The worker talks to the emulators (in the main thread) over 127.0.0.1 with
// its own SDK clients, and reads uploads through the versioned drop bucket (scripts/loadtest.ts).
import { Worker } from 'node:worker_threads';
import type { SQSRecord } from 'aws-lambda';

export type WorkerConfig = {
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  archiveBucket: string;
  dropBucket: string;
  versionsBucket: string;
};

export type WorkerReply = { failures: string[] };

/** The worker's side: build the handler once, answer each batch. */
export const serve = async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { Logger } = await import('@aws-lambda-powertools/logger');
  const { Metrics } = await import('@aws-lambda-powertools/metrics');
  const { createIngestHandler } = await import('../../lambdas/ingest/ingest');
  const { ArchiveBucket } = await import('../../lambdas/store/archive-bucket');
  const { makeDynamoClient, makeS3Client } = await import('../../lambdas/store/clients');
  const { DocumentStore } = await import('../../lambdas/store/document-store');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../../lib/local/emulators');
  const { VersionedBucket } = await import('../../scripts/loadtest');
  const c = workerData as WorkerConfig;
  const options = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = makeS3Client({ ...options, s3Endpoint: c.s3Endpoint });
  const quiet = () => {};
  const handler = createIngestHandler({
    s3: new VersionedBucket(s3, c.dropBucket, c.versionsBucket).reader(s3),
    store: new DocumentStore({
      ddb: makeDynamoClient({ ...options, dynamoEndpoint: c.dynamoEndpoint }),
      tableName: c.tableName,
      archive: new ArchiveBucket(s3, c.archiveBucket),
      cursorKey: 'test-cursor-key',
    }),
    logger: new Logger({ serviceName: 'ingest-worker', logLevel: 'SILENT' }),
    metrics: new Metrics({
      namespace: 'MeetingArchiveTest',
      logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    }),
  });
  parentPort?.on('message', async ({ id, records }: { id: number; records: SQSRecord[] }) => {
    const reply = await handler({ Records: records });
    parentPort?.postMessage({ id, failures: reply.batchItemFailures.map((f) => f.itemIdentifier) });
  });
  parentPort?.postMessage({ ready: true });
};

/** Thrown when a batch ran past its cap; the worker is terminated and replaced. */
export class BatchHung extends Error {
  constructor(ms: number) {
    super(`the ingest handler was still working after ${ms} ms; the worker was terminated`);
    this.name = 'BatchHung';
  }
}

/** Runs batches through a worker, one at a time, each within `capMs`. */
export class IngestWorker {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;

  constructor(private readonly config: WorkerConfig) {}

  private start(): Promise<void> {
    const boot = `
      const { register } = await import('tsx/esm/api');
      register();
      const { serve } = await import(${JSON.stringify(new URL('./ingest-worker.ts', import.meta.url).href)});
      await serve();
    `;
    const worker = new Worker(boot, { eval: true, workerData: this.config });
    worker.on('error', () => {}); // reported to the run in progress, if any (below)
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: { ready?: boolean }) =>
        m.ready ? resolve() : reject(new Error('worker did not start')),
      );
    });
  }

  async run(records: SQSRecord[], capMs: number): Promise<WorkerReply> {
    this.ready ??= this.start();
    await this.ready;
    const worker = this.worker!;
    const id = this.next++;
    let timer: NodeJS.Timeout | undefined;
    let fail: (e: unknown) => void = () => {};
    const onExit = (code: number) => fail(new Error(`the worker exited with code ${code}`));
    const onError = (e: unknown) => fail(e); // an uncaught exception in the handler: a crash
    let onMessage: (m: { id: number } & WorkerReply) => void = () => {};
    try {
      return await new Promise<WorkerReply>((resolve, reject) => {
        fail = reject;
        onMessage = (m) => {
          if (m.id === id) resolve(m);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        timer = setTimeout(() => reject(new BatchHung(capMs)), capMs);
        worker.postMessage({ id, records });
      });
    } catch (e) {
      await this.close();
      throw e;
    } finally {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}
