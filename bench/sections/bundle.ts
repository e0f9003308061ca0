// The Lambda bundles as deployed: the real CDK app is synthesized (bench/lib/synth-bundles.ts), so the bundles
// are NodejsFunction's own esbuild output with lib/constructs/archive-function.ts's settings, not a copy of
// them. Then: their sizes (and what fills them, from an esbuild metafile of the same settings), the cold import
// time of each bundle in a fresh Node process with the deployed environment (NODE_OPTIONS=--enable-source-maps
// included), and the ingest bundle's first invocation: a fresh process imports it with its AWS endpoints
// pointing at s3rver + dynalite and handles one SQS-wrapped S3 event for the seed document.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { documentId } from '../../lambdas/core/ids';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import { ensureTable } from '../../lambdas/store/provision';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynalite, startS3rver } from '../../lib/local/emulators';
import { s3Notification, sqsEvent } from '../../test/support/events';
import { type Log, runSection } from '../lib/section';
import { median, round } from '../lib/stats';

const ROOT = resolve(import.meta.dirname, '../..');
/** Mirror of lib/constructs/archive-function.ts's ESM_REQUIRE_BANNER, used only for the metafile analysis. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __archiveCreateRequire } from 'node:module'; const require = __archiveCreateRequire(import.meta.url);";
/** Mirror of the NodejsFunction bundling options in lib/constructs/archive-function.ts (for the analysis builds). */
const MIRRORED_OPTIONS = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'error' as const,
};

type Bundle = { logicalId: string; dir: string; memoryMb?: number; environment: Record<string, string> };
type Synth = { stack: string; ms: number; ingest: Bundle; query: Bundle };

/** Placeholder values for the environment entries that are CloudFormation references in the template. */
const PLACEHOLDERS = {
  TABLE_NAME: 'meeting-archive',
  ARCHIVE_BUCKET: 'meeting-archive-archive',
  CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:cursor-key',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
};

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_NO_WARNINGS: '1' });

function synthesize(outdir: string): Synth & { source: string } {
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/lib/synth-bundles.ts'), outdir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DOCKER: 'false', NODE_NO_WARNINGS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = out.stdout.trim().split('\n').at(-1) ?? '';
  if (out.status === 0 && line.startsWith('{')) return { ...(JSON.parse(line) as Synth), source: 'cdk synth' };
  throw new Error(`cdk synth failed (status ${out.status}): ${out.stderr.slice(-2000)}`);
}

/** What fills a bundle: bytes in the output per package (esbuild metafile, the mirrored settings). */
async function contributors(entry: string) {
  const result = await build({
    ...MIRRORED_OPTIONS,
    entryPoints: [entry],
    outfile: '/tmp/index.mjs',
    write: false,
    metafile: true,
  });
  const output = Object.entries(result.metafile.outputs).find(([k]) => k.endsWith('.mjs'))?.[1];
  if (!output) throw new Error('no output in the metafile');
  const byPackage = new Map<string, number>();
  for (const [file, v] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.split('/').slice(0, 3).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + v.bytesInOutput);
  }
  return {
    bytes: output.bytes,
    top: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, bytes]) => ({ name, bytes })),
  };
}

const IMPORT_SCRIPT =
  "const t = performance.now(); await import(process.env.BENCH_MODULE); process.stdout.write('\\n' + (performance.now() - t));";

/** Milliseconds to import `file` in a fresh Node process (and the whole process's wall time). */
const coldImport = (file: string, env: Record<string, string>) =>
  new Promise<{ importMs: number; processMs: number }>((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], {
      env: { ...baseEnv(), ...env, BENCH_MODULE: pathToFileURL(file).href },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const importMs = Number(stdout.trim().split('\n').at(-1));
      if (code !== 0 || !Number.isFinite(importMs))
        reject(new Error(`import of ${file} failed: ${stderr.slice(-1000)}`));
      else resolvePromise({ importMs, processMs: performance.now() - started });
    });
  });

const FIRST_INVOCATION_SCRIPT = `
import { readFileSync, writeFileSync } from 'node:fs';
const events = JSON.parse(readFileSync(process.env.BENCH_EVENTS, 'utf8'));
const t0 = performance.now();
const { handler } = await import(process.env.BENCH_MODULE);
const t1 = performance.now();
const first = await handler(events[0], {});
const t2 = performance.now();
const warm = await handler(events[1], {});
const t3 = performance.now();
writeFileSync(process.env.BENCH_RESULT, JSON.stringify({
  importMs: t1 - t0, firstMs: t2 - t1, warmMs: t3 - t2,
  failures: first.batchItemFailures.length + warm.batchItemFailures.length,
}));
`;

