// `npm run loadtest [-- --uploads N --keys K --concurrency C --seed S]`: load and correctness test
// of the ingest path on the embedded local stack (s3rver, dynalite, the store, the ingest handler
// and the local SQS stand-in, all in this process on 127.0.0.1).
//
// s3rver has no versioning (it keeps the last object of a key), so the generator plays the part
// of a versioned drop bucket (the deployed one is): every upload's bytes go to s3rver under their
// own storage key, each upload gets an S3 version id and the next sequencer, and the ingest
// handler's S3 client reads (key, versionId) from there. The notifications are real-shaped
// SQS-wrapped S3 events, delivered through LocalQueue (lib/local/queue.ts) to the handler that
// createIngestHandler builds, with the local stack's own store and clients: end to end but for
// the upload itself. Deliveries are duplicated and held back on purpose, some uploads are bad
// files, and several workers write the same few keys at once. The generator keeps the ground
// truth (every upload, its key, order and bytes); the checker compares it with the table.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import S3rver from 's3rver';
import { documentId } from '../lambdas/core/ids';
import { createIngestHandler, type IngestDeps } from '../lambdas/ingest/ingest';
import { makeDynamoClient, makeS3Client } from '../lambdas/store/clients';
import type { DocumentStore } from '../lambdas/store/document-store';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/local/emulators';
import { LOCAL_DROP_BUCKET, LOCAL_TABLE } from '../lib/local/endpoints';
import { startLocalStack } from '../lib/local/local-stack';
import { type BusyPeriod, LocalQueue } from '../lib/local/queue';
import { listKeys, s3EventRecord } from '../lib/local/s3-notifications';

const SAMPLES = resolve(import.meta.dirname, '../samples');

// ------------------------------------------------------------------ a versioned drop bucket on s3rver

/** What S3 says about one upload in its event notification. */
export type UploadFacts = {
  bucket: string;
  key: string;
  versionId: string;
  sequencer: string;
  eventTime: string;
  etag: string;
  size: number;
};

type Send = (
  command: { constructor: { name: string }; input: Record<string, unknown> },
  options?: object,
) => Promise<unknown>;

/**
 * A versioned bucket on top of s3rver: `put` stores each upload's bytes under its own storage
 * key in `storeBucket` and returns the facts S3 would put in the event; `reader` wraps an S3
 * client so that GetObject(bucket, key, versionId) reads that upload's bytes. Sequencers grow
 * with every completed PUT, as S3's do for one key, and event times never go backwards.
 */
export class VersionedBucket {
  private sequence = 0;
  private lastMs = 0;

  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    readonly storeBucket: string,
  ) {}

  static storageKey(key: string, versionId: string): string {
    return `${createHash('sha256').update(key).digest('hex').slice(0, 24)}/${versionId}`;
  }

  async create(): Promise<void> {
    await this.s3.send(new CreateBucketCommand({ Bucket: this.storeBucket })).catch((e) => {
      if (!/BucketAlready/.test((e as Error).name)) throw e;
    });
  }

  async put(key: string, bytes: Uint8Array, contentType?: string): Promise<UploadFacts> {
    const versionId = randomBytes(24).toString('base64url');
    const out = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.storeBucket,
        Key: VersionedBucket.storageKey(key, versionId),
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.byteLength,
      }),
    );
    this.lastMs = Math.max(Date.now(), this.lastMs);
    this.sequence += 1;
    return {
      bucket: this.bucket,
      key,
      versionId,
      sequencer: this.sequence.toString(16).toUpperCase().padStart(16, '0'),
      eventTime: new Date(this.lastMs).toISOString(),
      etag: (out.ETag ?? '').replace(/"/g, ''),
      size: bytes.byteLength,
    };
  }

  /** `s3` with GetObject(this bucket, key, versionId) answered from the upload's storage key. */
  reader(s3: S3Client): S3Client {
    const { bucket, storeBucket } = this;
    return new Proxy(s3, {
      get(target, prop, receiver) {
        if (prop !== 'send') return Reflect.get(target, prop, receiver);
        const send = (target as unknown as { send: Send }).send.bind(target);
        return (command: Parameters<Send>[0], options?: object) => {
          const input = command.input as { Bucket?: string; Key?: string; VersionId?: string };
          if (command.constructor.name !== 'GetObjectCommand' || input.Bucket !== bucket || !input.VersionId)
            return send(command, options);
          const Ctor = command.constructor as new (input: object) => Parameters<Send>[0];
          const { VersionId, ...rest } = input;
          return send(
            new Ctor({ ...rest, Bucket: storeBucket, Key: VersionedBucket.storageKey(String(input.Key), VersionId) }),
            options,
          );
        };
      },
    });
  }
}

