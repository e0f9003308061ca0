// The S3 side of the local stack on a bare s3rver: event keys, object facts, listing every key.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type S3rver from 's3rver';
import type { S3EventRecord } from 's3rver';
import { parseS3Message } from '../../lambdas/ingest/s3-events';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type S3Emulator, startS3rver } from '../../lib/local/emulators';
import { listKeys, ObjectInspector, s3EventRecord, sequencerFor, sqsMessage } from '../../lib/local/s3-notifications';

const BUCKET = 'drop';
const TRICKY = 'reports/Sommet à Douchanbé + notes 100%.txt';

describe('local S3 notifications', () => {
  let s3rver: S3Emulator;
  let s3: S3Client;
  const events: S3EventRecord[] = [];

  before(async () => {
    s3rver = await startS3rver({ buckets: [BUCKET, 'other'] });
    s3rver.server.on('event', (e) => events.push(...e.Records));
    s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: s3rver.endpoint });
  });
  after(async () => {
    s3.destroy();
    await s3rver.close();
  });

  it('s3rver events carry the key as uploaded (not URL-encoded) and fire for every bucket', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: TRICKY, Body: 'hello' }));
    await s3.send(new PutObjectCommand({ Bucket: 'other', Key: 'x.txt', Body: 'x' }));
    const mine = events.filter((e) => e.s3.bucket.name === BUCKET);
    assert.equal(mine.at(-1)?.s3.object.key, TRICKY);
    assert.ok(events.some((e) => e.s3.bucket.name === 'other'));
  });

  it('builds a real-shaped record whose key decodes back and whose sequencer is deterministic', async () => {
    const inspector = new ObjectInspector(s3, s3rver.server);
    const f = await inspector.facts(BUCKET, TRICKY, 5);
    assert.ok(f);
    assert.equal(f.etag, createHash('md5').update('hello').digest('hex'));
    assert.equal(f.size, 5);
    const again = await inspector.facts(BUCKET, TRICKY);
    assert.deepEqual(again, f);
    const record = s3EventRecord(f, LOCAL_REGION);
    assert.equal(record.s3.object.key, 'reports/Sommet+%C3%A0+Douchanb%C3%A9+%2B+notes+100%25.txt');
    assert.equal(record.s3.object.sequencer, sequencerFor(f.lastModifiedMs, f.etag));
    assert.match(record.s3.object.sequencer, /^[0-9A-F]{20}$/);
    assert.equal(record.eventTime, new Date(f.lastModifiedMs).toISOString());
    const message = sqsMessage(f, LOCAL_REGION);
    assert.equal(message.eventSource, 'aws:sqs');
    const [upload] = parseS3Message(message.body);
    assert.equal(upload.key, TRICKY);
    assert.equal(upload.sequencer, record.s3.object.sequencer);
    assert.equal(await inspector.facts(BUCKET, 'no/such/key'), null);
  });

  it('lists every key, below and above 1000 objects, despite s3rver paging in path order', async () => {
    const keys = new Set<string>([TRICKY]);
    // Names whose key order differs from s3rver's folder-walk order ("a.txt" < "a/b" as keys).
    const tricky = ['a', 'a-x', 'a.txt', 'a/b', 'a-/c', 'a!', 'reports.txt', 'reports-2/x', 'deep/er/still/k'];
    const put = async (list: string[]) => {
      for (let i = 0; i < list.length; i += 50)
        await Promise.all(
          list
            .slice(i, i + 50)
            .map((Key) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: new Uint8Array(1) }))),
        );
      for (const k of list) keys.add(k);
    };
    const list = async (server?: S3rver) => {
      const out: string[] = [];
      for await (const k of listKeys(s3, BUCKET, server)) out.push(k);
      return out;
    };
    await put(tricky);
    assert.deepEqual(new Set(await list()), keys);
    await put(Array.from({ length: 1000 }, (_, i) => `a/doc-${String(i).padStart(4, '0')}`));
    await assert.rejects(list(), /more than 1000 objects/);
    const listed = await list(s3rver.server);
    assert.equal(listed.length, keys.size, 'no key twice, none lost');
    assert.deepEqual(new Set(listed), keys);
  });
});
