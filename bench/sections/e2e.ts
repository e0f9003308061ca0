// End to end on the embedded local stack (lib/local/local-stack.ts, what `npm start` runs): N synthetic reports
// are PUT through the S3 API into the drop bucket; s3rver's events become SQS-shaped messages for the real
// ingest handler; the clock stops when the queue is idle and every document's id answers
// GET /documents/{id} with 200 on the local query API. Documents per second = N / that time. The section runs
// in its own process, so process.resourceUsage().maxRSS is the peak of this run (emulators, handler and the
// bench's own client together, as `npm start` would hold them), and RSS is also sampled every 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { documentId } from '../../lambdas/core/ids';
import { makeS3Client } from '../../lambdas/store/clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/emulators';
import { startLocalStack } from '../../lib/local/local-stack';
import { generateReports } from '../lib/corpus';
import { runSection } from '../lib/section';
import { median, pool, round, sleep } from '../lib/stats';

await runSection('e2e', async (args, log) => {
  const count = args.quick ? 200 : 1000;
  const docs = generateReports(count, 4242, 'e2e');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
  // Time in the handler's two halves, taken through the stack's own ingestDeps hook.
  const storeMs: number[] = [];
  const s3Calls = new Map<string, number>();
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    s3Port: 0,
    ingestSamples: false,
    ingestDeps: (deps) => {
      const save = deps.store.saveUpload.bind(deps.store);
      deps.store.saveUpload = async (...a) => {
        const t = performance.now();
        try {
          return await save(...a);
        } finally {
          storeMs.push(performance.now() - t);
        }
      };
      const send = deps.s3.send.bind(deps.s3);
      deps.s3.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
        s3Calls.set(command.constructor.name, (s3Calls.get(command.constructor.name) ?? 0) + 1);
        return (send as (...x: unknown[]) => unknown)(command, ...rest);
      }) as typeof deps.s3.send;
      return deps;
    },
  });
  const s3 = makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, s3Endpoint: stack.endpoints.s3 });
  let peakSampled = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, process.memoryUsage.rss());
  }, 50);
  try {
    log(`local stack up in ${stack.startup.ms} ms; uploading ${count} reports`);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await pool(docs, 8, async (d) => {
      await s3.send(
        new PutObjectCommand({ Bucket: stack.endpoints.bucket, Key: d.key, Body: d.bytes, ContentType: d.contentType }),
      );
    });
    const uploaded = performance.now();
    await stack.whenIdle();
    const idle = performance.now();
    // Every id must answer; one that does not yet is asked again (bounded by a deadline).
    let pending = docs.map((d) => documentId(d.key));
    const deadline = Date.now() + 120_000;
    while (pending.length > 0 && Date.now() < deadline) {
      const missing: string[] = [];
      await pool(pending, 8, async (id) => {
        const res = await fetch(`${stack.endpoints.api}/documents/${id}`);
        await res.arrayBuffer();
        if (res.status !== 200) missing.push(id);
      });
      pending = missing;
      if (pending.length > 0) await sleep(100);
    }
    const done = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (done - started) / 1000;
    const bytes = docs.reduce((a, d) => a + d.bytes.length, 0);
    log(`${count} documents queryable in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)} docs/s)`);
    return {
      docs: count,
      docsPerSec: round(count / seconds),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      peakRssSampledMb: round(peakSampled / 1024 / 1024),
      wallSeconds: round(seconds),
      mb: round(bytes / 1e6),
      phases: {
        uploadMs: Math.round(uploaded - started),
        untilIdleMs: Math.round(idle - started),
        verifyMs: Math.round(done - idle),
      },
      notQueryable: pending.length,
      deadLetters: stack.deadLetters().length,
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      cpuShare: round((cpu.user + cpu.system) / 1e3 / (done - started)),
      saveUploadMedianMs: round(median(storeMs)),
      ingestS3CallsPerDoc: Object.fromEntries([...s3Calls].map(([k, v]) => [k, round(v / count)])),
      setup:
        'startLocalStack (s3rver + dynalite + ingest handler + query API in this one Node process); 8 concurrent PUTs; the local queue hands the handler batches of 10, one batch at a time',
    };
  } finally {
    clearInterval(sampler);
    s3.destroy();
    await stack.stop({ drainMs: 1000 });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
