// `archive upload FILE|DIR... [--prefix P] [--json]`: PutObject to the drop bucket. The stack
// ingests what lands there; the CLI can say each document's id at once (ids are stable per key).
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SingleBar } from 'cli-progress';
import { documentId } from '../../../lambdas/core/ids';
import { s3ClientFor } from '../aws';
import { CliError, describeAwsError, usageError } from '../errors';
import { collectFiles, contentTypeFor, formatBytes, readLocalFile } from '../files';
import { note, out, outJson } from '../output';
import { mapPool } from '../pool';
import type { Target } from '../target';

export type UploadOptions = { prefix?: string; json?: boolean };

const CONCURRENCY = 4;
const MAX_KEY_BYTES = 1024;

export async function uploadCommand(args: string[], opts: UploadOptions, target: Target): Promise<number> {
  const prefix = opts.prefix ?? '';
  if (prefix.startsWith('/')) throw usageError('--prefix must not start with "/" (S3 keys have no leading slash)');
  // Every argument is checked before anything is sent: a typo uploads nothing.
  const files = collectFiles(args);
  if (files.length === 0) throw new CliError('nothing to upload (the folders hold only dotfiles)');
  const planned = files.map((f) => ({ ...f, key: prefix + f.relative }));
  const byKey = new Map<string, string>();
  for (const f of planned) {
    if (Buffer.byteLength(f.key) > MAX_KEY_BYTES)
      throw new CliError(`key too long for S3 (over ${MAX_KEY_BYTES} bytes): ${f.key.slice(0, 80)}…`);
    const other = byKey.get(f.key);
    if (other !== undefined) throw usageError(`${other} and ${f.path} would both be uploaded as ${f.key}`);
    byKey.set(f.key, f.path);
  }

  const s3 = s3ClientFor(target);
  const bar =
    process.stderr.isTTY && planned.length > 1
      ? new SingleBar({
          stream: process.stderr,
          format: 'uploading [{bar}] {value}/{total} files, {sent}',
          hideCursor: true,
          clearOnComplete: true,
        })
      : null;
  bar?.start(planned.length, 0, { sent: formatBytes(0) });
  let sentBytes = 0;
  let uploaded = 0;
  const unreadable: string[] = [];
  // An S3 error (no connection, no bucket, access denied) would repeat for every file: the first
  // one stops the upload; files already sent stay sent and were reported.
  let stopped: CliError | null = null;
  // Lines come out in argument order (uploads finish in any order), each as soon as it can.
  const state: ('pending' | 'sent' | 'failed')[] = planned.map(() => 'pending');
  let printed = 0;
  const flush = (all = false) => {
    for (; printed < planned.length; printed++) {
      if (state[printed] === 'pending' && !all) return;
      if (state[printed] !== 'sent') continue;
      const p = planned[printed];
      const id = documentId(p.key);
      if (opts.json) outJson({ file: p.path, key: p.key, id });
      else if (!bar) out(`${p.path} → ${p.key}  (id ${id})`);
    }
  };
  try {
    await mapPool(planned, CONCURRENCY, async (f, i) => {
      if (stopped) return;
      let body: Uint8Array;
      try {
        body = readLocalFile(f.path);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        unreadable.push(e.message); // reported after the progress bar is gone
        state[i] = 'failed';
        bar?.increment(1);
        return;
      }
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: target.dropBucket,
            Key: f.key,
            Body: body,
            ContentType: contentTypeFor(f.path),
          }),
        );
      } catch (e) {
        state[i] = 'failed';
        stopped ??= new CliError(`cannot upload ${f.path} to ${target.dropBucket}: ${describeAwsError(e)}`);
        return;
      }
      sentBytes += body.byteLength;
      uploaded++;
      bar?.increment(1, { sent: formatBytes(sentBytes) });
      state[i] = 'sent';
      flush();
    });
  } finally {
    bar?.stop();
    s3.destroy();
    flush(true);
  }
  for (const message of unreadable) note(`archive: ${message}`);
  const summary = `uploaded ${uploaded} file${uploaded === 1 ? '' : 's'} (${formatBytes(sentBytes)}) to ${target.dropBucket}`;
  if (stopped) {
    if (uploaded > 0) note(summary);
    throw stopped;
  }
  if (opts.json) note(summary);
  else out(summary);
  if (unreadable.length > 0) return 1;
  return 0;
}
