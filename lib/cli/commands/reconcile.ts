// `archive reconcile [--dry-run] [--json]`: ingest every upload in the drop bucket that has no
// upload item in the store (an event lost, a crash between S3 accepting an upload and ingest),
// by running the shared ingest code in this process against the target's S3 and DynamoDB.
import { documentId } from '../../../lambdas/core/ids';
import { ingestUpload } from '../../../lambdas/ingest/ingest';
import { openStore, quietIngestDeps } from '../aws';
import { type DropObject, listLocalObjects, listObjectVersions, objectCreated, uploadSource } from '../drop-bucket';
import { CliError, describeAwsError } from '../errors';
import { note, out, outJson } from '../output';
import type { Target } from '../target';

export type ReconcileOptions = { dryRun?: boolean; json?: boolean };

export async function reconcileCommand(o: ReconcileOptions, target: Target): Promise<number> {
  const conn = openStore(target);
  const deps = quietIngestDeps(conn);
  const bucket = target.dropBucket;
  let checked = 0;
  let missing = 0;
  let ingested = 0;
  try {
    const listing =
      target.kind === 'local' && target.dataDir
        ? listLocalObjects(conn.s3, bucket, target.dataDir)
        : listObjectVersions(conn.s3, bucket);
    for await (const obj of listingOrFail(listing, bucket)) {
      checked++;
      const id = documentId(obj.key);
      if (await conn.store.hasUpload(id, uploadSource(obj))) continue;
      missing++;
      if (o.dryRun) {
        report(o, { id, key: obj.key, versionId: obj.versionId, outcome: 'missing' });
        continue;
      }
      const result = await ingestUpload(deps, objectCreated(bucket, obj));
      const outcome = result.outcome === 'missing' ? 'deleted' : result.outcome.outcome;
      const version = result.outcome === 'missing' ? undefined : result.outcome.version;
      if (result.outcome !== 'missing') ingested++;
      report(o, { id, key: obj.key, versionId: obj.versionId, outcome, version });
    }
  } finally {
    conn.close();
  }
  const summary = o.dryRun
    ? `checked ${checked} upload${checked === 1 ? '' : 's'} in ${bucket}: ${missing} missing from the archive (dry run, nothing ingested)`
    : `checked ${checked} upload${checked === 1 ? '' : 's'} in ${bucket}: ${missing} missing, ${ingested} ingested`;
  if (o.json) note(summary);
  else out(summary);
  return 0;
}

type Line = { id: string; key: string; versionId?: string; outcome: string; version?: number };

const report = (o: ReconcileOptions, line: Line) => {
  if (o.json) outJson(line);
  else
    out(
      `${line.outcome.padEnd(9)} ${line.id}${line.version ? ` v${line.version}` : ''}  ${line.key}${line.versionId ? ` (version ${line.versionId})` : ''}`,
    );
};

/** A listing failure names the bucket (wrong stack, no permission) instead of an SDK trace. */
async function* listingOrFail(listing: AsyncGenerator<DropObject>, bucket: string): AsyncGenerator<DropObject> {
  try {
    yield* listing;
  } catch (e) {
    throw new CliError(`cannot list ${bucket}: ${describeAwsError(e)}`);
  }
}
