// The embedded local stack behind `npm start` (design section 7): s3rver and dynalite in this
// process with their data in a data folder, s3rver's object-created events turned into real-shaped
// SQS-wrapped S3 notifications for the same ingest handler the Lambda runs (with retries and a
// dead-letter list), the same query handler behind a plain HTTP server on 127.0.0.1, and on every
// start a reconcile pass (any object in the drop bucket without a record is ingested) and the
// samples. Nothing here talks to AWS; every server listens on 127.0.0.1 only.
//
// DATA_DIR/
//   s3/                  s3rver's objects (drop and archive buckets)
//   dynamo/              dynalite's LevelDB
//   cursor-key           HMAC key for query cursors (0600), so cursors survive restarts
//   dead-letters.jsonl   messages that failed maxReceives times
//   endpoints.json       while running: where the stack listens (the CLI reads it)
//   stack.lock           while running: the pid holding the folder (one stack per data folder)
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 's3rver';
import { documentId } from '../../lambdas/core/ids';
import { createIngestHandler, type IngestDeps } from '../../lambdas/ingest/ingest';
import { createQueryApi } from '../../lambdas/query/api';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import { ensureTableLayout } from '../../lambdas/store/provision';
import { TABLE_LAYOUT } from '../../lambdas/store/table-schema';
import {
  type Emulator,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type S3Emulator,
  startDynalite,
  startS3rver,
} from './emulators';
import {
  DEFAULT_API_PORT,
  DEFAULT_S3_PORT,
  endpointsFile,
  isRunning,
  LOCAL_ARCHIVE_BUCKET,
  LOCAL_DROP_BUCKET,
  LOCAL_TABLE,
  type LocalEndpoints,
  readEndpoints,
  writeEndpoints,
} from './endpoints';
import { startHttpApi } from './http-api';
import { acquireLock, lockFile } from './lock';
import { type DeadLetter, LocalQueue, type QueueStats } from './queue';
import { listKeys, type ObjectFacts, ObjectInspector, sequencerFor, sqsMessage } from './s3-notifications';

export type { DeadLetter, QueueStats } from './queue';

export const DEFAULT_SAMPLES_DIR = resolve(import.meta.dirname, '../../samples');

