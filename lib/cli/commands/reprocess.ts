// `archive reprocess [--all | ID...] [--json]`: re-run extraction on stored documents (after an
// extractor upgrade). For every version of every document named, the original bytes are fetched
// from the drop bucket (by version id when the bucket keeps versions) and ingested again with
// `replace`, so the upload keeps its identity and version number and gets the new record. A version whose
// record already carries the current EXTRACTOR_VERSION would come out the same and is skipped as current,
// unless --force.
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { EXTRACTOR_VERSION, type SourceInfo } from '../../../lambdas/core/record';
import { ingestUpload } from '../../../lambdas/ingest/ingest';
import { openStore, quietIngestDeps, type StoreConnection } from '../aws';
import { CliError, describeAwsError } from '../errors';
import { note, out, outJson } from '../output';
import type { Target } from '../target';
import { checkReprocessArgs } from '../validate';

export type ReprocessOptions = { all?: boolean; json?: boolean; force?: boolean };

type Outcome = 'changed' | 'unchanged' | 'skipped' | 'current' | 'created';
type Line = { id: string; version: number; key: string; outcome: Outcome; reason?: string };

/**
 * Are the bytes of this upload still in the drop bucket? A versioned bucket keeps them under the
 * version id. s3rver keeps only the latest object per key: an older upload's bytes are gone once
 * the key was overwritten, and re-extracting the newer bytes under the older identity would be wrong.
 */
const unavailable = async (s3: S3Client, src: SourceInfo): Promise<string | null> => {
  if (src.versionId && src.versionId !== 'null') return null; // GetObject by version id decides
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: src.bucket, Key: src.key }));
    const etag = (head.ETag ?? '').replace(/"/g, '');
    if (src.etag && etag && etag !== src.etag) return 'the drop bucket holds newer bytes under this key';
    return null;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'NotFound' || name === 'NoSuchKey') return 'the object is no longer in the drop bucket';
    throw e;
  }
};

async function reprocessDocument(
  conn: StoreConnection,
  deps: ReturnType<typeof quietIngestDeps>,
  id: string,
  force: boolean,
) {
  const versions = await conn.store.listVersions(id);
  if (!versions) return null;
  const lines: Line[] = [];
  for (const v of versions) {
    const record = await conn.store.getVersion(id, v.version);
    if (!record) continue; // a concurrent writer renumbered versions; the next run catches up
    const src = record.source;
    const base = { id, version: v.version, key: src.key };
    // Extracted by this very extractor: the same bytes would give the same record.
    if (!force && record.extractorVersion === EXTRACTOR_VERSION) {
      lines.push({ ...base, outcome: 'current', reason: `already extracted by ${EXTRACTOR_VERSION}` });
      continue;
    }
    const gone = await unavailable(conn.s3, src);
    if (gone) {
      lines.push({ ...base, outcome: 'skipped', reason: gone });
      continue;
    }
    const result = await ingestUpload(
      deps,
      {
        bucket: src.bucket,
        key: src.key,
        versionId: src.versionId,
        sequencer: src.sequencer,
        etag: src.etag,
        size: src.size,
        eventTime: src.uploadedAt,
      },
      { replace: true },
    );
    if (result.outcome === 'missing')
      lines.push({ ...base, outcome: 'skipped', reason: 'the object is no longer in the drop bucket' });
    else
      lines.push({
        ...base,
        outcome:
          result.outcome.outcome === 'replaced'
            ? 'changed'
            : result.outcome.outcome === 'duplicate'
              ? 'unchanged'
              : // Not found under the stored identity: it was stored as a new upload (should not happen).
                'created',
      });
  }
  return lines;
}

export async function reprocessCommand(ids: string[], o: ReprocessOptions, target: Target): Promise<number> {
  checkReprocessArgs(ids, o);
  const conn = openStore(target);
  const deps = quietIngestDeps(conn);
  const counts = { documents: 0, versions: 0, changed: 0, skipped: 0, current: 0, unknown: 0 };
  try {
    let todo = [...new Set(ids)];
    if (o.all) {
      todo = [];
      try {
        for await (const id of conn.store.allDocumentIds()) todo.push(id);
      } catch (e) {
        throw new CliError(`cannot list the documents of table ${target.tableName}: ${describeAwsError(e)}`);
      }
      todo = [...new Set(todo)];
    }
    for (const id of todo) {
      let lines: Line[] | null;
      try {
        lines = await reprocessDocument(conn, deps, id, o.force === true);
      } catch (e) {
        throw new CliError(`reprocessing ${id} failed: ${describeAwsError(e)}`);
      }
      if (!lines) {
        counts.unknown++;
        note(`archive: no document with id "${id}"`);
        continue;
      }
      counts.documents++;
      for (const line of lines) {
        if (line.outcome === 'skipped') counts.skipped++;
        else if (line.outcome === 'current') counts.current++;
        else counts.versions++;
        if (line.outcome === 'changed' || line.outcome === 'created') counts.changed++;
        if (o.json) outJson(line);
        else
          out(
            `${line.outcome.padEnd(9)} ${line.id} v${line.version}  ${line.key}${line.reason ? `: ${line.reason}` : ''}`,
          );
      }
    }
  } finally {
    conn.close();
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary =
    `reprocessed ${plural(counts.documents, 'document')}: ${plural(counts.versions, 'version')} re-extracted, ` +
    `${counts.changed} changed${counts.skipped ? `, ${counts.skipped} skipped` : ''}` +
    (counts.current
      ? `, ${counts.current} skipped as current (extractor ${EXTRACTOR_VERSION}; --force re-extracts them)`
      : '');
  if (o.json) note(summary);
  else out(summary);
  return counts.unknown > 0 ? 1 : 0;
}
