// Figures for the normalization stage's notes (printed, not asserted):
//   1. the median time of normalizeDocument per format over the samples, plus DOCX and PDF files generated here
//      from the plain-text samples (the same paragraphs, so of similar size), after a warm-up;
//   2. the bytes each parser (and every other package) adds to the ingest Lambda's bundle, built with esbuild as
//      lib/constructs/archive-function.ts builds it, from the metafile;
//   3. the cold import time of that bundle (a fresh `node` importing it, median of 10) as it is, with pdf.js made
//      eager, and with the DOCX and PDF extractors behind dynamic imports.
// Run: node --import tsx scripts/measure-normalize.ts [--runs 25] [--only time|bundle]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { build, type Metafile, type Plugin } from 'esbuild';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { type NormalizedDocument, normalizeDocument } from '../lambdas/core/normalize';
import { ESM_REQUIRE_BANNER } from '../lib/constructs/archive-function';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 25;
const WARMUP = 5;

type Input = { name: string; format: string; bytes: Uint8Array; key: string };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function makeDocx(doc: NormalizedDocument): Promise<Uint8Array> {
  const [first, ...rest] = doc.paragraphs;
  const file = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: first, heading: HeadingLevel.HEADING_1 }),
          ...rest.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** Characters Helvetica (WinAnsi) cannot draw are folded to ASCII: pdf-lib throws on them otherwise. */
function drawable(font: PDFFont, text: string): string {
  return [...text]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return c.normalize('NFKD').replace(/[^\x20-\x7e]/g, '') || '?';
      }
    })
    .join('');
}

async function makePdf(doc: NormalizedDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 10.5;
  const maxWidth = 595 - 2 * 56;
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string) => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    if (text) page.drawText(text, { x: 56, y, size, font });
    y -= 14;
  };
  for (const paragraph of doc.paragraphs) {
    let current = '';
    for (const word of drawable(font, paragraph).split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(next, size) > maxWidth) {
        line(current);
        current = word;
      } else current = next;
    }
    line(current);
    line('');
  }
  return pdf.save();
}

async function inputs(): Promise<Input[]> {
  const dir = join(root, 'samples');
  const files = readdirSync(dir)
    .filter((f) => f !== 'README.md' && !f.endsWith('.expected.json'))
    .sort();
  const list: Input[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const doc = await normalizeDocument({ bytes, key: file });
    list.push({ name: file, format: doc.format, bytes, key: file });
    if (doc.format !== 'text') continue;
    const base = file.replace(/\.txt$/, '');
    list.push({ name: `${base}.docx (generated)`, format: 'docx', bytes: await makeDocx(doc), key: `${base}.docx` });
    list.push({ name: `${base}.pdf (generated)`, format: 'pdf', bytes: await makePdf(doc), key: `${base}.pdf` });
  }
  return list;
}

async function timeFormats(list: Input[]): Promise<void> {
  const times = new Map<string, number[]>();
  const sizes = new Map<string, number[]>();
  for (const input of list) {
    for (let i = 0; i < WARMUP; i++) await normalizeDocument({ bytes: input.bytes, key: input.key });
  }
  for (let run = 0; run < RUNS; run++) {
    for (const input of list) {
      const started = performance.now();
      await normalizeDocument({ bytes: input.bytes, key: input.key });
      const elapsed = performance.now() - started;
      times.set(input.format, [...(times.get(input.format) ?? []), elapsed]);
      if (run === 0) sizes.set(input.format, [...(sizes.get(input.format) ?? []), input.bytes.length]);
    }
  }
  console.log(`\nnormalizeDocument, median per format (${RUNS} runs per file after ${WARMUP} warm-up runs)\n`);
  console.log('format    files  median size  median ms  p90 ms');
  for (const format of ['text', 'markdown', 'html', 'docx', 'pdf']) {
    const t = times.get(format) ?? [];
    const s = sizes.get(format) ?? [];
    if (t.length === 0) continue;
    const p90 = [...t].sort((a, b) => a - b)[Math.floor((t.length - 1) * 0.9)];
    console.log(
      `${format.padEnd(9)} ${String(s.length).padStart(5)}  ${kb(median(s)).padStart(11)}  ${median(t).toFixed(2).padStart(9)}  ${p90.toFixed(2).padStart(6)}`,
    );
  }
}

/** The package a bundled input belongs to (the last node_modules segment), or "(project code)". */
function packageOf(path: string): string {
  const parts = path.split('node_modules/');
  if (parts.length < 2) return '(project code)';
  const rest = parts.at(-1)!.split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** Every package a package pulls in (its dependencies, transitively, as installed). */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) closure(dep, seen);
  } catch {
    // Not installed at the top level (an optional or nested dependency): nothing more to follow.
  }
  return seen;
}

const PARSERS = [
  'mammoth',
  'unpdf',
  '@mozilla/readability',
  'linkedom',
  'marked',
  'yaml',
  'franc-min',
  'chrono-node',
  'zod',
];

