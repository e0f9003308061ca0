// The core pipeline: bytes of one upload in, one archive record (and its normalized text) out.
// Pure and AWS-free; the ingest Lambda, the CLI's offline `extract`, the local stack and the
// benchmarks all call this one function.
import { isDocumentRejection } from './errors';
import { extractMetadata } from './extract';
import { documentId, sha256Hex } from './ids';
import { formatFromName, type NormalizeInput, normalizeDocument } from './normalize';
import { type ArchiveRecord, archiveRecordSchema, EXTRACTOR_VERSION, type SourceInfo } from './record';

export type DocumentInput = {
  bytes: Uint8Array;
  bucket: string;
  key: string;
  versionId?: string;
  sequencer?: string;
  etag?: string;
  contentType?: string;
  /** ISO 8601: when S3 accepted the upload. */
  uploadedAt: string;
};

export type ProcessedDocument = { record: ArchiveRecord; text: string };

const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

export async function processDocument(input: DocumentInput): Promise<ProcessedDocument> {
  const sha256 = sha256Hex(input.bytes);
  const source = {
    bucket: input.bucket,
    key: input.key,
    versionId: input.versionId,
    sequencer: input.sequencer,
    etag: input.etag,
    size: input.bytes.byteLength,
    contentType: input.contentType,
    uploadedAt: new Date(input.uploadedAt).toISOString(),
    sha256,
  };
  const base = { id: documentId(input.key), version: 1, extractorVersion: EXTRACTOR_VERSION };
  try {
    const normalizeInput: NormalizeInput = { bytes: input.bytes, key: input.key, contentType: input.contentType };
    const doc = await normalizeDocument(normalizeInput);
    const found = extractMetadata(doc, { referenceDate: source.uploadedAt.slice(0, 10) });
    const record: ArchiveRecord = {
      ...base,
      status: 'processed',
      source: { ...source, format: doc.format },
      title: found.title,
      language: doc.language,
      publishedDate: found.publishedDate,
      eventDate: found.eventDate,
      eventEndDate: found.eventEndDate ?? null,
      eventName: found.eventName,
      location: found.location,
      participants: found.participants,
      mentionedPeople: found.mentionedPeople,
      organizations: found.organizations,
      countries: found.countries,
      quantities: found.quantities,
      text: { paragraphs: doc.paragraphs.length, words: countWords(doc.text), sha256: sha256Hex(doc.text) },
      warnings: [...doc.warnings, ...found.warnings],
    };
    return { record: archiveRecordSchema.parse(record), text: doc.text };
  } catch (e) {
    // The core is pure: the same bytes fail the same way every time, so retrying cannot help.
    // A document it cannot read becomes a rejected version that says why.
    const rejection = isDocumentRejection(e)
      ? { code: e.code, message: e.message }
      : { code: 'processing-failed', message: `the document could not be processed: ${(e as Error).message}` };
    return { record: rejectedRecord({ ...source, format: formatFromName(input.key) ?? 'text' }, rejection), text: '' };
  }
}

/** The record of an upload that could not be processed: its source, the reason, and nothing extracted. */
export function rejectedRecord(source: SourceInfo, rejection: { code: string; message: string }): ArchiveRecord {
  return archiveRecordSchema.parse({
    id: documentId(source.key),
    version: 1,
    status: 'rejected',
    rejection,
    source,
    title: null,
    language: null,
    publishedDate: null,
    eventDate: null,
    eventEndDate: null,
    eventName: null,
    location: null,
    participants: [],
    mentionedPeople: [],
    organizations: [],
    countries: [],
    text: { paragraphs: 0, words: 0, sha256: sha256Hex('') },
    warnings: [],
    extractorVersion: EXTRACTOR_VERSION,
  });
}
