// Document ids are stable per S3 object key, so every upload to a key is a version of one
// document, and the CLI can name the id of a file it uploads without asking the stack.
import { createHash } from 'node:crypto';

export const documentId = (key: string): string =>
  createHash('sha256').update(key.normalize('NFC'), 'utf8').digest('hex').slice(0, 20);

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
