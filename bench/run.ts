// `npm run bench`: runs each benchmark section in its own Node process (bench/sections/*.ts), prints one
// table with the targets of issue 8, and writes bench/results.json (design section 9's keys first, then
// detail). Figures are medians of one run on this machine; nothing here asserts on speed.
//   npm run bench                       the full run (~10–15 minutes on 2 cores)
//   npm run bench -- --quick            ~2 minutes: smaller corpora, 1k and 10k records for queries
//   npm run bench -- --only extraction,bundle
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { type BenchArgs, parseArgs, type Section, USAGE } from './lib/args';
import { fmtBytes, fmtMs, fmtUsd, round } from './lib/stats';

const ROOT = resolve(import.meta.dirname, '..');
// biome-ignore lint/suspicious/noExplicitAny: results are plain JSON read back from the sections' files
type Json = Record<string, any>;

const runChild = (section: Section, args: BenchArgs, out: string) =>
  new Promise<number | null>((done, reject) => {
    const argv = [
      '--import',
      'tsx',
      join(ROOT, 'bench/sections', `${section}.ts`),
      '--out',
      out,
      '--dynamo',
      args.dynamo,
    ];
    if (args.quick) argv.push('--quick');
    const child = spawn(process.execPath, argv, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      // The SDK warns once per process that Node 20 support ends in 2027; the deployed runtime is Node 22.
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    child.on('error', reject);
    child.on('close', done);
  });

const machine = () => ({
  cores: os.cpus().length,
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  platform: `${os.platform()} ${os.arch()}`,
  memoryGb: round(os.totalmem() / 1024 ** 3),
  loadAverage1mStart: round(os.loadavg()[0]),
});

type Row = [string, string, string, string];

const status = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'MISSED');

