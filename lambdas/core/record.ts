// The archive record (design section 3): the one shape the API, the CLI and the archive bucket emit.
// Pure and AWS-free. Every producer validates against this schema before a record leaves the core.
// Written with zod/mini (zod 4's tree-shakable API: about 15 KB bundled instead of 450 KB for the classic API),
// with zod's English messages, so validation and its errors are what the classic API gives.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

// zod/mini registers no locale (its messages would all be "Invalid input"); the classic API registers this one.
if (!z.config().localeError) z.config(en());

export const EXTRACTOR_VERSION = '0.20.24';

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

export const attendanceSchema = z.enum(['in person', 'video link', 'represented']);

export const personSchema = z.object({
  name: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  title: z.nullish(z.string()),
  affiliation: z.nullish(z.string()),
  attendance: z.nullish(attendanceSchema),
});

export const formatSchema = z.enum(['text', 'markdown', 'html', 'docx', 'pdf']);

export const sourceSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  versionId: z.optional(z.string()),
  sequencer: z.optional(z.string()),
  etag: z.optional(z.string()),
  size: z.number().check(z.int(), z.nonnegative()),
  contentType: z.optional(z.string()),
  format: formatSchema,
  uploadedAt: z.string(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const rejectionSchema = z.object({
  code: z.string().check(z.minLength(1)),
  message: z.string().check(z.minLength(1)),
});

export const organizationSchema = z.object({
  name: z.string().check(z.minLength(1)),
  acronym: z.nullish(z.string()),
});

export const archiveRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.positive()),
  status: z.enum(['processed', 'rejected']),
  rejection: z.optional(rejectionSchema),
  source: sourceSchema,
  title: z.nullable(z.string()),
  language: z.nullable(z.string()),
  publishedDate: z.nullable(isoDate),
  eventDate: z.nullable(isoDate),
  eventEndDate: z.nullish(isoDate),
  eventName: z.nullable(z.string()),
  location: z.nullable(
    z.object({ place: z.nullable(z.string()), country: z.nullable(z.string()), virtual: z.boolean() }),
  ),
  participants: z.array(personSchema),
  mentionedPeople: z.array(personSchema),
  organizations: z.array(organizationSchema),
  countries: z.array(z.string()),
  quantities: z.optional(
    z.array(z.object({ text: z.string(), value: z.optional(z.number()), unit: z.optional(z.string()) })),
  ),
  text: z.object({
    paragraphs: z.number().check(z.int(), z.nonnegative()),
    words: z.number().check(z.int(), z.nonnegative()),
    sha256: z.string(),
  }),
  warnings: z.array(z.string()),
  extractorVersion: z.string(),
});

export type Person = z.infer<typeof personSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type DocumentFormat = z.infer<typeof formatSchema>;
export type SourceInfo = z.infer<typeof sourceSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;
