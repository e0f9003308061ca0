// Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + base64url(HMAC-SHA256).
// The payload names the query it belongs to, so a cursor cannot be replayed against other filters.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class InvalidCursor extends Error {
  constructor(message = 'cursor is invalid or was modified') {
    super(message);
    this.name = 'InvalidCursor';
  }
}

const sign = (payload: string, key: string | Uint8Array): Buffer => createHmac('sha256', key).update(payload).digest();

export const encodeCursor = (value: unknown, key: string | Uint8Array): string => {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, key).toString('base64url')}`;
};

export const decodeCursor = <T>(cursor: string, key: string | Uint8Array): T => {
  const [payload, mac, ...rest] = cursor.split('.');
  if (!payload || !mac || rest.length > 0 || cursor.length > 2048) throw new InvalidCursor();
  const expected = sign(payload, key);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursor();
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    throw new InvalidCursor();
  }
};
