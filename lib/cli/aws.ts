// S3, DynamoDB and the ingest dependencies for a target, for the commands that run the shared
// store and ingest code in the CLI process (upload, reprocess, reconcile). Loaded on demand.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import type { IngestDeps } from '../../lambdas/ingest/ingest';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import type { Target } from './target';

export const s3ClientFor = (t: Target): S3Client =>
  makeS3Client({ region: t.region, s3Endpoint: t.s3Endpoint, credentials: t.credentials });

export type StoreConnection = { s3: S3Client; store: DocumentStore; close: () => void };

export const openStore = (t: Target): StoreConnection => {
  const s3 = s3ClientFor(t);
  const ddb = makeDynamoClient({ region: t.region, dynamoEndpoint: t.dynamoEndpoint, credentials: t.credentials });
  const store = new DocumentStore({
    ddb,
    tableName: t.tableName,
    archive: new ArchiveBucket(s3, t.archiveBucket),
    // reprocess and reconcile never issue cursors; the store requires a key, so it gets one that signs nothing.
    cursorKey: 'cli-issues-no-cursors',
  });
  return {
    s3,
    store,
    close: () => {
      ddb.destroy();
      s3.destroy();
    },
  };
};

/**
 * The ingest code's logger and metrics, silenced: they write JSON to stdout for CloudWatch,
 * which on a terminal is noise and would break `--json`. The CLI reports outcomes itself.
 */
export const quietIngestDeps = (c: StoreConnection): IngestDeps => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const logger = new Logger({ serviceName: 'archive-cli', logLevel: 'SILENT' });
  const metrics = new Metrics({ namespace: 'MeetingArchive', serviceName: 'archive-cli', logger });
  return { s3: c.s3, store: c.store, logger, metrics };
};
