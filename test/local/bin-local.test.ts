// `npm start` as a child process: its own start-up path from an empty data folder, a clean
// Ctrl-C, and a SIGKILL right after uploads that S3 accepted but ingestion had not finished,
// after which a restart ingests every one of them (reconcile).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { documentId } from '../../lambdas/core/ids';
import {
  endpointsFile,
  isRunning,
  LOCAL_DROP_BUCKET,
  type LocalEndpoints,
  readEndpoints,
} from '../../lib/local/endpoints';
import { type LocalStack, sampleFiles, startLocalStack } from '../../lib/local/local-stack';
import { get, put, removeDir, SAMPLES, SEED, s3For, tempDataDir, waitFor } from './helpers';

const ROOT = join(import.meta.dirname, '../..');

type Child = { child: ChildProcess; output: () => string; exited: Promise<number | string> };

const children: ChildProcess[] = [];
const dirs: string[] = [];

const startChild = (args: string[]): Child => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => out, exited };
};

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref()),
  ]);

const ready = async (c: Child, dir: string): Promise<LocalEndpoints> => {
  await waitFor(
    'the "ready" line',
    () => {
      if (c.child.exitCode !== null) throw new Error(`exited early:\n${c.output()}`);
      return /local stack ready in \d+ ms/.test(c.output()) ? true : undefined;
    },
    90_000,
  );
  const e = readEndpoints(dir);
  assert.ok(e, 'endpoints.json is written');
  assert.equal(e.pid, c.child.pid);
  return e;
};

describe('npm start (bin/local.ts) as a child process', () => {
  let stack: LocalStack | undefined;
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await stack?.stop();
    for (const d of dirs) removeDir(d);
  });

  it('starts from an empty data folder, ingests the samples, and stops cleanly on Ctrl-C', {
    timeout: 180_000,
  }, async () => {
    const parent = tempDataDir();
    dirs.push(parent);
    const dir = join(parent, 'fresh'); // does not exist yet
    const c = startChild(['--data-dir', dir, '--port', '0', '--s3-port', '0']);
    const e = await ready(c, dir);
    for (const line of ['npx archive query --participant putin', 'npx archive upload path/to/report.md', 'S3RVER'])
      assert.ok(c.output().includes(line), `prints ${line}`);
    assert.ok(c.output().includes(`curl '${e.api}/documents?participant=putin'`));
    assert.ok(c.output().includes(`aws --endpoint-url ${e.s3} s3 cp report.md s3://${LOCAL_DROP_BUCKET}/`));
    const seed = await waitFor(
      'the seed sample to be queryable',
      async () => {
        const r = await get(e.api, '/documents?participant=putin');
        return r.body.items?.find((d: { source: { key: string } }) => d.source.key === `samples/${SEED}`);
      },
      90_000,
    );
    assert.equal(seed.status, 'processed');
    await waitFor('all samples', async () => {
      const r = await get(e.api, '/documents?limit=100');
      return r.body.items.length === sampleFiles(SAMPLES).length ? true : undefined;
    });

    c.child.kill('SIGINT');
    assert.equal(await withTimeout(c.exited, 30_000, 'exit after SIGINT'), 0, c.output());
    assert.match(c.output(), /SIGINT: stopping[\s\S]*stopped/);
    assert.equal(existsSync(endpointsFile(dir)), false, 'endpoints.json removed');
  });

  it('loses no upload that S3 accepted before a SIGKILL: the next start ingests them', {
    timeout: 180_000,
  }, async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const c = startChild(['--data-dir', dir, '--port', '0', '--s3-port', '0', '--no-samples']);
    const e = await ready(c, dir);
    const s3 = s3For(e);
    const files = sampleFiles(SAMPLES);
    const keys = Array.from({ length: 20 }, (_, i) => `crash/${String(i).padStart(2, '0')} ${files[i % files.length]}`);
    try {
      await Promise.all(
        keys.map((key, i) =>
          put(
            s3,
            LOCAL_DROP_BUCKET,
            key,
            `${readFileSync(join(SAMPLES, files[i % files.length]), 'utf8')}\n\nCopy ${i}.\n`,
          ),
        ),
      );
    } finally {
      c.child.kill('SIGKILL');
      s3.destroy();
    }
    assert.equal(await withTimeout(c.exited, 10_000, 'exit after SIGKILL'), 'SIGKILL');
    const stale = readEndpoints(dir);
    assert.ok(stale && !isRunning(stale), 'a stale endpoints.json is left behind, naming a dead process');

    stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    assert.equal(stack.startup.reconcile.objects, keys.length);
    assert.ok(stack.startup.reconcile.missing > 0, 'some uploads were not ingested before the kill');
    console.log(`# after SIGKILL: ${stack.startup.reconcile.missing} of ${keys.length} uploads had no record`);
    await stack.whenIdle();
    for (const key of keys) {
      const r = await get(stack.endpoints.api, `/documents/${documentId(key)}`);
      assert.equal(r.status, 200, key);
      assert.equal(r.body.source.key, key);
      assert.equal(r.body.version, 1);
    }
    assert.deepEqual(stack.deadLetters(), []);
  });
});
