// Parsing S3 event notifications as SQS delivers them, validated with zod. Keys arrive URL-encoded
// with '+' for spaces (design section 8); they are decoded here, once. zod/mini (the tree-shakable API) keeps
// the ingest bundle small; its English messages are registered as the classic API does.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

if (!z.config().localeError) z.config(en());

const s3EventRecord = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().check(z.minLength(1)) }),
    object: z.object({
      key: z.string().check(z.minLength(1)),
      size: z.optional(z.number().check(z.int(), z.nonnegative())),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.optional(z.string()),
    }),
  }),
});

const s3Event = z.object({ Records: z.array(s3EventRecord) });
const s3TestEvent = z.object({ Event: z.literal('s3:TestEvent') });

export type ObjectCreated = {
  bucket: string;
  key: string;
  size?: number;
  etag?: string;
  versionId?: string;
  sequencer?: string;
  eventTime: string;
};

export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** S3's own encoding of a key in event notifications, for the local stack and tests. */
export const encodeS3Key = (key: string): string =>
  encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class MalformedMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessage';
  }
}

/**
 * The object-created uploads in one SQS message body. An `s3:TestEvent` (sent when the
 * notification is configured) and other event types yield none.
 */
export const parseS3Message = (body: string): ObjectCreated[] => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedMessage('SQS message body is not JSON');
  }
  if (s3TestEvent.safeParse(json).success) return [];
  const parsed = s3Event.safeParse(json);
  if (!parsed.success) throw new MalformedMessage(`not an S3 event notification: ${parsed.error.issues[0]?.message}`);
  return parsed.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: decodeS3Key(r.s3.object.key),
    size: r.s3.object.size,
    etag: r.s3.object.eTag,
    versionId: r.s3.object.versionId,
    sequencer: r.s3.object.sequencer,
    eventTime: r.eventTime,
  }));
};
