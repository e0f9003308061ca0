// The reliability tests' world: the store on a real DynamoDB emulator, s3rver as the drop and
// archive buckets, a versioned drop bucket on top of s3rver (as deployed: every upload has a
// version id, so many uploads of one key coexist), and helpers to upload, notify and check.
import type { Logger as LoggerType } from '@aws-lambda-powertools/logger';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { documentId, sha256Hex } from '../../lambdas/core/ids';
import type { IngestDeps } from '../../lambdas/ingest/ingest';
import { parseS3Message } from '../../lambdas/ingest/s3-events';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import { docPk } from '../../lambdas/store/index-terms';
import { type Emulator, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/emulators';
import { listKeys } from '../../lib/local/s3-notifications';
import {
  type BadKind,
  type CheckReport,
  checkArchive,
  notification,
  type Upload,
  VersionedBucket,
} from '../../scripts/loadtest';
import { ARCHIVE_BUCKET, type Harness, openHarness } from '../support/store-harness';

// Local runs publish no CloudWatch metrics: the EMF lines would only clutter the test output.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

export const DROP = 'drop';
const VERSIONS = 'drop-versions';

/** A short meeting report; `revision` changes its bytes, `people` its participants. */
export const report = (title: string, revision: number, people = ['Emmanuel Macron', 'Olaf Scholz']) =>
  [
    `${title}`,
    '',
    `President ${people[0]} met Chancellor ${people[1]} in Berlin on 3 May 2023 to discuss energy security and trade.`,
    '',
    `The two leaders agreed to meet again before the end of the year. Revision ${revision} of the minutes.`,
    '',
  ].join('\n');

export type World = {
  h: Harness;
  /** A healthy S3 client on s3rver (PUTs, and the base of the ingest reader). */
  s3: S3Client;
  drop: VersionedBucket;
  /** The ingest handler's dependencies: real clients unless overridden. */
  deps: (o?: {
    ddb?: DynamoDBDocumentClient;
    s3?: S3Client;
    archiveS3?: S3Client;
    readTimeoutMs?: number;
  }) => IngestDeps;
  store: (ddb?: DynamoDBDocumentClient) => DocumentStore;
  uploads: Upload[];
  /** Upload bytes to a key of the (versioned) drop bucket, as S3 would record it. */
  upload: (key: string, body: string | Uint8Array, bad?: BadKind | null, contentType?: string) => Promise<Upload>;
  message: (u: Upload) => SQSRecord;
  /** The key a message is about (its S3 notification, decoded as the handler does). */
  keyOf: (m: SQSRecord) => string;
  pkOf: (m: SQSRecord) => string;
  /** Ground truth (this world's uploads of `keys`, default all) against the table and the drop bucket. */
  check: (keys?: string[]) => Promise<CheckReport>;
  close: () => Promise<void>;
};

export const silentLogger = (): LoggerType => new Logger({ serviceName: 'ingest-test', logLevel: 'SILENT' });

const quiet = () => {};
/** Metrics that publish nothing and say nothing about it. */
export const silentMetrics = () =>
  new Metrics({
    namespace: 'MeetingArchiveTest',
    serviceName: 'ingest',
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });

export const openWorld = async (dynamo: Emulator): Promise<World> => {
  const h = await openHarness(dynamo);
  const s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: h.s3.endpoint });
  const drop = new VersionedBucket(s3, DROP, VERSIONS);
  await drop.create();
  const uploads: Upload[] = [];
  const store = (ddb = h.ddb, archiveS3?: S3Client) =>
    new DocumentStore({
      ddb,
      tableName: h.tableName,
      archive: archiveS3 ? new ArchiveBucket(archiveS3, ARCHIVE_BUCKET) : h.archive,
      cursorKey: 'test-cursor-key',
      maxReconcileAttempts: 60,
    });
  const keyOf = (m: SQSRecord) => parseS3Message(m.body)[0]?.key ?? '';
  return {
    h,
    s3,
    drop,
    uploads,
    store: (ddb) => store(ddb),
    deps: (o = {}) => ({
      s3: drop.reader(o.s3 ?? s3),
      store: store(o.ddb, o.archiveS3),
      logger: silentLogger(),
      metrics: silentMetrics(),
      readTimeoutMs: o.readTimeoutMs,
    }),
    upload: async (key, body, bad = null, contentType) => {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const u: Upload = { ...(await drop.put(key, bytes, contentType)), sha256: sha256Hex(bytes), bad };
      uploads.push(u);
      return u;
    },
    message: (u) => notification(u),
    keyOf,
    pkOf: (m) => docPk(documentId(keyOf(m))),
    check: async (keys) => {
      const wanted = keys ? new Set(keys) : undefined;
      const mine = uploads.filter((u) => !wanted || wanted.has(u.key));
      const mineStored = new Set(mine.map((u) => VersionedBucket.storageKey(u.key, u.versionId)));
      const storedKeys: string[] = [];
      for await (const k of listKeys(s3, VERSIONS, h.s3.server)) if (mineStored.has(k)) storedKeys.push(k);
      return checkArchive({ uploads: mine, store: store(), ddb: h.ddb, tableName: h.tableName, storedKeys });
    },
    close: async () => {
      s3.destroy();
      await h.close();
    },
  };
};

/** Seeded shuffle (Fisher-Yates with mulberry32). */
export const shuffled = <T>(items: T[], random: () => number): T[] => {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
