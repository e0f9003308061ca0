// The archive record (design section 3): the one shape the API, the CLI and the archive bucket emit.
// Pure and AWS-free. Every producer validates against this schema before a record leaves the core.
import { z } from 'zod';

export const EXTRACTOR_VERSION = '0.3.0';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const attendanceSchema = z.enum(['in person', 'video link', 'represented']);

export const personSchema = z.object({
  name: z.string().min(1),
  key: z.string().min(1),
  title: z.string().nullish(),
  affiliation: z.string().nullish(),
  attendance: attendanceSchema.nullish(),
});

export const formatSchema = z.enum(['text', 'markdown', 'html', 'docx', 'pdf']);

export const sourceSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  versionId: z.string().optional(),
  sequencer: z.string().optional(),
  etag: z.string().optional(),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  format: formatSchema,
  uploadedAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const rejectionSchema = z.object({ code: z.string().min(1), message: z.string().min(1) });

export const organizationSchema = z.object({ name: z.string().min(1), acronym: z.string().nullish() });

export const archiveRecordSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  status: z.enum(['processed', 'rejected']),
  rejection: rejectionSchema.optional(),
  source: sourceSchema,
  title: z.string().nullable(),
  language: z.string().nullable(),
  publishedDate: isoDate.nullable(),
  eventDate: isoDate.nullable(),
  eventEndDate: isoDate.nullish(),
  eventName: z.string().nullable(),
  location: z.object({ place: z.string().nullable(), country: z.string().nullable(), virtual: z.boolean() }).nullable(),
  participants: z.array(personSchema),
  mentionedPeople: z.array(personSchema),
  organizations: z.array(organizationSchema),
  countries: z.array(z.string()),
  quantities: z
    .array(z.object({ text: z.string(), value: z.number().optional(), unit: z.string().optional() }))
    .optional(),
  text: z.object({
    paragraphs: z.number().int().nonnegative(),
    words: z.number().int().nonnegative(),
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
