// Command-line handling that needs no stack: help, usage errors, the "no local stack" message,
// and that `npx archive` resolves to this project's own bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { baseEnv, isOneLineError, ROOT, runCli } from './run-cli';

describe('archive usage', () => {
  const empty = mkdtempSync(join(tmpdir(), 'archive-cli-nostack-'));
  after(() => rmSync(empty, { recursive: true, force: true }));

  test('--help lists every command of the design', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['extract', 'upload', 'query', 'get', 'history', 'text', 'reprocess', 'reconcile'])
      assert.match(r.stdout, new RegExp(`\\n  ${c} `));
  });

  test('no local stack in the data folder: the message says how to start one', async () => {
    const r = await runCli(['query', '--participant', 'putin', '--data-dir', empty]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `archive: no local stack is running for data folder ${empty} — start it with \`npm start\`, or pass --stack NAME\n`,
    );
  });

  test('ARCHIVE_DATA_DIR is the data folder too; a stale endpoints.json (dead pid) is no stack', async () => {
    writeFileSync(
      join(empty, 'endpoints.json'),
      JSON.stringify({
        api: 'http://127.0.0.1:9',
        s3: 'http://127.0.0.1:9',
        dynamodb: 'http://127.0.0.1:9',
        bucket: 'b',
        archiveBucket: 'a',
        table: 't',
        region: 'us-east-1',
        pid: 2 ** 22 + 12345, // above Linux's pid_max default: never a live process
        startedAt: new Date().toISOString(),
      }),
    );
    const r = await runCli(['get', '0123456789abcdef0123'], { env: baseEnv({ ARCHIVE_DATA_DIR: empty }) });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^archive: no local stack is running for data folder .+ — start it with `npm start`/);
  });

  test('a bad date is refused before anything is sent', async () => {
    const r = await runCli(['query', '--from', '2021-13-01', '--data-dir', empty]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'archive: --from must be a date as YYYY-MM-DD\n');
    const feb = await runCli(['query', '--to', '2021-02-29', '--json']);
    assert.equal(feb.stderr, 'archive: --to must be a date as YYYY-MM-DD\n');
  });

  test('unknown options and commands: one line, exit 2', async () => {
    for (const args of [['query', '--bogus'], ['frobnicate'], ['get'], ['reprocess', '--all', 'abc']]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(isOneLineError(r.stderr), `${args.join(' ')}: ${r.stderr}`);
    }
  });

  test("`npx archive` runs this project's bin (no install, no network)", () => {
    const r = spawnSync('npm', ['exec', '--offline', '--', 'archive', '--version'], {
      cwd: ROOT,
      env: baseEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
