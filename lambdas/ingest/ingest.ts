// Ingest: one SQS batch of S3 ObjectCreated notifications -> fetch -> core -> versioned store.
// Dependencies come in from outside, so the Lambda entry (handler.ts) and the local stack run
// the very same code with different clients.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, type GetObjectCommandOutput, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { documentId, sha256Hex } from '../core/ids';
import { formatFromName } from '../core/normalize';
import { type DocumentInput, processDocument, rejectedRecord } from '../core/process';
import type { ArchiveRecord } from '../core/record';
import type { DocumentStore, SaveOutcome } from '../store/document-store';
import { type ObjectCreated, parseS3Message } from './s3-events';

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/**
 * How long reading one upload from S3 (request and body) may take. The SDK sets no request
 * timeout, so without this bound a stalled connection would hang the whole batch until the
 * Lambda times out; with it, only that message fails (and is retried).
 */
export const DEFAULT_READ_TIMEOUT_MS = 20_000;

export type IngestDeps = {
  s3: S3Client;
  store: DocumentStore;
  logger: Logger;
  metrics: Metrics;
  maxDocumentBytes?: number;
  readTimeoutMs?: number;
};

/** Reading an upload from S3 took longer than the read timeout: a transient fault, retried. */
export class S3ReadTimeout extends Error {
  constructor(bucket: string, key: string, ms: number) {
    super(`reading s3://${bucket}/${key} took longer than ${ms} ms`);
    this.name = 'S3ReadTimeout';
  }
}

export type IngestResult = { upload: ObjectCreated; outcome: SaveOutcome | 'missing' };

/** A rejected record for a document we refused to read at all (over the size cap). */
const tooLargeRecord = (u: ObjectCreated, size: number, cap: number, contentType?: string): ArchiveRecord =>
  rejectedRecord(
    {
      bucket: u.bucket,
      key: u.key,
      versionId: u.versionId,
      sequencer: u.sequencer,
      etag: u.etag,
      size,
      contentType,
      format: formatFromName(u.key) ?? 'text',
      uploadedAt: new Date(u.eventTime).toISOString(),
      // Not read, so not hashed: the identity of the refused bytes is their ETag and version.
      sha256: sha256Hex(`unread:${u.etag ?? ''}:${u.versionId ?? ''}:${size}`),
    },
    { code: 'too-large', message: `the document is ${size} bytes; the archive accepts at most ${cap} bytes` },
  );

/**
 * Process one upload end to end. Throws only for faults worth retrying (network, throttling,
 * contention). `replace` re-extracts an upload already stored (after an extractor upgrade).
 */
export async function ingestUpload(
  deps: IngestDeps,
  u: ObjectCreated,
  opts: { replace?: boolean } = {},
): Promise<IngestResult> {
  const { logger, metrics } = deps;
  const cap = deps.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const id = documentId(u.key);
  const readTimeoutMs = deps.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  // One signal bounds the request and the download of its body.
  const read = AbortSignal.timeout(readTimeoutMs);
  const timedOut = (e: unknown) => (read.aborted ? new S3ReadTimeout(u.bucket, u.key, readTimeoutMs) : e);
  logger.appendKeys({ documentKey: u.key, documentId: id });
  try {
    let object: GetObjectCommandOutput;
    try {
      object = await deps.s3.send(new GetObjectCommand({ Bucket: u.bucket, Key: u.key, VersionId: u.versionId }), {
        abortSignal: read,
      });
    } catch (e) {
      if (read.aborted) throw timedOut(e);
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') {
        // Deleted before we got to it: nothing to archive, and retrying will not bring it back.
        logger.warn('object no longer exists; skipped');
        metrics.addMetric('ObjectsMissing', MetricUnit.Count, 1);
        return { upload: u, outcome: 'missing' };
      }
      throw e;
    }
    const size = object.ContentLength ?? u.size ?? 0;
    let record: ArchiveRecord;
    let text: string;
    if (size > cap) {
      (object.Body as { destroy?: () => void } | undefined)?.destroy?.(); // do not download what we refuse
      record = tooLargeRecord(u, size, cap, object.ContentType);
      text = '';
    } else {
      let bytes: Uint8Array;
      try {
        bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      } catch (e) {
        throw timedOut(e);
      }
      const input: DocumentInput = {
        bytes,
        bucket: u.bucket,
        key: u.key,
        versionId: u.versionId,
        sequencer: u.sequencer,
        etag: u.etag ?? object.ETag?.replace(/"/g, ''),
        contentType: object.ContentType,
        uploadedAt: u.eventTime,
      };
      ({ record, text } = await processDocument(input));
    }
    const outcome = await deps.store.saveUpload(record, text, opts);
    const metric = {
      created: 'VersionsCreated',
      replaced: 'VersionsCreated',
      unchanged: 'UnchangedUploads',
      duplicate: 'DuplicatesSkipped',
    }[outcome.outcome];
    metrics.addMetric(metric, MetricUnit.Count, 1);
    if (outcome.outcome !== 'duplicate') {
      metrics.addMetric(
        record.status === 'processed' ? 'DocumentsProcessed' : 'DocumentsRejected',
        MetricUnit.Count,
        1,
      );
    }
    logger.info('upload stored', {
      status: record.status,
      rejection: record.rejection?.code,
      version: outcome.version,
      outcome: outcome.outcome,
      latest: outcome.latest,
      participants: record.participants.length,
    });
    return { upload: u, outcome };
  } finally {
    logger.removeKeys(['documentKey', 'documentId']);
  }
}

/** The SQS handler: each message is processed on its own; failed ones are reported for retry. */
export const createIngestHandler = (deps: IngestDeps) => {
  const processor = new BatchProcessor(EventType.SQS);
  const handleRecord = async (message: SQSRecord) => {
    for (const upload of parseS3Message(message.body)) await ingestUpload(deps, upload);
  };
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    try {
      return (await processPartialResponse(event, handleRecord, processor, {
        context,
        throwOnFullBatchFailure: false,
      })) as SQSBatchResponse;
    } finally {
      for (const [i, r] of processor.failureMessages.entries()) {
        const message = r as SQSRecord;
        deps.logger.error('message failed; it will be retried', {
          messageId: message.messageId,
          receiveCount: message.attributes?.ApproximateReceiveCount,
          error: processor.errors[i]?.message,
        });
      }
      deps.metrics.publishStoredMetrics();
    }
  };
};