/** The SQS message that carries S3's notification of one upload, as SQS hands it to a Lambda. */
export const notification = (u: UploadFacts): SQSRecord => {
  const record = s3EventRecord(
    { bucket: u.bucket, key: u.key, size: u.size, etag: u.etag, lastModifiedMs: Date.parse(u.eventTime) },
    LOCAL_REGION,
  );
  const body = JSON.stringify({
    Records: [
      {
        ...record,
        s3: { ...record.s3, object: { ...record.s3.object, versionId: u.versionId, sequencer: u.sequencer } },
      },
    ],
  });
  const id = randomBytes(16).toString('hex');
  return {
    messageId: id,
    receiptHandle: id,
    body,
    attributes: {
      ApproximateReceiveCount: '0',
      SentTimestamp: String(Date.now()),
      SenderId: 'LOADTEST',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:000000000000:meeting-archive-ingest-loadtest`,
    awsRegion: LOCAL_REGION,
  };
};

// ------------------------------------------------------------------ ground truth and the checker

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export type Upload = UploadFacts & { sha256: string; bad: BadKind | null };

export type ExpectedVersion = { version: number; sha256: string; status: 'processed' | 'rejected' };

/** What any delivery order must end in: one version per run of distinct bytes, in upload order. */
export const expectedVersions = (uploads: Upload[]): ExpectedVersion[] => {
  const ordered = [...uploads].sort((a, b) =>
    a.eventTime === b.eventTime ? (a.sequencer < b.sequencer ? -1 : 1) : a.eventTime < b.eventTime ? -1 : 1,
  );
  const versions: ExpectedVersion[] = [];
  let previous: string | null = null;
  for (const u of ordered) {
    if (u.sha256 !== previous)
      versions.push({ version: versions.length + 1, sha256: u.sha256, status: u.bad ? 'rejected' : 'processed' });
    previous = u.sha256;
  }
  return versions;
};

export type CheckReport = {
  keys: number;
  uploads: number;
  storedObjects: number;
  versionsExpected: number;
  versionsFound: number;
  /** Uploads without an upload item in the table. */
  lost: number;
  /** Upload items that match no upload, or versions beyond the expected ones. */
  duplicates: number;
  wrongLatest: number;
  wrongVersions: number;
  problems: string[];
};

/** Ground truth (every upload) against the table and the drop bucket's stored versions. */
export async function checkArchive(o: {
  uploads: Upload[];
  store: DocumentStore;
  ddb: ReturnType<typeof makeDynamoClient>;
  tableName: string;
  storedKeys: string[];
}): Promise<CheckReport> {
  const problems: string[] = [];
  const byKey = new Map<string, Upload[]>();
  for (const u of o.uploads) byKey.set(u.key, [...(byKey.get(u.key) ?? []), u]);
  const r: CheckReport = {
    keys: byKey.size,
    uploads: o.uploads.length,
    storedObjects: o.storedKeys.length,
    versionsExpected: 0,
    versionsFound: 0,
    lost: 0,
    duplicates: 0,
    wrongLatest: 0,
    wrongVersions: 0,
    problems,
  };
  const stored = new Set(o.storedKeys);
  for (const u of o.uploads)
    if (!stored.delete(VersionedBucket.storageKey(u.key, u.versionId)))
      problems.push(`${u.key}: upload ${u.versionId} is not in the drop bucket`);
  for (const extra of stored) problems.push(`the drop bucket holds ${extra}, which no upload made`);

  for (const [key, uploads] of byKey) {
    const id = documentId(key);
    const want = expectedVersions(uploads);
    r.versionsExpected += want.length;

    // Every upload has exactly one upload item, and there is no other.
    const items: string[] = await o.store.uploadKeys(id);
    const itemSet = new Set(items);
    for (const u of uploads) {
      if (!itemSet.delete(`U#v:${u.versionId}`)) {
        r.lost++;
        problems.push(`${key}: upload ${u.versionId} (${u.sequencer}) has no upload item`);
      }
    }
    r.duplicates += itemSet.size;
    for (const extra of itemSet) problems.push(`${key}: upload item ${extra} matches no upload`);

    const found = (await o.store.listVersions(id)) ?? [];
    r.versionsFound += found.length;
    const got = found.map((v) => ({ version: v.version, sha256: v.sha256, status: v.status }));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      r.wrongVersions++;
      if (found.length > want.length) r.duplicates += found.length - want.length;
      problems.push(`${key}: versions ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
    }
    const latest = await o.store.getLatest(id);
    const last = want.at(-1);
    if (
      !latest ||
      !last ||
      latest.version !== last.version ||
      latest.source.sha256 !== last.sha256 ||
      latest.status !== last.status
    ) {
      r.wrongLatest++;
      problems.push(
        `${key}: latest is ${latest ? `v${latest.version} ${latest.source.sha256.slice(0, 8)} ${latest.status}` : 'missing'}, expected v${last?.version} ${last?.sha256.slice(0, 8)} ${last?.status}`,
      );
    }
  }
  return r;
}

// ------------------------------------------------------------------ documents

/** Seeded PRNG (mulberry32): the same seed gives the same run plan. */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Format = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
export type BadKind = 'empty' | 'binary' | 'truncated-docx' | 'corrupt-pdf';

const CONTENT_TYPES: Record<Format, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Key i's format: mostly plain text, some Markdown and HTML, a few DOCX and PDF (the slow parsers). */
const formatOf = (i: number): Format =>
  (['txt', 'txt', 'md', 'txt', 'html', 'txt', 'txt', 'docx', 'txt', 'pdf'] as const)[i % 10];

const samples = (): { title: string; paragraphs: string[] }[] =>
  readdirSync(SAMPLES)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => {
      const paragraphs = readFileSync(join(SAMPLES, f), 'utf8')
        .split(/\n\s*\n/)
        .map((p) =>
          p
            .replace(/^#+\s*/, '')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter((p) => p.length > 0);
      return { title: paragraphs[0] ?? f, paragraphs };
    });

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const wrap = (text: string, width = 85): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
};

async function render(format: Format, title: string, paragraphs: string[]): Promise<Uint8Array> {
  switch (format) {
    case 'txt':
      return Buffer.from(`${[title, ...paragraphs].join('\n\n')}\n`);
    case 'md':
      return Buffer.from(`# ${title}\n\n${paragraphs.join('\n\n')}\n`);
    case 'html':
      return Buffer.from(
        `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><article><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></body></html>`,
      );
    case 'docx':
      return Packer.toBuffer(
        new Document({
          title,
          sections: [
            { children: [new Paragraph({ text: title }), ...paragraphs.map((p) => new Paragraph({ text: p }))] },
          ],
        }),
      );
    case 'pdf': {
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      const ascii = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
      const lines = [ascii(title), '', ...paragraphs.flatMap((p) => [...wrap(ascii(p)), ''])];
      for (let i = 0; i < lines.length; i += 45) {
        const page = pdf.addPage([595, 842]);
        lines.slice(i, i + 45).forEach((l, j) => {
          page.drawText(l, { x: 50, y: 800 - j * 16, size: 11, font });
        });
      }
      return pdf.save();
    }
  }
}

