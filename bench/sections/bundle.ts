// The Lambda bundles as deployed: the real CDK app is synthesized (bench/lib/synth-bundles.ts), so the assets are
// the output of lib/bundling.ts's esbuild build (code splitting: index.mjs, plus chunks/ that load lazily) with
// the settings lib/constructs/archive-function.ts uses, not a copy of them. Then, per function:
//   - the bytes a cold start loads: index.mjs and the chunks it imports statically, transitively (the headline
//     "bundle" figure, read from the asset itself), and the whole asset with every lazy chunk;
//   - what fills each part (an esbuild metafile from lib/bundling.ts's own options, cross-checked against the
//     asset's cold-start bytes) and what each lazy format reader adds when its first document arrives;
//   - the cold import time of index.mjs in a fresh Node process with the deployed environment
//     (NODE_OPTIONS=--enable-source-maps included);
//   - the ingest bundle's first invocation: a fresh process imports it with its AWS endpoints pointing at
//     s3rver + dynalite and handles one SQS-wrapped S3 event for the seed document.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { documentId } from '../../lambdas/core/ids';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { DocumentStore } from '../../lambdas/store/document-store';
import { ensureTable } from '../../lambdas/store/provision';
import { bundleOptions, coldStartFiles, ENTRY_FILE } from '../../lib/bundling';
import { startEmulatorPair } from '../../lib/local/emulators';
import { s3Notification, sqsEvent } from '../../test/support/events';
import { type Log, runSection } from '../lib/section';
import { median, round } from '../lib/stats';

const ROOT = resolve(import.meta.dirname, '../..');
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

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

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

const packageOf = (file: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return m ? m[1] : file.split('/').slice(0, 3).join('/');
};
const top = (inputs: Record<string, { bytesInOutput: number }>[], n = 10) => {
  const byPackage = new Map<string, number>();
  for (const map of inputs)
    for (const [file, v] of Object.entries(map))
      byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + v.bytesInOutput);
  return [...byPackage]
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, bytes]) => ({ name, bytes }));
};

/** The normalizer's lazily imported readers: what loading each one adds to a warm container. */
const LAZY_READERS = {
  pdf: 'lambdas/core/normalize/pdf.ts',
  docx: 'lambdas/core/normalize/docx.ts',
  html: 'lambdas/core/normalize/html.ts',
  markdown: 'lambdas/core/normalize/markdown.ts',
  language: 'lambdas/core/normalize/language.ts',
};

/**
 * What fills a bundle: an esbuild metafile from lib/bundling.ts's options (the build the asset came from), split
 * into the cold-start part (the entry and its static imports) and the lazy chunks, bytes per package.
 */