export type LocalStackOptions = {
  dataDir: string;
  /** Query API port; 0 for any free port. Default DEFAULT_API_PORT. */
  port?: number;
  /** S3 (s3rver) port; 0 for any free port. Default DEFAULT_S3_PORT. */
  s3Port?: number;
  /** Upload samples/ to the drop bucket on start (unchanged ones are skipped). Default true. */
  ingestSamples?: boolean;
  samplesDir?: string;
  /** Progress lines (reconcile, samples, dead letters, ingestion summaries). Default: none. */
  log?: (line: string) => void;
  retry?: { maxReceives?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Adjust the ingest handler's dependencies (tests inject faults here). */
  ingestDeps?: (deps: IngestDeps) => IngestDeps;
};

export type LocalStack = {
  endpoints: LocalEndpoints;
  dataDir: string;
  /** What start-up did, and how long it took (until the stack was ready to use). */
  startup: {
    ms: number;
    reconcile: { objects: number; missing: number };
    samples: { uploaded: number; unchanged: number };
  };
  /** Resolves when no message is waiting (or waiting for a retry) and nothing is in flight. */
  whenIdle(): Promise<void>;
  deadLetters(): DeadLetter[];
  stats(): QueueStats;
  /** Stop taking work, let the batch in flight finish (at most drainMs), close everything. */
  stop(opts?: { drainMs?: number }): Promise<void>;
};

/** A start-up failure with a one-line, user-facing message. */
export class LocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStackError';
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

/** The sample documents: everything in samples/ except README.md, *.expected.json and dotfiles. */
export const sampleFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.') && f !== 'README.md' && !f.endsWith('.expected.json'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/** The random key that signs query cursors, created on first start, kept so cursors survive restarts. */
const cursorKey = (dataDir: string): Buffer => {
  const file = join(dataDir, 'cursor-key');
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new LocalStackError(`${file} is not a 32-byte hex key; delete it to make a new one`);
  return Buffer.from(hex, 'hex');
};

type LogItemExtraInput = Parameters<Logger['error']> extends [unknown, ...infer R] ? R : never;

/** Powertools Logger that also remembers the last error the ingest handler logged per message. */
class IngestLogger extends Logger {
  readonly lastErrors = new Map<string, string>();
  override error(input: Parameters<Logger['error']>[0], ...extraInput: LogItemExtraInput): void {
    for (const extra of extraInput) {
      if (extra && typeof extra === 'object' && 'messageId' in extra && typeof extra.messageId === 'string') {
        const error = (extra as { error?: unknown }).error;
        if (error !== undefined) this.lastErrors.set(extra.messageId, String(error));
      }
    }
    super.error(input, ...extraInput);
  }
}

/** Does a local stack answer at this API address? (A live pid alone may be a reused one.) */
const answers = async (api: string) => {
  try {
    const res = await fetch(`${api}/_local/health`, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
};

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isPortInUse = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'EADDRINUSE';

async function mapLimit<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>) {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const p = fn(item).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const started = performance.now();
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => {});
  mkdirSync(dataDir, { recursive: true });

  let previous: LocalEndpoints | null = null;
  try {
    previous = readEndpoints(dataDir);
  } catch {
    previous = null; // unreadable leftovers of a crash: overwritten below
  }
  if (previous && isRunning(previous) && (await answers(previous.api))) {
    throw new LocalStackError(
      `another local stack (pid ${previous.pid}, ${previous.api}) is using the data folder ${dataDir}; stop it first or choose another --data-dir`,
    );
  }

  const lock = acquireLock(dataDir);
  if ('heldBy' in lock) {
    throw new LocalStackError(
      `another local stack (pid ${lock.heldBy}) is starting or running on the data folder ${dataDir}; stop it first or choose another --data-dir (if none is running, delete ${lockFile(dataDir)})`,
    );
  }

  // Local runs publish no CloudWatch metrics (the EMF lines would only clutter the console).
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const logLevel = (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'WARN') as 'WARN';

  const cleanups: (() => Promise<void> | void)[] = [lock.release];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
  };

  try {
    // DynamoDB: dynalite with its LevelDB in the data folder, on any free port.
    const dynamo: Emulator = await startDynalite({ path: join(dataDir, 'dynamo') });
    cleanups.push(() => dynamo.close());
    const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, dynamoEndpoint: dynamo.endpoint };
    const ddb = makeDynamoClient(clientOptions);
    cleanups.push(() => ddb.destroy());
    try {
      // A data folder written by an older item layout: its table is rebuilt from the drop bucket by
      // the reconcile pass below (every object then has no record), instead of answering wrongly.
      const { table, previousLayout } = await ensureTableLayout(ddb, LOCAL_TABLE);
      if (table === 'rebuilt')
        log(
          `table ${LOCAL_TABLE} had item layout ${previousLayout ?? 1}, not ${TABLE_LAYOUT}: recreated it; every upload in the drop bucket is ingested again`,
        );
    } catch (e) {
      if (/LOCK|not open|IO error/i.test(`${errorMessage(e)} ${(e as { cause?: unknown }).cause ?? ''}`))
        throw new LocalStackError(`the data folder ${dataDir} is in use by another process (its database is locked)`);
      throw e;
    }

    // S3: s3rver with the two buckets, objects on disk.
    const s3Port = options.s3Port ?? DEFAULT_S3_PORT;
    let s3rver: S3Emulator;
    try {
      s3rver = await startS3rver({
        port: s3Port,
        directory: join(dataDir, 's3'),
        buckets: [LOCAL_DROP_BUCKET, LOCAL_ARCHIVE_BUCKET],
      });
    } catch (e) {
      if (isPortInUse(e))
        throw new LocalStackError(
          `port ${s3Port} (S3) is in use; choose another with --s3-port, or --s3-port 0 for any free port`,
        );
      throw e;
    }
    cleanups.push(() => s3rver.close());
    const s3 = makeS3Client({ ...clientOptions, s3Endpoint: s3rver.endpoint });
    cleanups.push(() => s3.destroy());

    const store = new DocumentStore({
      ddb,
      tableName: LOCAL_TABLE,
      archive: new ArchiveBucket(s3, LOCAL_ARCHIVE_BUCKET),
      cursorKey: cursorKey(dataDir),
    });

    // The ingest handler, exactly as the Lambda builds it, with local clients.
    const ingestLogger = new IngestLogger({ serviceName: 'meeting-archive-local-ingest', logLevel });
    const metrics = new Metrics({
      namespace: 'MeetingArchiveLocal',
      serviceName: 'meeting-archive-local-ingest',
      // With metrics disabled, "no metrics to publish" after an all-failed batch says nothing.
      logger: {
        debug: (...a: unknown[]) => ingestLogger.debug(String(a[0])),
        info: (...a: unknown[]) => ingestLogger.info(String(a[0])),
        warn: (...a: unknown[]) => ingestLogger.debug(String(a[0])),
        error: (...a: unknown[]) => ingestLogger.error(String(a[0])),
      },
    });
    let deps: IngestDeps = { s3, store, logger: ingestLogger, metrics };
    if (options.ingestDeps) deps = options.ingestDeps(deps);
    const ingest = createIngestHandler(deps);

    const queue = new LocalQueue({
      handler: (event) => ingest(event),
      maxReceives: options.retry?.maxReceives,
      baseDelayMs: options.retry?.baseDelayMs,
      maxDelayMs: options.retry?.maxDelayMs,
      deadLetterFile: join(dataDir, 'dead-letters.jsonl'),
      lastError: (id) => {
        const e = ingestLogger.lastErrors.get(id);
        ingestLogger.lastErrors.delete(id);
        return e;
      },
      onDeadLetter: (d) =>
        log(`dead letter: ${d.messageId} after ${d.receiveCount} receives${d.error ? `: ${d.error}` : ''}`),
      onIdle: (p) => {
        if (p.processed + p.deadLettered === 0) return;
        const rate = p.ms > 0 ? ` (${((p.processed / p.ms) * 1000).toFixed(1)} uploads/s)` : '';
        log(
          `ingested ${p.processed} upload${p.processed === 1 ? '' : 's'} in ${p.ms} ms${rate}` +
            (p.retried ? `, ${p.retried} retried` : '') +
            (p.deadLettered ? `, ${p.deadLettered} dead-lettered (see ${join(dataDir, 'dead-letters.jsonl')})` : ''),
        );
      },
    });
    cleanups.push(async () => {
      await queue.stop(0);
    });

    // s3rver's events -> SQS-wrapped S3 notifications on the queue (drop bucket, ObjectCreated only).
    const inspector = new ObjectInspector(s3, s3rver.server);
    const enqueue = (f: ObjectFacts) =>
      queue.send(sqsMessage(f, LOCAL_REGION), `${f.key}\n${sequencerFor(f.lastModifiedMs, f.etag)}`);
    const notify = async (key: string, size?: number) => {
      try {
        const f = await inspector.facts(LOCAL_DROP_BUCKET, key, size);
        if (f) enqueue(f);
      } catch (e) {
        log(`could not read ${key} after its upload (${errorMessage(e)}); the next start will ingest it`);
      }
    };
    const onEvent = (event: { Records: S3EventRecord[] }) => {
      for (const r of event.Records) {
        if (r.s3.bucket.name !== LOCAL_DROP_BUCKET || !r.eventName.startsWith('ObjectCreated:')) continue;
        // s3rver's keys are not URL-encoded (AWS's are); sqsMessage encodes them as AWS does.
        void queue.track(notify(r.s3.object.key, r.s3.object.size));
      }
    };
    s3rver.server.on('event', onEvent);
    cleanups.push(() => void s3rver.server.removeListener('event', onEvent));

    // The query API.
    const queryLogger = new Logger({ serviceName: 'meeting-archive-local-query', logLevel });
    const api = createQueryApi({ store, logger: queryLogger });
    const port = options.port ?? DEFAULT_API_PORT;
    let http: Awaited<ReturnType<typeof startHttpApi>>;
    try {
      http = await startHttpApi({
        port,
        handler: api,
        health: () => ({ ok: true, queue: queue.stats() }),
        onError: (e) => queryLogger.error('local API failed', { error: e as Error }),
      });
    } catch (e) {
      if (isPortInUse(e))
        throw new LocalStackError(
          `port ${port} (query API) is in use; choose another with --port, or --port 0 for any free port`,
        );
      throw e;
    }
    cleanups.push(() => http.close());

    const endpoints: LocalEndpoints = {
      api: `http://127.0.0.1:${http.port}`,
      s3: s3rver.endpoint,
      dynamodb: dynamo.endpoint,
      bucket: LOCAL_DROP_BUCKET,
      archiveBucket: LOCAL_ARCHIVE_BUCKET,
      table: LOCAL_TABLE,
      region: LOCAL_REGION,
      pid: process.pid,
      startedAt: new Date().toISOString(),
    };
    writeEndpoints(dataDir, endpoints);
    const removeEndpoints = () => {
      try {
        const current = readEndpoints(dataDir);
        if (current?.pid === endpoints.pid && current.startedAt === endpoints.startedAt) rmSync(endpointsFile(dataDir));
      } catch {
        // already gone, or replaced by another stack: leave it
      }
    };
    cleanups.push(removeEndpoints);

    // Reconcile: every object in the drop bucket whose upload has no item in the store.
    const reconcile = { objects: 0, missing: 0 };
    await queue.track(
      mapLimit(listKeys(s3, LOCAL_DROP_BUCKET, s3rver.server), 8, async (key) => {
        reconcile.objects++;
        const f = await inspector.facts(LOCAL_DROP_BUCKET, key);
        if (!f) return;
        const known = await store.hasUpload(documentId(key), {
          sequencer: sequencerFor(f.lastModifiedMs, f.etag),
          uploadedAt: new Date(f.lastModifiedMs).toISOString(),
          etag: f.etag,
          sha256: '',
        });
        if (!known) {
          reconcile.missing++;
          enqueue(f);
        }
      }),
    );
    if (reconcile.missing > 0)
      log(
        `reconcile: ${reconcile.missing} of ${reconcile.objects} objects in the drop bucket had no record; ingesting them`,
      );

    // Samples: uploaded through the S3 API like any other document, unless already there.
    const samples = { uploaded: 0, unchanged: 0 };
    if (options.ingestSamples ?? true) {
      const dir = options.samplesDir ?? DEFAULT_SAMPLES_DIR;
      for (const file of sampleFiles(dir)) {
        const bytes = readFileSync(join(dir, file));
        const key = `samples/${file}`;
        const md5 = createHash('md5').update(bytes).digest('hex');
        const head = await s3.send(new HeadObjectCommand({ Bucket: LOCAL_DROP_BUCKET, Key: key })).catch((e) => {
          if ((e as { name?: string }).name === 'NotFound') return null;
          throw e;
        });
        if (head?.ETag?.replace(/"/g, '') === md5) {
          samples.unchanged++;
          continue;
        }
        await s3.send(
          new PutObjectCommand({
            Bucket: LOCAL_DROP_BUCKET,
            Key: key,
            Body: bytes,
            ContentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          }),
        );
        samples.uploaded++;
      }
      if (samples.uploaded > 0)
        log(`samples: uploaded ${samples.uploaded} from ${dir} (${samples.unchanged} already there)`);
    }

    let stopping: Promise<void> | null = null;
    return {
      endpoints,
      dataDir,
      startup: { ms: Math.round(performance.now() - started), reconcile, samples },
      whenIdle: () => queue.whenIdle(),
      deadLetters: () => queue.deadLetters(),
      stats: () => queue.stats(),
      stop: ({ drainMs = 5000 } = {}) => {
        stopping ??= (async () => {
          s3rver.server.removeListener('event', onEvent);
          await http.close();
          const { finished } = await queue.stop(drainMs);
          if (!finished)
            log(`a batch was still running after ${drainMs} ms; its uploads will be ingested on the next start`);
          await cleanup();
        })();
        return stopping;
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