const runNode = (script: string, env: Record<string, string>) =>
  new Promise<void>((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(stderr.slice(-2000)))));
  });

async function firstInvocations(ingest: Bundle, runs: number, log: Log) {
  const dynamo = await startDynalite();
  const s3rver = await startS3rver({ buckets: ['drop', 'archive'] });
  const clientOptions = {
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3rver.endpoint,
  };
  const ddb = makeDynamoClient(clientOptions);
  const s3 = makeS3Client(clientOptions);
  const work = mkdtempSync(join(tmpdir(), 'bench-first-'));
  try {
    await ensureTable(ddb, 'archive');
    const store = new DocumentStore({
      ddb,
      tableName: 'archive',
      archive: new ArchiveBucket(s3, 'archive'),
      cursorKey: 'x',
    });
    const upload = async (key: string, file: string) => {
      const body = readFileSync(join(ROOT, 'samples', file));
      await s3.send(
        new PutObjectCommand({ Bucket: 'drop', Key: key, Body: body, ContentType: 'text/plain; charset=utf-8' }),
      );
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'drop', Key: key }));
      const eTag = (head.ETag ?? '').replace(/"/g, '');
      const sequencer = `${Date.now().toString(16).toUpperCase().padStart(12, '0')}${eTag.slice(0, 8).toUpperCase()}`;
      return sqsEvent([JSON.stringify(s3Notification([{ bucket: 'drop', key, size: body.length, eTag, sequencer }]))]);
    };
    const results: { importMs: number; firstMs: number; warmMs: number; failures: number; stored: boolean }[] = [];
    for (let i = 0; i < runs; i++) {
      const seedKey = `first-invocation/run-${i}/sco-summit-2021.txt`;
      const events = [
        await upload(seedKey, 'sco-summit-2021.txt'),
        await upload(`first-invocation/run-${i}/galway.txt`, 'city-council-galway.txt'),
      ];
      const eventsFile = join(work, `events-${i}.json`);
      const resultFile = join(work, `result-${i}.json`);
      writeFileSync(eventsFile, JSON.stringify(events));
      await runNode(FIRST_INVOCATION_SCRIPT, {
        ...ingest.environment,
        ...PLACEHOLDERS,
        TABLE_NAME: 'archive',
        ARCHIVE_BUCKET: 'archive',
        AWS_ENDPOINT_URL_S3: s3rver.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        BENCH_MODULE: pathToFileURL(join(ingest.dir, 'index.mjs')).href,
        BENCH_EVENTS: eventsFile,
        BENCH_RESULT: resultFile,
      });
      const r = JSON.parse(readFileSync(resultFile, 'utf8'));
      const stored = (await store.getLatest(documentId(seedKey)))?.status === 'processed';
      results.push({ ...r, stored });
    }
    log(`first invocation: ${results.filter((r) => r.stored && r.failures === 0).length}/${runs} runs stored the seed`);
    return {
      runs,
      against:
        's3rver + dynalite (in the bench process), endpoints via AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_DYNAMODB',
      importMs: round(median(results.map((r) => r.importMs))),
      firstInvocationMs: round(median(results.map((r) => r.firstMs))),
      importPlusFirstMs: round(median(results.map((r) => r.importMs + r.firstMs))),
      warmInvocationMs: round(median(results.map((r) => r.warmMs))),
      ok: results.every((r) => r.stored && r.failures === 0),
    };
  } finally {
    ddb.destroy();
    s3.destroy();
    await s3rver.close();
    await dynamo.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Cold import of a part of the ingest code alone (mirrored settings): where the import time goes. */
async function partImport(name: string, source: string, dir: string, runs: number) {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    ...MIRRORED_OPTIONS,
    sourcemap: false,
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    outfile,
  });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await coldImport(outfile, PLACEHOLDERS)).importMs);
  return { bytes: statSync(outfile).size, coldImportMs: round(median(times)) };
}

