// Security properties of the running code (the template's are in test/infra/security-checks.ts):
// what the ingest path writes to its logs, and where the local stack listens.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { documentId } from '../../lambdas/core/ids';
import { createIngestHandler } from '../../lambdas/ingest/ingest';
import { startDynalite } from '../../lib/local/emulators';
import { startLocalStack } from '../../lib/local/local-stack';
import { removeDir, tempDataDir } from '../local/helpers';
import { flakyGetObject } from './faults';
import { driveLikeSqs } from './sqs-driver';
import { openWorld, type World } from './world';

const SEED = readFileSync('samples/sco-summit-2021.txt', 'utf8');

/** Captures every byte written to stdout and stderr while `fn` runs. */
const captureOutput = async (fn: () => Promise<unknown>): Promise<string> => {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write.bind(s));
  for (const s of streams) {
    s.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    }) as typeof s.write;
  }
  try {
    await fn();
  } finally {
    streams.forEach((s, i) => {
      s.write = originals[i];
    });
  }
  return chunks.join('');
};

describe('logs of the ingest path', () => {
  let w: World;
  before(async () => {
    w = await openWorld(await startDynalite());
  });
  after(async () => {
    await w?.close();
  });

  it('never contain the document’s text, at DEBUG level, on success, retry and rejection', async () => {
    const key = 'security/sco-summit-2021.txt';
    const good = w.message(await w.upload(key, SEED));
    const rejectedKey = 'security/binary.txt';
    const rejected = w.message(await w.upload(rejectedKey, `${SEED}\u0000`)); // rejected: NUL bytes
    // The first read of the seed fails: the retry path logs too.
    const flaky = flakyGetObject(w.s3, (_key, n) => (n === 0 ? 'internal-error' : null));
    const previousMetrics = process.env.POWERTOOLS_METRICS_DISABLED;
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const output = await captureOutput(async () => {
      const handler = createIngestHandler({
        ...w.deps({ s3: flaky.client }),
        logger: new Logger({ serviceName: 'ingest', logLevel: 'DEBUG' }),
        metrics: new Metrics({ namespace: 'MeetingArchiveTest', serviceName: 'ingest' }),
      });
      const result = await driveLikeSqs(handler, [good, rejected]);
      assert.deepEqual(result.deadLetters, []);
    });
    process.env.POWERTOOLS_METRICS_DISABLED = previousMetrics;
    assert.equal((await w.store().getLatest(documentId(key)))?.status, 'processed');
    assert.equal((await w.store().getLatest(documentId(rejectedKey)))?.status, 'rejected');

    const lines = output.split('\n').filter((l) => l.trim());
    assert.ok(
      lines.some((l) => l.includes('upload stored')),
      'the ingest logged its work',
    );
    assert.ok(
      lines.some((l) => l.includes('will be retried')),
      'and the retry',
    );
    assert.ok(
      lines.some((l) => l.includes('"_aws"')),
      'and its metrics',
    );
    // Every sentence of 60+ characters, and every 40-character window of the text, stays out of the logs.
    const text = SEED.replace(/\s+/g, ' ');
    const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 60);
    assert.ok(sentences.length > 20, `${sentences.length} long sentences`);
    for (const s of sentences)
      for (const l of lines)
        assert.ok(!l.includes(s.slice(0, 60)), `a log line contains document text: ${l.slice(0, 200)}`);
    const flat = lines.join(' ').replace(/\s+/g, ' ');
    for (let i = 0; i + 40 <= text.length; i += 20)
      assert.ok(!flat.includes(text.slice(i, i + 40)), `the logs contain ${JSON.stringify(text.slice(i, i + 40))}`);
  });
});

/** LISTEN sockets of this machine (Linux /proc/net/tcp{,6}) on `port`: their local addresses. */
const listeners = (port: number): string[] => {
  const out: string[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const row of table.split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A: LISTEN
      const [hexAddress, hexPort] = cols[1].split(':');
      if (Number.parseInt(hexPort, 16) !== port) continue;
      if (!v6) {
        const bytes = hexAddress
          .match(/../g)!
          .map((b) => Number.parseInt(b, 16))
          .reverse();
        out.push(bytes.join('.'));
      } else
        out.push(
          hexAddress === '0'.repeat(32) ? '::' : hexAddress === '00000000000000000000000001000000' ? '::1' : hexAddress,
        );
    }
  }
  return out;
};

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(true));
  });

describe('the local stack', () => {
  it('listens on 127.0.0.1 only: query API, S3 and DynamoDB', async () => {
    const dir = tempDataDir();
    const stack = await startLocalStack({ dataDir: dir, port: 0, s3Port: 0, ingestSamples: false });
    try {
      const ports = [stack.endpoints.api, stack.endpoints.s3, stack.endpoints.dynamodb].map((u) => {
        const url = new URL(u);
        assert.equal(url.hostname, '127.0.0.1', u);
        return Number(url.port);
      });
      for (const port of ports) {
        if (existsSync('/proc/net/tcp'))
          assert.deepEqual(listeners(port), ['127.0.0.1'], `the LISTEN sockets of port ${port}`);
        assert.equal(await refused('127.0.0.1', port), false, `port ${port} answers on 127.0.0.1`);
        for (const nic of Object.values(networkInterfaces()).flat()) {
          if (!nic || nic.internal || nic.address.startsWith('fe80:')) continue;
          assert.ok(await refused(nic.address, port), `port ${port} answers on ${nic.address}`);
        }
      }
    } finally {
      await stack.stop();
      removeDir(dir);
    }
  });
});
