// The archive bucket holds what DynamoDB should not: the full normalized text and the full
// record JSON of every upload, under documents/<id>/<orderKey>/. Writes are plain PUTs of
// deterministic keys, so a retried step overwrites itself with the same bytes.
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export const textKey = (id: string, orderKey: string) => `documents/${id}/${orderKey}/text.txt`;
export const recordKey = (id: string, orderKey: string) => `documents/${id}/${orderKey}/record.json`;

export class ArchiveBucket {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async putText(id: string, orderKey: string, text: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: textKey(id, orderKey),
        // A Buffer with its length: the SDK cannot size an empty string body and warns on every rejected document.
        Body: Buffer.from(text, 'utf8'),
        ContentLength: Buffer.byteLength(text, 'utf8'),
        ContentType: 'text/plain; charset=utf-8',
      }),
    );
  }

  async putRecord(id: string, orderKey: string, record: unknown): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: recordKey(id, orderKey),
        Body: `${JSON.stringify(record, null, 2)}\n`,
        ContentType: 'application/json',
      }),
    );
  }

  async getText(id: string, orderKey: string): Promise<string | null> {
    return this.getString(textKey(id, orderKey));
  }

  async getRecord(id: string, orderKey: string): Promise<unknown | null> {
    const body = await this.getString(recordKey(id, orderKey));
    return body === null ? null : JSON.parse(body);
  }

  private async getString(key: string): Promise<string | null> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (await out.Body?.transformToString('utf-8')) ?? '';
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return null;
      throw e;
    }
  }
}
