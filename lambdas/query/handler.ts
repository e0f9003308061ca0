// Query Lambda entry: the cursor-signing key comes from Secrets Manager (only its ARN is in the
// environment), fetched once and cached by Powertools Parameters.
import { Logger } from '@aws-lambda-powertools/logger';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ArchiveBucket } from '../store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../store/clients';
import { DocumentStore } from '../store/document-store';
import { createQueryApi } from './api';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

const logger = new Logger();
let api: ReturnType<typeof createQueryApi> | undefined;

const init = async () => {
  const cursorKey = await getSecret<string>(env('CURSOR_SECRET_ARN'), { maxAge: 3600 });
  if (!cursorKey) throw new Error('the cursor secret is empty');
  const store = new DocumentStore({
    ddb: makeDynamoClient(),
    tableName: env('TABLE_NAME'),
    archive: new ArchiveBucket(makeS3Client(), env('ARCHIVE_BUCKET')),
    cursorKey,
  });
  return createQueryApi({ store, logger });
};

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  api ??= await init();
  return api(event);
};
