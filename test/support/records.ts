// Builders for archive records in tests: realistic shapes, valid against the record schema.
import { documentId, sha256Hex } from '../../lambdas/core/ids';
import { foldKey } from '../../lambdas/core/keys';
import { type ArchiveRecord, archiveRecordSchema, EXTRACTOR_VERSION, type Person } from '../../lambdas/core/record';

export type RecordSpec = {
  key: string;
  body?: string;
  uploadedAt?: string;
  sequencer?: string;
  versionId?: string;
  status?: ArchiveRecord['status'];
  eventDate?: string | null;
  publishedDate?: string | null;
  participants?: (string | Partial<Person>)[];
  organizations?: { name: string; acronym?: string | null }[];
  countries?: string[];
  title?: string | null;
};

export const person = (p: string | Partial<Person>): Person => {
  const base = typeof p === 'string' ? { name: p } : p;
  const name = base.name ?? 'Unnamed Person';
  return { title: null, affiliation: null, attendance: null, ...base, name, key: foldKey(name) };
};

export const makeRecord = (s: RecordSpec): ArchiveRecord => {
  const body = s.body ?? `report body for ${s.key}`;
  const status = s.status ?? 'processed';
  return archiveRecordSchema.parse({
    id: documentId(s.key),
    version: 1,
    status,
    ...(status === 'rejected' ? { rejection: { code: 'empty', message: 'the document is empty' } } : {}),
    source: {
      bucket: 'drop',
      key: s.key,
      sequencer: s.sequencer,
      versionId: s.versionId,
      size: Buffer.byteLength(body),
      format: 'text',
      uploadedAt: s.uploadedAt ?? '2026-01-01T00:00:00.000Z',
      sha256: sha256Hex(body),
    },
    title: s.title === undefined ? `Title of ${s.key}` : s.title,
    language: 'en',
    publishedDate: s.publishedDate ?? null,
    eventDate: s.eventDate === undefined ? '2021-09-17' : s.eventDate,
    eventName: null,
    location: null,
    participants: status === 'rejected' ? [] : (s.participants ?? []).map(person),
    mentionedPeople: [],
    organizations: status === 'rejected' ? [] : (s.organizations ?? []),
    countries: status === 'rejected' ? [] : (s.countries ?? []),
    text: { paragraphs: 1, words: body.split(/\s+/).length, sha256: sha256Hex(body) },
    warnings: [],
    extractorVersion: EXTRACTOR_VERSION,
  });
};

/** The n-th upload of one key: increasing time and sequencer, body chosen by the caller. */
export const upload = (key: string, n: number, body: string, extra: Partial<RecordSpec> = {}): ArchiveRecord =>
  makeRecord({
    key,
    body,
    uploadedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    sequencer: (0x1000 + n).toString(16).toUpperCase(),
    ...extra,
  });