async function badFile(kind: BadKind, random: () => number): Promise<Uint8Array> {
  switch (kind) {
    case 'empty':
      return new Uint8Array(0);
    case 'binary':
      return Uint8Array.from({ length: 2048 + Math.floor(random() * 2048) }, (_, i) =>
        i % 17 === 0 ? 0 : Math.floor(random() * 256),
      );
    case 'truncated-docx': {
      const whole = await render('docx', 'Truncated', [`A report that was cut short ${random()}.`]);
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    }
    case 'corrupt-pdf':
      return Buffer.from(
        `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n${randomBytes(512).toString('base64')}\n%%EOF`,
      );
  }
}

// ------------------------------------------------------------------ the run

export type LoadTestOptions = {
  uploads: number;
  keys: number;
  /** Concurrent writers: uploads in flight, and messages ingested at once (10 per queue, as SQS batches). */
  concurrency: number;
  seed: number;
  duplicateRate: number;
  outOfOrderRate: number;
  badRate: number;
  /** Uploads that repeat the key's previous bytes (no new version). */
  identicalRate: number;
  /** Progress lines; default none. */
  log: (line: string) => void;
};

export type LoadTestReport = {
  machine: { cores: number; cpu: string; node: string; platform: string };
  options: Omit<LoadTestOptions, 'log'>;
  counts: {
    uploads: number;
    deliveries: number;
    duplicateDeliveries: number;
    heldBack: number;
    /** Deliveries that reached the queue after a later upload of the same key had. */
    deliveredOutOfOrder: number;
    badUploads: Record<BadKind, number>;
    identicalUploads: number;
    retried: number;
    deadLetters: number;
  };
  ingestMs: number;
  docsPerSec: number;
  deliveriesPerSec: number;
  check: CheckReport;
};