async function contributors(entry: string) {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-meta-'));
  try {
    const result = await build({ ...bundleOptions(entry, outdir), write: false, logLevel: 'error' });
    const outputs = Object.fromEntries(
      Object.entries(result.metafile?.outputs ?? {})
        .filter(([file]) => file.endsWith('.mjs'))
        .map(([file, v]) => [relative(outdir, resolve(file)), v]),
    );
    const closure = (start: string, kinds: string[], exclude = new Set<string>()) => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file) || exclude.has(file) || !outputs[file]) return;
        seen.add(file);
        for (const i of outputs[file].imports) if (kinds.includes(i.kind)) visit(relative(outdir, resolve(i.path)));
      };
      visit(start);
      return seen;
    };
    const eager = closure(ENTRY_FILE, ['import-statement']);
    const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + outputs[f].bytes, 0);
    const lazy = Object.keys(outputs).filter((f) => !eager.has(f));
    const readers = Object.fromEntries(
      Object.entries(LAZY_READERS).map(([name, source]) => {
        const chunk = Object.keys(outputs).find((f) => outputs[f].entryPoint === source);
        if (!chunk) return [name, null];
        // Its chunk, the chunks that chunk imports (statically or, as pdf.js is, dynamically), minus what is loaded.
        const adds = closure(chunk, ['import-statement', 'dynamic-import'], eager);
        return [
          name,
          {
            bytes: sum(adds),
            top: top(
              [...adds].map((f) => outputs[f].inputs),
              4,
            ),
          },
        ];
      }),
    );
    return {
      coldStartBytes: sum(eager),
      totalBytes: sum(Object.keys(outputs)),
      coldStartTop: top([...eager].map((f) => outputs[f].inputs)),
      lazyTop: top(lazy.map((f) => outputs[f].inputs)),
      lazyReaders: readers,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
  const emulators = await startEmulatorPair(['drop', 'archive']);
  const { dynamo, s3rver, ddb, s3 } = emulators;
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
        BENCH_MODULE: pathToFileURL(join(ingest.dir, ENTRY_FILE)).href,
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
    await emulators.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Cold import of a part of the ingest code alone (lib/bundling.ts's options, no source maps): where the import time goes. */
async function partImport(name: string, source: string, dir: string, runs: number) {
  const entry = join(dir, `${name}.ts`);
  const outdir = join(dir, name);
  // Absolute paths, so the part can live outside the project; packages resolve from the project's node_modules.
  writeFileSync(
    entry,
    source.replace(/'\.\/(lambdas\/[^']+)'/g, (_, path) => `'${join(ROOT, path)}'`),
  );
  await build({
    ...bundleOptions(entry, outdir),
    sourcemap: false,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  const file = join(outdir, ENTRY_FILE);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await coldImport(file, PLACEHOLDERS)).importMs);
  return {
    bytes: coldStartFiles(outdir).reduce((n, f) => n + statSync(join(outdir, f)).size, 0),
    coldImportMs: round(median(times)),
  };
}

await runSection('bundle', async (args, log) => {
  const runs = args.quick ? 10 : 15;
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  try {
    const synth = synthesize(outdir);
    log(`synthesized ${synth.stack} with bundling in ${synth.ms} ms`);
    const sizes = (b: Bundle) => {
      const files = (readdirSync(b.dir, { recursive: true }) as string[]).filter((f) =>
        statSync(join(b.dir, f)).isFile(),
      );
      const code = files.filter((f) => f.endsWith('.mjs'));
      const maps = files.filter((f) => f.endsWith('.mjs.map'));
      const bytesOf = (list: string[]) => list.reduce((n, f) => n + statSync(join(b.dir, f)).size, 0);
      const coldStart = coldStartFiles(b.dir);
      return {
        // What a cold start loads and parses: index.mjs and the chunks it imports statically.
        bytes: bytesOf(coldStart),
        coldStartFiles: coldStart.length,
        // The whole asset's code, with every lazy chunk (loaded only when a document needs it).
        totalBytes: bytesOf(code),
        chunks: code.length - 1,
        sourceMapBytes: bytesOf(maps),
        // The deployment package is the zip of the asset folder (code + source maps).
        zipBytesApprox: files.reduce(
          (n, f) => n + deflateRawSync(readFileSync(join(b.dir, f)), { level: 9 }).length,
          0,
        ),
      };
    };
    const ingestSizes = sizes(synth.ingest);
    const querySizes = sizes(synth.query);
    const [ingestContent, queryContent] = await Promise.all([
      contributors(join(ROOT, 'lambdas/ingest/handler.ts')),
      contributors(join(ROOT, 'lambdas/query/handler.ts')),
    ]);
    for (const [name, size, content] of [
      ['ingest', ingestSizes, ingestContent],
      ['query', querySizes, queryContent],
    ] as const) {
      log(
        `${name}: cold start loads ${kb(size.bytes)} (index.mjs + ${size.coldStartFiles - 1} static chunks), ` +
          `whole asset ${kb(size.totalBytes)} (${size.chunks} chunks)` +
          (content.coldStartBytes === size.bytes
            ? ''
            : `; the metafile analysis says ${content.coldStartBytes} bytes, not ${size.bytes} (sources edited since the synth?)`),
      );
    }
    log(
      `ingest lazy readers: ${Object.entries(ingestContent.lazyReaders)
        .map(([name, r]) => `${name} +${r ? kb(r.bytes) : '?'}`)
        .join(', ')}`,
    );

    // Cold imports, round-robin over the four variants so that machine noise spreads evenly.
    const variants = {
      ingest: { file: join(synth.ingest.dir, ENTRY_FILE), env: { ...synth.ingest.environment, ...PLACEHOLDERS } },
      ingestNoSourceMaps: {
        file: join(synth.ingest.dir, ENTRY_FILE),
        env: { ...synth.ingest.environment, ...PLACEHOLDERS, NODE_OPTIONS: '' },
      },
      query: { file: join(synth.query.dir, ENTRY_FILE), env: { ...synth.query.environment, ...PLACEHOLDERS } },
      queryNoSourceMaps: {
        file: join(synth.query.dir, ENTRY_FILE),
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
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    log(
      `targets: ingest cold-start bytes ${kb(ingestSizes.bytes)} ≤ 1 MB ${verdict(ingestSizes.bytes <= 1_000_000)}; ` +
        `ingest cold import ${med('ingest')} ms ≤ 150 ms ${verdict(med('ingest') <= 150)}`,
    );

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
      source: `${synth.source} (lib/bundling.ts's esbuild build with code splitting, as lib/constructs/archive-function.ts deploys it)`,
      node: process.version,
      // Headline sizes: the bytes a cold start loads (index.mjs + the chunks it imports statically).
      ingestBytes: ingestSizes.bytes,
      queryBytes: querySizes.bytes,
      // The whole assets, lazy chunks included.
      ingestTotalBytes: ingestSizes.totalBytes,
      queryTotalBytes: querySizes.totalBytes,
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
        metafileColdStartBytes: ingestContent.coldStartBytes,
        metafileTotalBytes: ingestContent.totalBytes,
        top: ingestContent.coldStartTop,
        lazyTop: ingestContent.lazyTop,
        lazyReaders: ingestContent.lazyReaders,
        firstInvocation: first,
      },
      query: {
        ...querySizes,
        memoryMb: synth.query.memoryMb,
        coldImportMs: med('query'),
        coldImportNoSourceMapsMs: med('queryNoSourceMaps'),
        freshProcessMs: round(median(times.query.map((t) => t.processMs))),
        metafileColdStartBytes: queryContent.coldStartBytes,
        metafileTotalBytes: queryContent.totalBytes,
        top: queryContent.coldStartTop,
        lazyTop: queryContent.lazyTop,
        firstInvocation:
          'not measured: the handler fetches its cursor key from Secrets Manager, which has no local emulator here',
      },
      ingestParts: {
        note: 'each part bundled alone (code splitting, lazy chunks not loaded) and imported cold, without source maps; shared dependencies count in each',
        ...parts,
      },
      coldImportRuns: runs,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
