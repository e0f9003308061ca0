// The drop bucket's uploads as the ingest path saw (or would have seen) them, for `reconcile`.
//
// Deployed (versioned bucket): every object version is one upload, identified by its version id;
// delete markers are not uploads.
// Local (s3rver, no versioning): every object is one upload, identified by the sequencer the
// local stack derives from the object: its file's modification time in milliseconds and its ETag
// (s3rver's listings only have whole seconds). The CLI reads those facts with the local stack's
// own code (lib/local/s3-notifications), from the stack's data folder, so both derive the same
// identity and reconcile never stores an upload twice.
import { join } from 'node:path';
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectCreated } from '../../lambdas/ingest/s3-events';

export type DropObject = {
  key: string;
  versionId?: string;
  sequencer?: string;
  etag: string;
  size: number;
  lastModified: Date;
};

const unquote = (etag: string | undefined) => (etag ?? '').replace(/"/g, '');

/** Where the local stack keeps s3rver's objects (lib/local/local-stack.ts: DATA_DIR/s3/). */
export const localS3Directory = (dataDir: string) => join(dataDir, 's3');

/** Every object of the local stack's drop bucket, with the facts its object-created event carries. */
export async function* listLocalObjects(s3: S3Client, bucket: string, dataDir: string): AsyncGenerator<DropObject> {
  const [{ default: S3rver }, { listKeys, ObjectInspector, sequencerFor }] = await Promise.all([
    import('s3rver'),
    import('../local/s3-notifications'),
  ]);
  // Not started: only its file store is used, to find each object's file (s3rver's own path encoding).
  const files = new S3rver({ directory: localS3Directory(dataDir), silent: true });
  const inspector = new ObjectInspector(s3, files);
  for await (const key of listKeys(s3, bucket)) {
    const f = await inspector.facts(bucket, key);
    if (!f) continue; // deleted since it was listed
    yield {
      key,
      sequencer: sequencerFor(f.lastModifiedMs, f.etag),
      etag: f.etag,
      size: f.size,
      lastModified: new Date(f.lastModifiedMs),
    };
  }
}

/** Every version of every object (a versioned bucket). */
export async function* listObjectVersions(s3: S3Client, bucket: string): AsyncGenerator<DropObject> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
    );
    for (const v of page.Versions ?? []) {
      if (!v.Key) continue;
      yield {
        key: v.Key,
        versionId: v.VersionId && v.VersionId !== 'null' ? v.VersionId : undefined,
        etag: unquote(v.ETag),
        size: v.Size ?? 0,
        lastModified: v.LastModified ?? new Date(0),
      };
    }
    if (!page.IsTruncated) return;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

/** The upload identity fields `DocumentStore.hasUpload` needs, as the ingest path records them. */
export const uploadSource = (o: DropObject) => ({
  versionId: o.versionId,
  sequencer: o.sequencer,
  etag: o.etag,
  uploadedAt: o.lastModified.toISOString(),
  sha256: '',
});

/** The object-created notification the ingest path would have received for this upload. */
export const objectCreated = (bucket: string, o: DropObject): ObjectCreated => ({
  bucket,
  key: o.key,
  versionId: o.versionId,
  sequencer: o.sequencer,
  etag: o.etag,
  size: o.size,
  eventTime: o.lastModified.toISOString(),
});