export const DEFAULT_OPTIONS: LoadTestOptions = {
  uploads: 2000,
  keys: 50,
  concurrency: 10,
  seed: 20_260_101,
  duplicateRate: 0.2,
  outOfOrderRate: 0.2,
  badRate: 0.05,
  identicalRate: 0.1,
  log: () => {},
};

type Planned = { key: string; format: Format; bytes: Uint8Array; bad: BadKind | null; identical: boolean };

async function plan(o: LoadTestOptions, random: () => number): Promise<{ keys: string[]; planned: Planned[] }> {
  const bases = samples();
  const keys = Array.from(
    { length: o.keys },
    (_, i) =>
      `loadtest/${String(i).padStart(3, '0')} ${bases[i % bases.length].title.slice(0, 24).replace(/[^\p{L}\p{N} ]/gu, '')}.${formatOf(i)}`,
  );
  const revision = new Map<string, number>();
  const last = new Map<string, Uint8Array>();
  const badKinds: BadKind[] = ['empty', 'binary', 'truncated-docx', 'corrupt-pdf'];
  const planned: Planned[] = [];
  for (let n = 0; n < o.uploads; n++) {
    let i = Math.floor(random() * o.keys);
    const roll = random();
    let bad: BadKind | null = null;
    if (roll < o.badRate) {
      // Bad files of every kind, each on a key of the format it pretends to be.
      bad = badKinds[planned.filter((p) => p.bad).length % badKinds.length];
      const wanted: Format[] =
        bad === 'truncated-docx' ? ['docx'] : bad === 'corrupt-pdf' ? ['pdf'] : ['txt', 'md', 'html'];
      while (!wanted.includes(formatOf(i))) i = (i + 1) % o.keys;
    }
    const key = keys[i];
    const format = formatOf(i);
    const previous = last.get(key);
    let bytes: Uint8Array;
    let identical = false;
    if (bad) bytes = await badFile(bad, random);
    else if (previous && roll < o.badRate + o.identicalRate) {
      bytes = previous;
      identical = true;
    } else {
      const r = (revision.get(key) ?? 0) + 1;
      revision.set(key, r);
      const base = bases[i % bases.length];
      const body = format === 'docx' || format === 'pdf' ? base.paragraphs.slice(1, 6) : base.paragraphs.slice(1);
      bytes = await render(format, base.title, [
        ...body,
        `Revision ${r} of this record: the secretariat circulated amended minutes (item ${r}, reference ${Math.floor(random() * 1e9)}).`,
      ]);
    }
    if (!identical) last.set(key, bytes);
    planned.push({
      key,
      format,
      bytes,
      bad: identical && previous ? (planned.findLast((p) => p.key === key)?.bad ?? null) : bad,
      identical,
    });
  }
  return { keys, planned };
}

class QuietLogger extends Logger {
  readonly errors: string[] = [];
  override error(...args: Parameters<Logger['error']>): void {
    const extra = args.slice(1).find((a) => a && typeof a === 'object' && 'error' in a) as
      | { error?: unknown }
      | undefined;
    this.errors.push(String(extra?.error ?? args[0]));
  }
}

