// Our own esbuild build of a Lambda handler, with code splitting: the handler becomes `index.mjs`, and every
// module reached only through a dynamic import() (the PDF, DOCX, HTML and Markdown readers, franc-min, the AWS
// SDK's rarely used credential providers) becomes a chunk under `chunks/` that Node loads when the code first
// needs it. A cold start parses `index.mjs` and the chunks it imports statically, nothing else.
// NodejsFunction cannot do this (it bundles with --outfile), so lib/constructs/archive-function.ts feeds this
// build to a plain lambda.Function through Code.fromAsset's local bundling.
//
// The build runs synchronously at synth (esbuild's buildSync, no Docker) and is cached per entry within one
// process: the two stacks of a test, or the dev and prod stacks of one app, build each handler once.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

/** Lets ESM bundles load CommonJS dependencies that call `require` (a well-known esbuild banner). */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __archiveCreateRequire } from 'node:module'; const require = __archiveCreateRequire(import.meta.url);";

/** The file a bundle's handler lives in: Lambda's handler setting is `index.handler`. */
export const ENTRY_FILE = 'index.mjs';
/** Where the lazily loaded (and shared) chunks go, inside the asset. */
export const CHUNK_DIR = 'chunks';

/** The esbuild settings of every handler bundle (the bench and the tests build with these, not a copy). */
export const bundleOptions = (entry: string, outdir: string): BuildOptions => ({
  entryPoints: { index: resolve(entry) },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outExtension: { '.js': '.mjs' },
  chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
  mainFields: ['module', 'main'],
  // Every chunk is a module of its own and gets its own `require`.
  banner: { js: ESM_REQUIRE_BANNER },
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  // The pinned @aws-sdk v3 clients are bundled instead of the runtime's copy, so the deployed code runs the
  // same SDK versions as the tests and the local stack: nothing is external.
  external: [],
  metafile: true,
  logLevel: 'warning',
});

export interface HandlerBundle {
  /** The folder holding index.mjs, chunks/ and the source maps. */
  readonly dir: string;
  readonly metafile: Metafile;
}

/** Builds a handler into `outdir` (which it empties first). */
export function buildHandler(entry: string, outdir: string): HandlerBundle {
  rmSync(outdir, { recursive: true, force: true });
  const result = buildSync(bundleOptions(entry, outdir));
  if (result.errors.length > 0) throw new Error(`esbuild failed for ${entry}: ${result.errors[0].text}`);
  return { dir: outdir, metafile: result.metafile as Metafile };
}

const cache = new Map<string, HandlerBundle>();
let cacheRoot: string | undefined;

/** buildHandler into a temporary folder, once per entry and process; callers copy from `dir`, never write to it. */
export function cachedHandlerBundle(entry: string): HandlerBundle {
  const key = resolve(entry);
  const hit = cache.get(key);
  if (hit && existsSync(join(hit.dir, ENTRY_FILE))) return hit;
  if (!cacheRoot) {
    const root = mkdtempSync(join(tmpdir(), 'archive-bundles-'));
    cacheRoot = root;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  const bundle = buildHandler(key, join(cacheRoot, String(cache.size)));
  cache.set(key, bundle);
  return bundle;
}

/** Copies the (cached) bundle of `entry` into `outputDir`: Code.fromAsset's local bundling step. */
export function bundleHandlerInto(entry: string, outputDir: string): void {
  cpSync(cachedHandlerBundle(entry).dir, outputDir, { recursive: true });
}

// Static imports of a chunk: `import{a as b}from"./chunks/x.mjs"`, `import"./x.mjs"`, `export{a}from"./x.mjs"`; never `import(`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.\.?\/[^"']+\.mjs)["']/g;

/**
 * The files of a built bundle that a cold start loads: the entry and every chunk it imports statically,
 * transitively (relative paths inside `dir`, entry first). Read from the output itself, so it also works on a
 * synthesized asset.
 */
export function coldStartFiles(dir: string, entry = ENTRY_FILE): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      visit(join(dirname(file), m[1]));
    }
  };
  visit(entry);
  return seen;
}