function table(results: Json, targets: Json[]): string {
  const rows: (Row | string)[] = [];
  const target = (name: string) => targets.find((t) => t.name === name);
  const withTarget = (label: string, value: string, name: string): Row => {
    const t = target(name);
    return [label, value, t?.target ?? '', t ? status(t.met) : ''];
  };
  const ex = results.extraction;
  if (ex && !ex.error) {
    const sets = Object.entries(ex.sets as Json)
      .map(([k, v]) => `${v.docs} ${k}`)
      .join(', ');
    rows.push(`Extraction: processDocument (normalize + extract) over ${ex.docs} documents (${sets})`);
    rows.push(['median / p95 per document', `${fmtMs(ex.medianMs)} / ${fmtMs(ex.p95Ms)}`, '', '']);
    rows.push(['throughput', `${ex.mbPerSec.toFixed(2)} MB/s`, '', '']);
    rows.push(
      withTarget(
        `median, ${ex.article10k.range} articles (${ex.article10k.docs} docs)`,
        fmtMs(ex.article10k.medianMs),
        'extraction10k',
      ),
    );
    const s = ex.seedStages;
    rows.push([
      `  ${s.document} (${(s.bytes / 1000).toFixed(1)} KB): normalize (of it language id) / extract`,
      `${fmtMs(s.normalizeMs)} (${fmtMs(s.languageMs)}) / ${fmtMs(s.extractMs)}`,
      '',
      '',
    ]);
    rows.push(['baseline (compromise + chrono-node) median', fmtMs(ex.baselineMedianMs), '', '']);
    rows.push(withTarget('speed-up (baseline median / ours)', `${ex.speedup.toFixed(1)}x`, 'speedup'));
  }
  const b = results.bundle;
  if (b && !b.error) {
    rows.push('Lambda bundles (cdk synth: lib/bundling.ts esbuild with code splitting, as deployed)');
    rows.push(
      withTarget(
        'ingest bundle loaded at cold start (whole asset with lazy chunks)',
        `${fmtBytes(b.ingestBytes)} (${fmtBytes(b.ingestTotalBytes)})`,
        'ingestBundle',
      ),
    );
    rows.push([
      'query bundle loaded at cold start (whole asset)',
      `${fmtBytes(b.queryBytes)} (${fmtBytes(b.queryTotalBytes)})`,
      '',
      '',
    ]);
    rows.push(
      withTarget(
        `ingest cold import, median of ${b.coldImportRuns} (without source maps)`,
        `${fmtMs(b.coldImportMs)} (${fmtMs(b.ingest.coldImportNoSourceMapsMs)})`,
        'coldImport',
      ),
    );
    rows.push([
      'query cold import (without source maps)',
      `${fmtMs(b.query.coldImportMs)} (${fmtMs(b.query.coldImportNoSourceMapsMs)})`,
      '',
      '',
    ]);
    const f = b.ingest.firstInvocation;
    rows.push([
      `ingest first invocation, seed, s3rver + dynalite: import + handler (warm)`,
      `${fmtMs(f.importMs)} + ${fmtMs(f.firstInvocationMs)} (${fmtMs(f.warmInvocationMs)})`,
      '',
      f.ok ? '' : 'FAILED',
    ]);
  }
  const e = results.e2e;
  if (e && !e.error) {
    rows.push('End to end on the local stack (S3 PUT → queryable via GET /documents/{id})');
    rows.push(
      withTarget(
        `${e.docs} documents (${(e.wallSeconds ?? 0).toFixed(1)} s)`,
        `${e.docsPerSec.toFixed(1)} docs/s`,
        'e2e',
      ),
    );
    rows.push(['peak RSS (stack + handler + client, one process)', `${e.peakRssMb.toFixed(0)} MB`, '', '']);
  }
  const q = results.query;
  if (q && !q.error) {
    const sizes: string[] = q.sizes;
    rows.push(`Query API p50 at ${sizes.join(' / ')} records (${q.emulator.split(',')[0]})`);
    for (const kind of ['participant', 'dateRange', 'organization', 'combined', 'commonParticipantPage']) {
      const k = q[kind];
      if (!k) continue;
      const largest = sizes.at(-1);
      const ratio = k[`ratio${largest}To1k`];
      const t = target(`query.${kind}`);
      rows.push([
        `${kind} (${Object.values(k.items as Json).at(-1)} results)`,
        `${sizes.map((s) => fmtMs(k.p50Ms[s]).replace(' ms', '')).join(' / ')} ms`,
        t?.target ?? `${largest}/1k`,
        `${ratio.toFixed(2)} ${t ? status(t.met) : ''}`.trim(),
      ]);
    }
    const scan = q.participant?.scanP50Ms ?? {};
    rows.push(['Scan baseline, participant', sizes.map((s) => fmtMs(scan[s])).join(' / '), '', '']);
  }
  const c = results.cost;
  if (c && !c.error) {
    const by = c.usdPer10kDocsBy as Json;
    rows.push(`Cost at us-east-1 list prices (${c.docs} documents ingested on ${c.emulator})`);
    rows.push(
      withTarget(
        `per 10,000 documents (DynamoDB ${fmtUsd(by.dynamodb)}, S3 ${fmtUsd(by.s3)}, Lambda ${fmtUsd(by.lambda)}, SQS ${fmtUsd(by.sqs)})`,
        fmtUsd(c.usdPer10kDocs),
        'cost',
      ),
    );
    const d = c.perDocument;
    rows.push([
      `  per document: write / read units, index items, Lambda GB-s (1 GB)`,
      `${d.writeUnits.toFixed(1)} / ${d.readUnits.toFixed(1)}, ${d.indexItems.toFixed(0)}, ${d.lambdaGbSeconds.toFixed(3)}`,
      '',
      '',
    ]);
    rows.push(['per 100,000 queries', fmtUsd(c.usdPer100kQueries), '', '']);
  }
  for (const [name, r] of Object.entries(results))
    if (r && typeof r === 'object' && 'error' in r) rows.push(`${name}: FAILED (${r.error})`);

  const widths = [0, 0, 0, 0];
  const header: Row = ['Metric', 'Value', 'Target', 'Status'];
  for (const r of [header, ...rows]) {
    if (typeof r === 'string') continue;
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i], c.length);
  }
  const line = (r: Row) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const total = widths.reduce((a, w) => a + w + 2, -2);
  const out = [line(header), '-'.repeat(total)];
  for (const r of rows) out.push(typeof r === 'string' ? `${r}` : line(r));
  return out.join('\n');
}

