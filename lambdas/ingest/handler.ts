// Ingest Lambda entry: builds the dependencies from the environment once per container and hands
// every SQS batch to the shared ingest code (ingest.ts).
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { ArchiveBucket } from '../store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../store/clients';
import { DocumentStore } from '../store/document-store';
import { createIngestHandler, DEFAULT_MAX_DOCUMENT_BYTES } from './ingest';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

const s3 = makeS3Client();
const store = new DocumentStore({
  ddb: makeDynamoClient(),
  tableName: env('TABLE_NAME'),
  archive: new ArchiveBucket(s3, env('ARCHIVE_BUCKET')),
  // Ingest never issues cursors; the store requires a key, so it gets one that signs nothing.
  cursorKey: 'ingest-issues-no-cursors',
});

export const handler = createIngestHandler({
  s3,
  store,
  logger: new Logger(),
  metrics: new Metrics(),
  maxDocumentBytes: Number(process.env.MAX_DOCUMENT_BYTES ?? DEFAULT_MAX_DOCUMENT_BYTES),
});