async function bundle(outfile: string, plugins: Plugin[] = []): Promise<Metafile> {
  const result = await build({
    entryPoints: [join(root, 'lambdas/ingest/handler.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  return result.metafile;
}

function bundleTable(metafile: Metafile, outfile: string): void {
  const output = Object.entries(metafile.outputs).find(([path]) => outfile.endsWith(path.replace(/^.*\//, '')));
  if (!output) throw new Error('no output in the metafile');
  const perPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output[1].inputs)) {
    const name = packageOf(path);
    perPackage.set(name, (perPackage.get(name) ?? 0) + bytesInOutput);
  }
  const total = statSync(outfile).size;
  // Each parser with the dependencies only it brings; a dependency two parsers share is counted apart.
  const owners = new Map<string, string[]>();
  for (const parser of PARSERS) {
    for (const dep of closure(parser)) owners.set(dep, [...(owners.get(dep) ?? []), parser]);
  }
  const rows: [string, number, string][] = [];
  for (const parser of PARSERS) {
    const own = perPackage.get(parser) ?? 0;
    const deps = [...perPackage.keys()].filter((p) => p !== parser && owners.get(p)?.join() === parser);
    const depBytes = deps.reduce((sum, d) => sum + (perPackage.get(d) ?? 0), 0);
    rows.push([parser, own + depBytes, deps.length > 0 ? `incl. ${deps.join(', ')}` : '']);
  }
  const shared = [...perPackage.keys()].filter((p) => (owners.get(p)?.length ?? 0) > 1);
  if (shared.length > 0) {
    const bytes = shared.reduce((sum, d) => sum + (perPackage.get(d) ?? 0), 0);
    rows.push(['(shared by parsers)', bytes, shared.join(', ')]);
  }
  const scoped = (prefix: string) => [...perPackage.keys()].filter((p) => p.startsWith(prefix));
  for (const prefix of ['@aws-sdk/', '@smithy/', '@aws-lambda-powertools/']) {
    const names = scoped(prefix);
    rows.push([`${prefix}*`, names.reduce((sum, n) => sum + (perPackage.get(n) ?? 0), 0), `${names.length} packages`]);
  }
  const accounted = new Set([
    ...rows.flatMap(([name, , note]) => [name, ...note.replace(/^incl\. /, '').split(', ')]),
    ...['@aws-sdk/', '@smithy/', '@aws-lambda-powertools/'].flatMap(scoped),
  ]);
  const others = [...perPackage.entries()].filter(([name]) => !accounted.has(name) && name !== '(project code)');
  rows.push([
    '(other packages)',
    others.reduce((sum, [, b]) => sum + b, 0),
    others
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, b]) => `${n} ${kb(b)}`)
      .join(', '),
  ]);
  rows.push(['(project code)', perPackage.get('(project code)') ?? 0, '']);
  console.log('\ningest bundle (lambdas/ingest/handler.ts; esbuild esm, node22, minified, createRequire banner)\n');
  console.log('package                          bytes       share  note');
  for (const [name, bytes, note] of rows) {
    console.log(
      `${name.padEnd(30)} ${String(bytes).padStart(9)}  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${note}`,
    );
  }
  console.log(`${'total (file size)'.padEnd(30)} ${String(total).padStart(9)}  100.0%`);
}

/**
 * Wall time of a fresh node that imports each bundle (process start included), median of 10 per bundle. The
 * bundles take turns, so a busy moment on the machine does not fall on one of them only.
 */
function coldImports(files: string[]): number[] {
  const env = { ...process.env, TABLE_NAME: 't', ARCHIVE_BUCKET: 'b', AWS_REGION: 'eu-west-1' };
  const times: number[][] = files.map(() => []);
  for (let round = 0; round < 11; round++) {
    files.forEach((file, i) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(file)})`], { env });
      if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr}`);
      if (round > 0) times[i].push(performance.now() - started); // round 0 warms the file cache
    });
  }
  return times.map(median);
}

/** Rewrites one source file's text before esbuild reads it. */
const rewrite = (suffix: string, edit: (source: string) => string): Plugin => ({
  name: `rewrite ${suffix}`,
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.endsWith(suffix)) return undefined;
      return { contents: edit(readFileSync(args.path, 'utf8')), loader: 'ts' };
    });
  },
});

async function bundles(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'measure-normalize-'));
  try {
    const current = join(dir, 'bundle.mjs');
    bundleTable(await bundle(current), current);

    // pdf.js made eager: a static import of unpdf's bundled pdf.js, evaluated when the bundle loads.
    const eager = join(dir, 'eager-pdfjs.mjs');
    await bundle(eager, [
      // A bare import would be dropped (unpdf declares no side effects): the namespace is used.
      rewrite('normalize/pdf.ts', (s) => `import * as eagerPdfjs from 'unpdf/pdfjs';\nObject.keys(eagerPdfjs);\n${s}`),
    ]);
    // The DOCX and PDF extractors (mammoth, unpdf) behind dynamic imports, if they are not already.
    const lazy = join(dir, 'lazy-extractors.mjs');
    await bundle(lazy, [
      rewrite('normalize/index.ts', (s) =>
        s
          .replace("import { extractDocx } from './docx';", '')
          .replace("import { extractPdf } from './pdf';", '')
          .replace('await extractPdf(', "await (await import('./pdf')).extractPdf(")
          .replace('await extractDocx(', "await (await import('./docx')).extractDocx("),
      ),
    ]);
    const variants: [string, string][] = [
      ['node -e 0 (process start only)', ''],
      ['as built (current source)', current],
      ['pdf.js imported eagerly', eager],
      ['docx.ts and pdf.ts behind import()', lazy],
    ];
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, '');
    const times = coldImports(variants.map(([, file]) => file || empty));
    console.log('\ncold import of the ingest bundle (fresh node process, median of 10, interleaved)\n');
    variants.forEach(([label, file], i) => {
      const size = file ? kb(statSync(file).size).padStart(9) : '';
      console.log(`${label.padEnd(36)} ${times[i].toFixed(0).padStart(5)} ms   ${size}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --only time | --only bundle runs one half.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
console.log(`machine: node ${process.version}, ${process.arch}, ${cpus().length} cores`);
if (only !== 'bundle') await timeFormats(await inputs());
if (only !== 'time') await bundles();