await runSection('bundle', async (args, log) => {
  const runs = args.quick ? 10 : 15;
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  try {
    const synth = synthesize(outdir);
    log(`synthesized ${synth.stack} with bundling in ${synth.ms} ms`);
    const sizes = (b: Bundle) => {
      const code = readFileSync(join(b.dir, 'index.mjs'));
      const map = readFileSync(join(b.dir, 'index.mjs.map'));
      return {
        bytes: code.length,
        sourceMapBytes: map.length,
        // The deployment package is the zip of the asset folder (bundle + source map).
        zipBytesApprox: deflateRawSync(code, { level: 9 }).length + deflateRawSync(map, { level: 9 }).length,
      };
    };
    const ingestSizes = sizes(synth.ingest);
    const querySizes = sizes(synth.query);
    const [ingestContent, queryContent] = await Promise.all([
      contributors(join(ROOT, 'lambdas/ingest/handler.ts')),
      contributors(join(ROOT, 'lambdas/query/handler.ts')),
    ]);

    // Cold imports, round-robin over the four variants so that machine noise spreads evenly.
    const variants = {
      ingest: { file: join(synth.ingest.dir, 'index.mjs'), env: { ...synth.ingest.environment, ...PLACEHOLDERS } },
      ingestNoSourceMaps: {
        file: join(synth.ingest.dir, 'index.mjs'),
        env: { ...synth.ingest.environment, ...PLACEHOLDERS, NODE_OPTIONS: '' },
      },
      query: { file: join(synth.query.dir, 'index.mjs'), env: { ...synth.query.environment, ...PLACEHOLDERS } },
      queryNoSourceMaps: {
        file: join(synth.query.dir, 'index.mjs'),
        env: { ...synth.query.environment, ...PLACEHOLDERS, NODE_OPTIONS: '' },
      },
    };
    const times: Record<keyof typeof variants, { importMs: number; processMs: number }[]> = {
      ingest: [],
      ingestNoSourceMaps: [],
      query: [],
      queryNoSourceMaps: [],
    };
    for (const v of Object.values(variants)) await coldImport(v.file, v.env); // page cache warm
    for (let i = 0; i < runs; i++)
      for (const [name, v] of Object.entries(variants))
        times[name as keyof typeof variants].push(await coldImport(v.file, v.env));
    const med = (name: keyof typeof variants) => round(median(times[name].map((t) => t.importMs)));
    log(`cold import (median of ${runs}): ingest ${med('ingest')} ms, query ${med('query')} ms`);

    // Where the ingest import time goes: each part bundled alone (shared dependencies count in each).
    const partsDir = join(outdir, 'parts');
    mkdirSync(partsDir);
    const partRuns = 10;
    // Skipped in --quick runs (about 20 s).
    const parts = args.quick
      ? null
      : {
          extract: await partImport('extract', "export * from './lambdas/core/extract';", partsDir, partRuns),
          // The country tables alone (also all the query function needs, for normalizeCountry).
          extractCountries: await partImport(
            'countries',
            "export * from './lambdas/core/extract/countries';",
            partsDir,
            partRuns,
          ),
          normalize: await partImport('normalize', "export * from './lambdas/core/normalize';", partsDir, partRuns),
          recordSchema: await partImport('record', "export * from './lambdas/core/record';", partsDir, partRuns),
          storeAndSdk: await partImport(
            'store',
            "export * from './lambdas/store/document-store'; export * from './lambdas/store/clients';",
            partsDir,
            partRuns,
          ),
          powertools: await partImport(
            'powertools',
            "export * from '@aws-lambda-powertools/batch'; export * from '@aws-lambda-powertools/logger'; export * from '@aws-lambda-powertools/metrics';",
            partsDir,
            partRuns,
          ),
        };

    const first = await firstInvocations(synth.ingest, args.quick ? 2 : 7, log);
    return {
      source: `${synth.source} (NodejsFunction's esbuild, settings of lib/constructs/archive-function.ts)`,
      node: process.version,
      ingestBytes: ingestSizes.bytes,
      queryBytes: querySizes.bytes,
      coldImportMs: med('ingest'),
      ingest: {
        ...ingestSizes,
        memoryMb: synth.ingest.memoryMb,
        nodeOptions: synth.ingest.environment.NODE_OPTIONS ?? '',
        coldImportMs: med('ingest'),
        coldImportP95Ms: round(
          [...times.ingest.map((t) => t.importMs)].sort((a, b) => a - b)[Math.floor(0.95 * (runs - 1))],
        ),
        coldImportNoSourceMapsMs: med('ingestNoSourceMaps'),
        freshProcessMs: round(median(times.ingest.map((t) => t.processMs))),
        metafileBytes: ingestContent.bytes,
        top: ingestContent.top,
        firstInvocation: first,
      },
      query: {
        ...querySizes,
        memoryMb: synth.query.memoryMb,
        coldImportMs: med('query'),
        coldImportNoSourceMapsMs: med('queryNoSourceMaps'),
        freshProcessMs: round(median(times.query.map((t) => t.processMs))),
        metafileBytes: queryContent.bytes,
        top: queryContent.top,
        firstInvocation:
          'not measured: the handler fetches its cursor key from Secrets Manager, which has no local emulator here',
      },
      ingestParts: {
        note: 'each part bundled alone and imported cold, without source maps; shared dependencies count in each',
        ...parts,
      },
      coldImportRuns: runs,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
