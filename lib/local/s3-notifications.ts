// Real-shaped S3 event notifications, wrapped as SQS messages, for the objects of the local drop
// bucket (design sections 7 and 8). Both paths that feed the local queue build them here: s3rver's
// 'event' on every upload, and the reconcile pass on start-up (objects whose event was lost). Both
// derive the same facts from the object itself, so they give an upload the same identity.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { HeadObjectCommand, type HeadObjectCommandOutput, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import type S3rver from 's3rver';
import { encodeS3Key } from '../../lambdas/ingest/s3-events';

/** What the notification says about one object. */
export type ObjectFacts = {
  bucket: string;
  key: string;
  size: number;
  /** MD5 hex of the bytes for single-part uploads, without quotes. */
  etag: string;
  /** Milliseconds since the epoch. */
  lastModifiedMs: number;
  contentType?: string;
};

/**
 * The S3 sequencer we give an object: its modification time in ms (12 hex digits) then the first
 * 8 hex digits of its ETag. Deterministic, so an object whose event was lost gets, on reconcile,
 * the identity its event would have given it; hex order is time order, as for S3's own sequencers.
 */
export const sequencerFor = (lastModifiedMs: number, etag: string): string =>
  Math.floor(lastModifiedMs).toString(16).toUpperCase().padStart(12, '0') +
  etag.replace(/"/g, '').slice(0, 8).toUpperCase();

/** An S3 event notification record as AWS sends it for an ObjectCreated:Put. */
export const s3EventRecord = (f: ObjectFacts, region: string) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: region,
  eventTime: new Date(f.lastModifiedMs).toISOString(),
  eventName: 'ObjectCreated:Put',
  userIdentity: { principalId: 'AWS:LOCAL' },
  requestParameters: { sourceIPAddress: '127.0.0.1' },
  responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId: 'local-drop-notification',
    bucket: {
      name: f.bucket,
      ownerIdentity: { principalId: 'LOCAL' },
      arn: `arn:aws:s3:::${f.bucket}`,
    },
    object: {
      key: encodeS3Key(f.key),
      size: f.size,
      eTag: f.etag,
      sequencer: sequencerFor(f.lastModifiedMs, f.etag),
    },
  },
});

export const LOCAL_QUEUE_NAME = 'meeting-archive-ingest-local';

/** The SQS message that carries one S3 notification, as SQS hands it to a Lambda. */
export const sqsMessage = (f: ObjectFacts, region: string): SQSRecord => {
  const body = JSON.stringify({ Records: [s3EventRecord(f, region)] });
  const now = Date.now();
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body,
    attributes: {
      ApproximateReceiveCount: '0',
      SentTimestamp: String(now),
      SenderId: 'LOCAL',
      ApproximateFirstReceiveTimestamp: String(now),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:000000000000:${LOCAL_QUEUE_NAME}`,
    awsRegion: region,
  };
};

type FilesystemStore = { getResourcePath(bucket: string, key: string, resource: string): string };

/**
 * Reads an object's facts: ETag, size and type through the S3 API (HeadObject), and its
 * modification time from s3rver's file. s3rver reports Last-Modified in whole seconds, which
 * would leave two uploads of one key within a second in an arbitrary order; the file's mtime
 * has milliseconds and is as much a property of the object (reconcile reads the same value).
 */
export class ObjectInspector {
  constructor(
    private readonly s3: S3Client,
    private readonly server: S3rver,
  ) {}

  /**
   * The facts of `bucket/key`, or null when it no longer exists. `expectedSize` (from s3rver's
   * event) waits out s3rver answering a PUT a moment before the last bytes reach the disk.
   */
  async facts(bucket: string, key: string, expectedSize?: number): Promise<ObjectFacts | null> {
    const file = (this.server as unknown as { store: FilesystemStore }).store.getResourcePath(bucket, key, 'object');
    const fileStat = async () => {
      try {
        return await stat(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    };
    for (let attempt = 0; ; attempt++) {
      const before = await fileStat();
      let head: HeadObjectCommandOutput;
      try {
        head = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (name === 'NotFound' || name === 'NoSuchKey') return null;
        throw e;
      }
      const after = await fileStat();
      // HEAD found the object but its file is not (or no longer) in place: s3rver can answer and emit the event a
      // moment before the file is renamed into place (seen under load). Look again; a deleted object's next HEAD
      // says NotFound.
      const settled =
        before !== null &&
        after !== null &&
        before.mtimeMs === after.mtimeMs &&
        before.size === after.size &&
        (expectedSize === undefined || after.size >= expectedSize);
      if (after && (settled || attempt >= 100)) {
        return {
          bucket,
          key,
          size: after.size,
          etag: (head.ETag ?? '').replace(/"/g, ''),
          lastModifiedMs: Math.floor(after.mtimeMs),
          contentType: head.ContentType,
        };
      }
      if (attempt >= 250) throw new Error(`s3rver reports ${bucket}/${key} but its file never appeared`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

type S3rverStore = { listObjects(bucket: string, options: object): Promise<{ objects: { key: string }[] }> };

/**
 * Every key in a bucket of s3rver. Up to 1000 objects: one ListObjects call through the S3 API.
 * Beyond that s3rver 3.7.1 cannot page correctly on this Node (measured): a truncated
 * ListObjectsV2 fails with a 500 whatever the request (s3rver always encrypts a
 * NextContinuationToken with DES, which needs `--openssl-legacy-provider` on Node 17+), and
 * V1 Marker / V2 StartAfter pages are cut in s3rver's folder-walk order, not key order, so the
 * next page skips keys ("a", "a-x" and "a.txt" are lost when "a/..." fills the first page).
 * So a bigger bucket is listed through s3rver's own file store (`server`: the running instance,
 * or one constructed on the same directory and never started), which has no page limit.
 */
export async function* listKeys(s3: S3Client, bucket: string, server?: S3rver): AsyncGenerator<string> {
  const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 1000 }));
  if (!page.IsTruncated) {
    for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
    return;
  }
  if (!server)
    throw new Error(
      `${bucket} has more than 1000 objects, which s3rver cannot list page by page; pass the s3rver instance`,
    );
  const store = (server as unknown as { store: S3rverStore }).store;
  const all = await store.listObjects(bucket, {});
  yield* [...new Set(all.objects.map((o) => o.key))].sort();
}
