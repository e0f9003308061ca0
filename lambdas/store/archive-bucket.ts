// The archive bucket holds what DynamoDB should not: the full normalized text and the full record
// JSON of every upload, in one object per upload, documents/<id>/<slug>/version.json:
//   { "record": { …the record, as the API returns it… }, "text": "…the normalized text…" }
// (readable as it is, or with `jq .record` / `jq -r .text`). One PUT per upload: S3 bills every PUT
// alike, and a second object per upload cost as much as ten index items. Writes are plain PUTs of
// deterministic keys, so a retried step overwrites itself with the same bytes. Objects written by
// the earlier layout (text.txt and record.json side by side) are still read.
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export const versionKey = (id: string, slug: string) => `documents/${id}/${slug}/version.json`;
/** The earlier layout's two objects per upload (read only). */
export const legacyTextKey = (id: string, slug: string) => `documents/${id}/${slug}/text.txt`;
export const legacyRecordKey = (id: string, slug: string) => `documents/${id}/${slug}/record.json`;

export type ArchivedVersion = { record: unknown; text: string };

export class ArchiveBucket {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /** Store one upload's record and normalized text (one PUT). */
  async putVersion(id: string, slug: string, record: unknown, text: string): Promise<void> {
    // The record first and pretty-printed, so that the object reads well; the text as one JSON string.
    const json = `{\n"record": ${JSON.stringify(record, null, 2)},\n"text": ${JSON.stringify(text)}\n}\n`;
    const body = Buffer.from(json, 'utf8');
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: versionKey(id, slug),
        // A Buffer with its length: the SDK cannot size a string body without reading it twice.
        Body: body,
        ContentLength: body.length,
        ContentType: 'application/json; charset=utf-8',
      }),
    );
  }

  /**
   * One upload's record and text, or null when the bucket has neither. `timeoutMs` bounds each
   * attempt (the write path reads small objects and would rather try again than wait).
   */
  async getVersion(id: string, slug: string, opts: { timeoutMs?: number } = {}): Promise<ArchivedVersion | null> {
    // S3 replaces an object atomically; s3rver writes the file in place, so a read that overlaps a
    // retried PUT of the same key can see it cut short (and then wait for bytes that never come, until
    // the connection drops). Such a body is read again.
    for (let attempt = 1; ; attempt++) {
      try {
        const body = await this.getString(versionKey(id, slug), opts.timeoutMs);
        if (body === null) break;
        const parsed = JSON.parse(body) as { record?: unknown; text?: unknown };
        return { record: parsed.record ?? null, text: typeof parsed.text === 'string' ? parsed.text : '' };
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
    const [text, record] = await Promise.all([
      this.getString(legacyTextKey(id, slug)),
      this.getString(legacyRecordKey(id, slug)),
    ]);
    if (text === null && record === null) return null;
    return { record: record === null ? null : JSON.parse(record), text: text ?? '' };
  }

  async getText(id: string, slug: string): Promise<string | null> {
    return (await this.getVersion(id, slug))?.text ?? null;
  }

  async getRecord(id: string, slug: string, opts: { timeoutMs?: number } = {}): Promise<unknown | null> {
    return (await this.getVersion(id, slug, opts))?.record ?? null;
  }

  private async getString(key: string, timeoutMs?: number): Promise<string | null> {
    try {
      const abortSignal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal });
      return (await out.Body?.transformToString('utf-8')) ?? '';
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return null;
      throw e;
    }
  }
}