function evaluateTargets(results: Json): Json[] {
  const t: Json[] = [];
  const push = (name: string, target: string, measured: number | undefined, met: (v: number) => boolean) => {
    if (measured === undefined || measured === null || !Number.isFinite(measured)) return;
    t.push({ name, target, measured, met: met(measured) });
  };
  const ex = results.extraction;
  if (ex && !ex.error) {
    push('extraction10k', '≤ 2 ms', ex.article10k?.medianMs, (v) => v <= 2);
    push('speedup', '≥ 30x', ex.speedup, (v) => v >= 30);
  }
  const b = results.bundle;
  if (b && !b.error) {
    push('ingestBundle', '≤ 1 MB', b.ingestBytes, (v) => v <= 1_000_000);
    push('coldImport', '≤ 150 ms', b.coldImportMs, (v) => v <= 150);
  }
  const e = results.e2e;
  if (e && !e.error) push('e2e', '≥ 200 docs/s', e.docsPerSec, (v) => v >= 200);
  const q = results.query;
  if (q && !q.error) {
    const largest = q.sizes.at(-1);
    for (const kind of ['participant', 'dateRange', 'organization', 'combined', 'commonParticipantPage'])
      if (q[kind]) push(`query.${kind}`, `${largest}/1k ≤ 1.5`, q[kind][`ratio${largest}To1k`], (v) => v <= 1.5);
  }
  const c = results.cost;
  if (c && !c.error) push('cost', '≤ $0.30', c.usdPer10kDocs, (v) => v <= 0.3);
  return t;
}

const fmtDuration = (s: number) => `${Math.floor(s / 60)}m ${String(Math.round(s % 60)).padStart(2, '0')}s`;

async function main() {
  let args: BenchArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const out = resolve(args.out ?? join(ROOT, 'bench/results.json'));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const m = machine();
  console.error(
    `meeting-archive bench (${args.quick ? 'quick' : 'full'}): ${args.only.join(', ')} on ${m.cores} cores, Node ${m.node}`,
  );
  const tmp = mkdtempSync(join(os.tmpdir(), 'bench-run-'));
  const results: Json = {};
  const seconds: Json = {};
  try {
    for (const section of args.only) {
      console.error(`\n▶ ${section}`);
      const file = join(tmp, `${section}.json`);
      const t = performance.now();
      const code = await runChild(section, args, file);
      seconds[section] = round((performance.now() - t) / 1000);
      if (code === 0) results[section] = JSON.parse(readFileSync(file, 'utf8'));
      else results[section] = { error: `the section exited with code ${code}; see its output above` };
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const targets = evaluateTargets(results);
  const document = {
    machine: { ...m, loadAverage1mEnd: round(os.loadavg()[0]) },
    extraction: results.extraction ?? null,
    bundle: results.bundle ?? null,
    e2e: results.e2e ?? null,
    query: results.query ?? null,
    cost: results.cost ?? null,
    targets,
    run: {
      mode: args.quick ? 'quick' : 'full',
      sections: args.only,
      dynamo: args.dynamo,
      startedAt,
      seconds: round(totalSeconds),
      sectionSeconds: seconds,
      note: 'medians of one run; benchmarks, not tests: nothing asserts on these figures',
    },
  };
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log('');
  console.log(table(results, targets));
  console.log('');
  console.log(
    `${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.platform}; load average ${m.loadAverage1mStart} → ${document.machine.loadAverage1mEnd}; ` +
      `${args.quick ? 'quick' : 'full'} run in ${fmtDuration(totalSeconds)}; results in ${out.replace(`${ROOT}/`, '')}`,
  );
  if (Object.values(results).some((r) => r && typeof r === 'object' && 'error' in r)) process.exitCode = 1;
}

await main();
