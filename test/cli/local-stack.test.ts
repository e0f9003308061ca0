// The CLI against a real local stack: one stack for the whole file, started in this process
// (s3rver + dynalite, ingesting samples/), each command run as a child process with --data-dir.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentId } from '../../lambdas/core/ids';
import { makeDynamoClient } from '../../lambdas/store/clients';
import { decodeHeadBody, encodeHeadBody } from '../../lambdas/store/document-store';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/emulators';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack';
import { type CliResult, isOneLineError, jsonLines, ROOT, runCli } from './run-cli';

type Rec = {
  id: string;
  version: number;
  status: string;
  title: string | null;
  eventDate: string | null;
  source: { key: string };
  participants: { name: string }[];
};

// The in-process stack's SDK clients would warn that 2027 releases need Node 22 (noise in the test output).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SEED_KEY = 'samples/sco-summit-2021.txt';
const SEED_ID = documentId(SEED_KEY);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('archive against a local stack', () => {
  let dataDir: string;
  let work: string;
  let stack: LocalStack;
  const cli = (...args: string[]): Promise<CliResult> => runCli([...args, '--data-dir', dataDir]);
  const ok = (r: CliResult) => {
    assert.equal(r.code, 0, `exit ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`);
    return r;
  };
  /** Poll `get ID --json` until the document exists (bounded). */
  const waitForDocument = async (id: string, predicate: (r: Rec) => boolean = () => true): Promise<Rec> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await cli('get', id, '--json');
      if (r.code === 0) {
        const [rec] = jsonLines<Rec>(r.stdout);
        if (predicate(rec)) return rec;
      } else assert.match(r.stderr, /no document with id/);
      if (Date.now() > deadline) throw new Error(`document ${id} did not appear within 30 s: ${r.stderr}`);
      await sleep(250);
    }
  };
  const ddb = () =>
    makeDynamoClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      dynamoEndpoint: stack.endpoints.dynamodb,
    });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'archive-cli-stack-'));
    work = mkdtempSync(join(tmpdir(), 'archive-cli-files-'));
    stack = await startLocalStack({ dataDir, port: 0, s3Port: 0, ingestSamples: true });
    await stack.whenIdle();
  });

  after(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test('query --participant putin --json lists the seed, JSON Lines only', async () => {
    const r = ok(await cli('query', '--participant', 'putin', '--json'));
    assert.equal(r.stderr, '');
    const records = jsonLines<Rec>(r.stdout);
    const seed = records.find((x) => x.id === SEED_ID);
    assert.ok(seed, `the seed is among ${records.map((x) => x.source.key).join(', ')}`);
    assert.equal(seed.source.key, SEED_KEY);
    assert.ok(seed.participants.some((p) => /Putin/.test(p.name)));
  });

  test('query --from --to: a readable table with the seed', async () => {
    const r = ok(await cli('query', '--from', '2021-09-01', '--to', '2021-09-30'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^DATE\s+TITLE\s+PEOPLE\s+COUNTRIES\s+ID$/);
    const row = lines.find((l) => l.endsWith(SEED_ID));
    assert.ok(row, r.stdout);
    assert.match(row, /^2021-09-\d\d /);
  });

  test('query --all --json follows cursors (page size 1)', async () => {
    const all = jsonLines<Rec>(ok(await cli('query', '--all', '--limit', '1', '--json')).stdout);
    const first = ok(await cli('query', '--limit', '1', '--json'));
    assert.equal(jsonLines(first.stdout).length, 1);
    assert.match(first.stderr, /more documents match; pass --all/);
    assert.ok(all.length >= 5, `samples are processed documents: got ${all.length}`);
    assert.equal(new Set(all.map((x) => x.id)).size, all.length, 'no document twice');
  });

  test('get ID --json, get ID, history ID, text ID', async () => {
    const [rec] = jsonLines<Rec>(ok(await cli('get', SEED_ID, '--json')).stdout);
    assert.equal(rec.id, SEED_ID);
    assert.equal(rec.status, 'processed');

    const human = ok(await cli('get', SEED_ID));
    assert.match(human.stdout, new RegExp(`^${SEED_KEY}\\n  id\\s+${SEED_ID} \\(version 1\\)`));
    assert.match(human.stdout, /participants\s+\d+/);

    const history = ok(await cli('history', SEED_ID));
    const [head, v1] = history.stdout.trimEnd().split('\n');
    assert.match(head, /^VERSION\s+STATUS\s+UPLOADED\s+SHA256\s+TITLE$/);
    assert.match(v1, /^1\s+processed\s+\d{4}-\d\d-\d\dT[\d:.]+Z\s+[0-9a-f]{12}\s/);
    const versions = jsonLines<{ version: number }>(ok(await cli('history', SEED_ID, '--json')).stdout);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1],
    );

    const text = ok(await cli('text', SEED_ID));
    assert.match(text.stdout, /Putin/);
    assert.doesNotMatch(text.stdout, /Leave a Reply/);
  });

  test('get --version N, and a version that does not exist', async () => {
    const [rec] = jsonLines<Rec>(ok(await cli('get', SEED_ID, '--version', '1', '--json')).stdout);
    assert.equal(rec.version, 1);
    const r = await cli('get', SEED_ID, '--version', '7');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `archive: document "${SEED_ID}" has no version 7\n`);
  });

  test("errors: a bad date, an unknown id (the API's 404 message)", async () => {
    const bad = await cli('query', '--from', '2021-13-01');
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'archive: --from must be a date as YYYY-MM-DD\n');

    const missing = await cli('get', '0000000000000000000f');
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'archive: no document with id "0000000000000000000f"\n');
    assert.ok(isOneLineError(missing.stderr));
  });

  test('upload --json: one line per file with its id; the stack ingests it; query finds it', async () => {
    // A key with a space, '+' and non-ASCII: S3 event keys are URL-encoded on the way to ingest.
    const file = join(work, 'sco copy+1 é.txt');
    copyFileSync(join(ROOT, SEED_KEY), file);
    const r = ok(await cli('upload', file, '--prefix', 'cli-test/', '--json'));
    const lines = jsonLines<{ file: string; key: string; id: string }>(r.stdout);
    assert.deepEqual(lines, [{ file, key: 'cli-test/sco copy+1 é.txt', id: documentId('cli-test/sco copy+1 é.txt') }]);
    assert.match(r.stderr, /^uploaded 1 file \([\d.]+ KB\) to meeting-archive-drop\n$/);

    const rec = await waitForDocument(lines[0].id);
    assert.equal(rec.source.key, 'cli-test/sco copy+1 é.txt');
    const found = jsonLines<Rec>(ok(await cli('query', '--participant', 'putin', '--json', '--all')).stdout);
    assert.ok(found.some((x) => x.id === lines[0].id));
    assert.ok(found.some((x) => x.id === SEED_ID));
  });

  test('upload a folder: keys relative to it, dotfiles skipped, a summary line', async () => {
    const dir = join(work, 'batch');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(dir, '.hidden'), { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'Minutes. The committee met on 3 May 2022 in Galway.\n');
    writeFileSync(join(dir, 'sub', 'b.md'), '# Notes\n\nThe board met on 4 May 2022.\n');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    writeFileSync(join(dir, '.hidden', 'c.txt'), 'x');
    const r = ok(await cli('upload', dir, '--prefix', 'batch/'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    assert.match(lines[0], new RegExp(`a\\.txt → batch/a\\.txt  \\(id ${documentId('batch/a.txt')}\\)$`));
    assert.match(lines[1], / → batch\/sub\/b\.md {2}\(id [0-9a-f]{20}\)$/);
    assert.match(lines[2], /^uploaded 2 files \(\d+ B\) to meeting-archive-drop$/);
    await waitForDocument(documentId('batch/sub/b.md'));
  });

  test('reprocess ID re-extracts every version; a changed stored record is counted and repaired', async () => {
    // Extracted by the current extractor already: nothing to do unless forced.
    const current = ok(await cli('reprocess', SEED_ID));
    assert.match(current.stdout, new RegExp(`^current {3}${SEED_ID} v1  ${SEED_KEY}: already extracted by `));
    assert.match(
      current.stdout,
      /\nreprocessed 1 document: 0 versions re-extracted, 0 changed, 1 skipped as current \(extractor [^;]+; --force re-extracts them\)\n$/,
    );
    const same = ok(await cli('reprocess', SEED_ID, '--force'));
    assert.match(same.stdout, new RegExp(`^unchanged ${SEED_ID} v1  ${SEED_KEY}\\n`));
    assert.match(same.stdout, /\nreprocessed 1 document: 1 version re-extracted, 0 changed\n$/);

    // What an extractor upgrade looks like to the store: the stored record was made by an older
    // extractor and differs from what extraction gives now. Reprocess (unforced) puts it right.
    const client = ddb();
    const got = await client.send(
      new GetCommand({ TableName: stack.endpoints.table, Key: { pk: `DOC#${SEED_ID}`, sk: 'HEAD' } }),
    );
    const head = got.Item as { rev: number; z: Uint8Array };
    const body = decodeHeadBody(head.z);
    const before = body.record;
    body.record = { ...before, title: 'Stale title', extractorVersion: '0.0.1' };
    body.hash = 'stale';
    if (body.first) body.first.recordHash = 'stale';
    await client.send(
      new PutCommand({
        TableName: stack.endpoints.table,
        Item: { pk: `DOC#${SEED_ID}`, sk: 'HEAD', rev: head.rev + 1, z: encodeHeadBody(body) },
      }),
    );
    client.destroy();

    const changed = ok(await cli('reprocess', SEED_ID, '--json'));
    assert.deepEqual(jsonLines(changed.stdout), [{ id: SEED_ID, version: 1, key: SEED_KEY, outcome: 'changed' }]);
    assert.match(changed.stderr, /^reprocessed 1 document: 1 version re-extracted, 1 changed\n$/);
    const [rec] = jsonLines<Rec>(ok(await cli('get', SEED_ID, '--json')).stdout);
    assert.equal(rec.title, before.title);
  });

  test('reprocess: an older version whose bytes were overwritten (s3rver keeps no versions) is skipped', async () => {
    const dir = join(work, 'versions');
    mkdirSync(dir);
    const file = join(dir, 'minutes.txt');
    const id = documentId('v/minutes.txt');
    writeFileSync(file, 'Minutes. The council met on 3 May 2022 in Galway. Mayor Jane Byrne chaired.\n');
    ok(await cli('upload', file, '--prefix', 'v/'));
    await waitForDocument(id);
    writeFileSync(file, 'Minutes. The council met on 10 May 2022 in Galway. Mayor Jane Byrne chaired again.\n');
    ok(await cli('upload', file, '--prefix', 'v/'));
    await waitForDocument(id, (r) => r.version === 2);

    const r = ok(await cli('reprocess', id, '--force'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(
      lines[0],
      new RegExp(`^skipped {3}${id} v1  v/minutes.txt: the drop bucket holds newer bytes under this key$`),
    );
    assert.match(lines[1], new RegExp(`^unchanged ${id} v2  v/minutes.txt$`));
    assert.equal(lines[2], 'reprocessed 1 document: 1 version re-extracted, 0 changed, 1 skipped');
  });

  test('reprocess with an unknown id: reported, non-zero', async () => {
    const r = await cli('reprocess', 'ffffffffffffffffffff');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'archive: no document with id "ffffffffffffffffffff"\n');
  });

  test('reconcile: nothing missing on a consistent store; the uploads whose items are gone come back', async () => {
    await stack.whenIdle();
    const clean = ok(await cli('reconcile'));
    assert.match(clean.stdout, /^checked \d+ uploads in meeting-archive-drop: 0 missing, 0 ingested\n$/);

    // Lose the records of two documents entirely (every item of their partitions), as if their
    // uploads had reached S3 and never been ingested.
    const lost = [documentId('batch/a.txt'), documentId('samples/city-council-galway.txt')];
    const client = ddb();
    for (const id of lost) {
      const items = await client.send(
        new QueryCommand({
          TableName: stack.endpoints.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `DOC#${id}` },
          ProjectionExpression: 'pk, sk',
        }),
      );
      const keys = items.Items ?? [];
      assert.ok(keys.length > 0);
      for (let i = 0; i < keys.length; i += 25) {
        const out = await client.send(
          new BatchWriteCommand({
            RequestItems: { [stack.endpoints.table]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) },
          }),
        );
        assert.equal(Object.keys(out.UnprocessedItems ?? {}).length, 0);
      }
    }
    client.destroy();
    for (const id of lost) assert.equal((await cli('get', id)).code, 1);

    const dry = ok(await cli('reconcile', '--dry-run', '--json'));
    assert.deepEqual(
      jsonLines<{ id: string }>(dry.stdout)
        .map((l) => l.id)
        .sort(),
      [...lost].sort(),
    );

    const r = ok(await cli('reconcile', '--json'));
    const lines = jsonLines<{ id: string; key: string; outcome: string; version: number }>(r.stdout);
    assert.deepEqual(lines.map((l) => l.id).sort(), [...lost].sort());
    for (const l of lines) {
      assert.equal(l.outcome, 'created');
      assert.equal(l.version, 1);
    }
    assert.match(r.stderr, /^checked \d+ uploads in meeting-archive-drop: 2 missing, 2 ingested\n$/);
    for (const id of lost) assert.equal((await waitForDocument(id)).id, id);

    const again = ok(await cli('reconcile'));
    assert.match(again.stdout, /: 0 missing, 0 ingested\n$/);
  });

  test('reprocess --all covers every document', async () => {
    const r = ok(await cli('reprocess', '--all', '--force'));
    const summary = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    const m = summary.match(/^reprocessed (\d+) documents: (\d+) versions re-extracted, 0 changed, 1 skipped$/);
    assert.ok(m, summary);
    const all = jsonLines<Rec>(ok(await cli('query', '--all', '--json')).stdout);
    const rejected = jsonLines<Rec>(ok(await cli('query', '--all', '--json', '--status', 'rejected')).stdout);
    assert.equal(Number(m[1]), all.length + rejected.length);
  });
});
