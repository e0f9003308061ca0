// `archive extract`: offline, no stack. The real CLI as a child process.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isOneLineError, jsonLines, runCli } from './run-cli';

describe('archive extract (offline)', () => {
  test('--json prints exactly one line: the seed record, processed, with participants', async () => {
    const r = await runCli(['extract', 'samples/sco-summit-2021.txt', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 2, 'one line, then the final newline');
    assert.equal(lines[1], '');
    const [record] = jsonLines<{
      status: string;
      participants: { name: string }[];
      source: { key: string; bucket: string };
    }>(r.stdout);
    assert.equal(record.status, 'processed');
    assert.ok(record.participants.length > 0);
    assert.ok(record.participants.some((p) => /Putin/.test(p.name)));
    assert.equal(record.source.key, 'samples/sco-summit-2021.txt');
    assert.equal(record.source.bucket, 'local');
  });

  test('--text prints the normalized text, without the footer boilerplate', async () => {
    const r = await runCli(['extract', 'samples/sco-summit-2021.txt', '--text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Putin/);
    assert.doesNotMatch(r.stdout, /Leave a Reply/);
  });

  test('the default output is a readable summary', async () => {
    const r = await runCli(['extract', 'samples/sco-summit-2021.txt', 'samples/gov-readout-baltic-sea-ministerial.md']);
    assert.equal(r.code, 0, r.stderr);
    for (const label of [
      'samples/sco-summit-2021.txt',
      'samples/gov-readout-baltic-sea-ministerial.md',
      'participants',
      'countries',
      'location',
    ])
      assert.match(r.stdout, new RegExp(label.replace(/[.]/g, '\\.')));
  });

  test('a missing file: non-zero, one line on stderr, nothing on stdout', async () => {
    const r = await runCli(['extract', 'missing.txt', '--json']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'archive: cannot read missing.txt: no such file\n');
    assert.ok(isOneLineError(r.stderr));
  });

  test('--json and --text together are a usage error', async () => {
    const r = await runCli(['extract', 'samples/sco-summit-2021.txt', '--json', '--text']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.ok(isOneLineError(r.stderr), r.stderr);
  });
});
