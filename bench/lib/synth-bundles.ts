// Synthesizes the real CDK app (lib/app.ts, cdk.json's context, cdk-nag off) into OUTDIR, which makes
// each function's local esbuild build (lib/bundling.ts, code splitting) run exactly as `cdk deploy` does, and prints where each function's
// bundle landed, with the function's memory and environment from the template. Run in its own process:
//   node --import tsx bench/lib/synth-bundles.ts OUTDIR
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineApp } from '../../lib/app';

const outdir = resolve(process.argv[2] ?? '');
const root = resolve(import.meta.dirname, '../..');
const context = { ...JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')).context, nag: 'false' };
const started = performance.now();
const app = new App({ outdir, context });
const stack = defineApp(app);
app.synth();
const template = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.template.json`), 'utf8'));

type Fn = {
  Type: string;
  Properties: { Code?: { S3Key?: string }; MemorySize?: number; Environment?: { Variables?: Record<string, unknown> } };
};
const functions = Object.entries(template.Resources as Record<string, Fn>).filter(
  ([, r]) => r.Type === 'AWS::Lambda::Function',
);
const find = (prefix: string) => {
  const [id, fn] = functions.find(([id]) => id.startsWith(prefix)) ?? [];
  if (!id || !fn?.Properties.Code?.S3Key) throw new Error(`no bundled ${prefix} function in the template`);
  const hash = fn.Properties.Code.S3Key.replace(/\.zip$/, '');
  const environment = Object.fromEntries(
    Object.entries(fn.Properties.Environment?.Variables ?? {}).filter(([, v]) => typeof v === 'string'),
  );
  return { logicalId: id, dir: join(outdir, `asset.${hash}`), memoryMb: fn.Properties.MemorySize, environment };
};
console.log(
  JSON.stringify({
    stack: stack.stackName,
    ms: Math.round(performance.now() - started),
    ingest: find('IngestFunction'),
    query: find('QueryFunction'),
  }),
);