export async function runLoadTest(options: Partial<LoadTestOptions> = {}): Promise<LoadTestReport> {
  const o: LoadTestOptions = { ...DEFAULT_OPTIONS, ...options };
  const random = prng(o.seed);
  o.log(`planning ${o.uploads} uploads to ${o.keys} keys (seed ${o.seed})`);
  const { planned } = await plan(o, random);

  const dataDir = mkdtempSync(join(tmpdir(), 'archive-loadtest-'));
  const STORE_BUCKET = 'meeting-archive-loadtest-versions';
  let deps: IngestDeps | undefined;
  let drop: VersionedBucket | undefined;
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    s3Port: 0,
    ingestSamples: false,
    ingestDeps: (d) => {
      deps = d;
      return d;
    },
  });
  const s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: stack.endpoints.s3 });
  const ddb = makeDynamoClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    dynamoEndpoint: stack.endpoints.dynamodb,
  });
  try {
    if (!deps) throw new Error('the local stack did not hand out its ingest dependencies');
    drop = new VersionedBucket(s3, LOCAL_DROP_BUCKET, STORE_BUCKET);
    await drop.create();

    // Workers: one LocalQueue per 10 writers, each with its own handler (as separate Lambdas).
    const logger = new QuietLogger({ serviceName: 'loadtest-ingest', logLevel: 'SILENT' });
    const workerDeps: IngestDeps = { ...deps, s3: drop.reader(deps.s3), logger };
    const periods: BusyPeriod[] = [];
    const queues = Array.from({ length: Math.ceil(o.concurrency / 10) }, (_, w) => {
      const handler = createIngestHandler(workerDeps);
      return new LocalQueue({
        handler: (event) => handler(event),
        batchSize: Math.min(10, o.concurrency - w * 10),
        maxReceives: 5,
        baseDelayMs: 50,
        maxDelayMs: 1000,
        onIdle: (p) => periods.push(p),
      });
    });

    const uploads: Upload[] = new Array(planned.length);
    const delivered = new Map<string, string>(); // key -> latest orderKey delivered so far
    const counts = { deliveries: 0, duplicateDeliveries: 0, heldBack: 0, deliveredOutOfOrder: 0 };
    const orderKey = (u: UploadFacts) => `${u.eventTime}|${u.sequencer}`;
    const deliver = (u: Upload) => {
      const seen = delivered.get(u.key);
      if (seen !== undefined && seen > orderKey(u)) counts.deliveredOutOfOrder++;
      else delivered.set(u.key, orderKey(u));
      queues[Math.floor(random() * queues.length)].send(notification(u));
      counts.deliveries++;
    };
    // Held-back deliveries are released after later uploads have been delivered.
    const held: { releaseAt: number; u: Upload }[] = [];
    let completed = 0;

    const started = performance.now();
    const produce = async () => {
      let next = 0;
      const worker = async () => {
        for (;;) {
          const n = next++;
          if (n >= planned.length) return;
          const p = planned[n];
          const facts = await drop!.put(p.key, p.bytes, CONTENT_TYPES[p.format]);
          const u: Upload = { ...facts, sha256: sha256(p.bytes), bad: p.bad };
          uploads[n] = u;
          completed++;
          if (random() < o.outOfOrderRate) {
            held.push({ releaseAt: completed + 1 + Math.floor(random() * o.keys * 2), u });
            counts.heldBack++;
          } else deliver(u);
          if (random() < o.duplicateRate) {
            // SQS delivers at least once: the same notification again, now or later.
            counts.duplicateDeliveries++;
            if (random() < 0.5) deliver(u);
            else held.push({ releaseAt: completed + 1 + Math.floor(random() * o.keys), u });
          }
          for (let h = held.length - 1; h >= 0; h--) {
            if (held[h].releaseAt <= completed) deliver(held.splice(h, 1)[0].u);
          }
          if (completed % 250 === 0) o.log(`uploaded ${completed}/${planned.length}`);
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
      for (const h of held.splice(0)) deliver(h.u);
    };
    const production = produce();
    await Promise.all(queues.map((q) => q.track(production)));
    await Promise.all(queues.map((q) => q.whenIdle()));
    const ingestMs = performance.now() - started;
    const deadLetters = queues.reduce((n, q) => n + q.deadLetters().length, 0);
    o.log(`ingested in ${(ingestMs / 1000).toFixed(1)} s; checking`);

    // s3rver cannot page a listing beyond 1000 objects (see listKeys): its file store lists them all.
    const storedKeys: string[] = [];
    for await (const key of listKeys(s3, STORE_BUCKET, new S3rver({ directory: join(dataDir, 's3'), silent: true })))
      storedKeys.push(key);
    const check = await checkArchive({ uploads, store: deps.store, ddb, tableName: LOCAL_TABLE, storedKeys });
    if (logger.errors.length > 0)
      o.log(`transient failures (retried): ${[...new Set(logger.errors)].slice(0, 5).join('; ')}`);

    const badUploads: Record<BadKind, number> = { empty: 0, binary: 0, 'truncated-docx': 0, 'corrupt-pdf': 0 };
    for (const p of planned) if (p.bad && !p.identical) badUploads[p.bad]++;
    const cpu = cpus();
    const { log: _log, ...shown } = o;
    return {
      machine: {
        cores: cpu.length,
        cpu: cpu[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      options: shown,
      counts: {
        uploads: uploads.length,
        ...counts,
        badUploads,
        identicalUploads: planned.filter((p) => p.identical).length,
        retried: periods.reduce((n, p) => n + p.retried, 0),
        deadLetters,
      },
      ingestMs: Math.round(ingestMs),
      docsPerSec: Number((uploads.length / (ingestMs / 1000)).toFixed(1)),
      deliveriesPerSec: Number((counts.deliveries / (ingestMs / 1000)).toFixed(1)),
      check,
    };
  } finally {
    s3.destroy();
    ddb.destroy();
    await stack.stop({ drainMs: 1000 });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const formatReport = (r: LoadTestReport): string => {
  const c = r.counts;
  const k = r.check;
  const bad = Object.entries(c.badUploads)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return [
    `machine        ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, ${r.machine.platform}`,
    `workload       ${c.uploads} uploads to ${r.options.keys} keys, ${r.options.concurrency} concurrent writers, seed ${r.options.seed}`,
    `deliveries     ${c.deliveries} (${c.duplicateDeliveries} duplicates, ${c.heldBack} held back, ${c.deliveredOutOfOrder} arrived after a later upload of their key)`,
    `bad files      ${bad}; identical re-uploads ${c.identicalUploads}`,
    `ingest         ${(r.ingestMs / 1000).toFixed(1)} s: ${r.docsPerSec} documents/s (${r.deliveriesPerSec} deliveries/s), ${c.retried} retried, ${c.deadLetters} dead letters`,
    `check          ${k.keys} keys, ${k.uploads} uploads, ${k.storedObjects} objects in the drop bucket, versions ${k.versionsFound}/${k.versionsExpected}`,
    `               lost ${k.lost}, duplicates ${k.duplicates}, wrong latest ${k.wrongLatest}, wrong version lists ${k.wrongVersions}`,
    ...k.problems.slice(0, 20).map((p) => `  ! ${p}`),
  ].join('\n');
};

/** True when the run kept every upload exactly once, with the right latest version everywhere. */
export const passed = (r: LoadTestReport): boolean =>
  r.check.problems.length === 0 &&
  r.check.lost === 0 &&
  r.check.duplicates === 0 &&
  r.check.wrongLatest === 0 &&
  r.check.wrongVersions === 0 &&
  r.counts.deadLetters === 0;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const positive = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < 1) {
      process.stderr.write(`loadtest: --${name} must be a whole number from 1\n`);
      process.exit(2);
    }
    return Number(v);
  };
  const { values } = parseArgs({
    options: {
      uploads: { type: 'string' },
      keys: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const report = await runLoadTest({
    uploads: positive('uploads', values.uploads, DEFAULT_OPTIONS.uploads),
    keys: positive('keys', values.keys, DEFAULT_OPTIONS.keys),
    concurrency: positive('concurrency', values.concurrency, DEFAULT_OPTIONS.concurrency),
    seed: positive('seed', values.seed, DEFAULT_OPTIONS.seed),
    log: (line) => process.stderr.write(`[loadtest] ${line}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  process.exit(passed(report) ? 0 : 1);
}
