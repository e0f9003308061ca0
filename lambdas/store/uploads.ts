// How one S3 upload is identified and ordered among the uploads to the same key.
import { createHash } from 'node:crypto';
import type { SourceInfo } from '../core/record';

/**
 * Identity: the S3 version id when the bucket is versioned (the deployed drop bucket is),
 * else the event sequencer, else modification time + ETag. A duplicate delivery of one
 * event has the same identity, so it maps to the same upload item.
 */
export const uploadIdentity = (s: Pick<SourceInfo, 'versionId' | 'sequencer' | 'uploadedAt' | 'etag' | 'sha256'>) =>
  s.versionId && s.versionId !== 'null'
    ? `v:${s.versionId}`
    : s.sequencer
      ? `s:${s.sequencer.toUpperCase()}`
      : `t:${s.uploadedAt}/${s.etag ?? s.sha256}`;

/**
 * Order: upload time, then the S3 sequencer as a hexadecimal number (left-padded, so that
 * string order is numeric order). The sequencer breaks ties within a millisecond.
 */
export const uploadOrderKey = (s: Pick<SourceInfo, 'uploadedAt' | 'sequencer'>): string =>
  `${new Date(s.uploadedAt).toISOString()}|${(s.sequencer ?? '').toUpperCase().padStart(40, '0')}`;

/** A short, path-safe folder name for one upload in the archive bucket. */
export const uploadSlug = (identity: string, uploadedAt: string): string =>
  `${new Date(uploadedAt).toISOString().replace(/[-:.]/g, '')}-${createHash('sha256').update(identity).digest('hex').slice(0, 10)}`;
