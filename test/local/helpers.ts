// Shared helpers for the local stack's tests: a temp data folder, an S3 client for the stack,
// HTTP calls to its query API, and polling with a deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS } from '../../lib/local/emulators';
import type { LocalEndpoints } from '../../lib/local/endpoints';

export const SAMPLES = join(import.meta.dirname, '../../samples');
export const SEED = 'sco-summit-2021.txt';

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'archive-local-'));
export const removeDir = (dir: string | undefined) => {
  if (dir) rmSync(dir, { recursive: true, force: true });
};

export const s3For = (e: Pick<LocalEndpoints, 's3' | 'region'>): S3Client =>
  makeS3Client({ region: e.region, credentials: LOCAL_CREDENTIALS, s3Endpoint: e.s3, maxAttempts: 1 });

export const put = (s3: S3Client, bucket: string, key: string, body: Uint8Array | string, contentType?: string) =>
  s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      ContentLength: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    }),
  );

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON bodies, of many shapes, checked by the tests
export type Reply = { status: number; body: any };

/** GET a path of the query API; the body parsed as JSON when it is JSON. */
export const get = async (api: string, path: string): Promise<Reply> => {
  const res = await fetch(`${api}${path}`, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: json ? JSON.parse(text) : text };
};

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: unknown;
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
