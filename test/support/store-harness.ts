// A DocumentStore wired to real emulators, one fresh table per suite.
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import { ensureTable } from '../../lambdas/store/provision';
import { type Emulator, localClientOptions, type S3Emulator, startS3rver } from '../../lib/local/emulators';

export const ARCHIVE_BUCKET = 'archive-test';

export type Harness = {
  ddb: DynamoDBDocumentClient;
  tableName: string;
  archive: ArchiveBucket;
  s3: S3Emulator;
  store: (ddb?: DynamoDBDocumentClient) => DocumentStore;
  close: () => Promise<void>;
};

export const openHarness = async (dynamo: Emulator): Promise<Harness> => {
  const s3 = await startS3rver({ buckets: [ARCHIVE_BUCKET, 'drop'] });
  const opts = localClientOptions(dynamo, s3);
  const ddb = makeDynamoClient(opts);
  const tableName = `archive-${randomUUID().slice(0, 8)}`;
  await ensureTable(ddb, tableName);
  const archive = new ArchiveBucket(makeS3Client(opts), ARCHIVE_BUCKET);
  return {
    ddb,
    tableName,
    archive,
    s3,
    store: (client = ddb) =>
      new DocumentStore({ ddb: client, tableName, archive, cursorKey: 'test-cursor-key', maxReconcileAttempts: 60 }),
    close: async () => {
      ddb.destroy();
      await s3.close();
      await dynamo.close();
    },
  };
};

const WRITE_COMMANDS = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand']);

/**
 * A client that crashes (throws) right after its k-th write reached the table, as a Lambda
 * killed between two writes would. Only for fault injection; everything else is the real client.
 */
export const crashingAfterWrite = (
  ddb: DynamoDBDocumentClient,
  k: number,
): { client: DynamoDBDocumentClient; writes: () => number } => {
  let writes = 0;
  const client = new Proxy(ddb, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        const out = await (target.send as (...a: unknown[]) => Promise<unknown>).call(target, command, ...rest);
        if (WRITE_COMMANDS.has(command.constructor.name)) {
          writes++;
          if (writes === k) throw new Error(`injected crash after write ${k}`);
        }
        return out;
      };
    },
  });
  return { client, writes: () => writes };
};
