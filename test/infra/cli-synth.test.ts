// `cdk synth -c stage=prod` as a user runs it: the real CLI, offline, with no AWS credentials, no
// Docker (CDK_DOCKER points at `false`, so any Docker bundling attempt would fail) and template
// validation on. The handlers are bundled by the local esbuild (lib/bundling.ts, with code splitting).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESM_REQUIRE_BANNER } from '../../lib/constructs/archive-function';
import { type CfnResourceJson, PROJECT_ROOT } from './synth';

const run = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number | null; stdout: string; stderr: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });

describe('npx cdk synth -c stage=prod (offline, no credentials)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'archive-cli-synth-'));
  const outdir = join(tmp, 'cdk.out');
  let result: Awaited<ReturnType<typeof run>>;
  let template: { Resources: Record<string, CfnResourceJson> };

  before(async () => {
    // No AWS_* or CDK_* variable from the caller: no credentials, no profile, no region.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('CDK_')),
    );
    Object.assign(env, {
      CDK_DISABLE_VERSION_CHECK: '1',
      CDK_DOCKER: 'false',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(tmp, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'no-credentials'),
    });
    result = await run(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '-c', 'stage=prod', '--quiet', '--no-notices', '-o', outdir],
      env,
    );
    const templatePath = join(outdir, 'MeetingArchive-prod.template.json');
    if (existsSync(templatePath)) template = JSON.parse(readFileSync(templatePath, 'utf8'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 and writes the prod template', (t) => {
    t.diagnostic(`cdk synth -c stage=prod took ${Math.round(result.ms)} ms`);
    assert.equal(result.status, 0, `cdk synth failed:\n${result.stderr}\n${result.stdout}`);
    assert.ok(template, 'no MeetingArchive-prod.template.json');
  });

  it('has the retained table with deletion protection', () => {
    const tables = Object.values(template.Resources).filter((r) => r.Type === 'AWS::DynamoDB::Table');
    assert.equal(tables.length, 1);
    assert.equal(tables[0].Properties?.DeletionProtectionEnabled, true);
    assert.equal(tables[0].DeletionPolicy, 'Retain');
  });

  it('passes template validation and cdk-nag with nothing to report', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    assert.deepEqual(
      report.pluginReports.flatMap((r: { violations: { ruleName: string }[] }) => r.violations.map((v) => v.ruleName)),
      [],
    );
  });

  it('bundles each handler into an ESM entry (index.mjs, lazy chunks beside it) with the banner and source maps', () => {
    const functions = Object.entries(template.Resources).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Runtime === 'nodejs22.x',
    );
    assert.deepEqual(functions.map(([id]) => id.replace(/[A-F0-9]{8}$/, '')).sort(), [
      'IngestFunction',
      'QueryFunction',
    ]);
    for (const [id, fn] of functions) {
      const assetPath = fn.Metadata?.['aws:asset:path'] as string;
      assert.ok(assetPath, `${id} has no asset`);
      const code = readFileSync(join(outdir, assetPath, 'index.mjs'), 'utf8');
      assert.ok(code.startsWith(ESM_REQUIRE_BANNER), `${id}: bundle does not start with the banner`);
      assert.match(code, /export\s*\{[^}]*\bas handler\b/, `${id}: no exported handler`);
      assert.match(code, /\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      assert.ok(existsSync(join(outdir, assetPath, 'index.mjs.map')), `${id}: no source map`);
      // Code splitting (lib/bundling.ts): the rest of the code sits in chunks/, each with its banner and map.
      const chunks = readdirSync(join(outdir, assetPath, 'chunks')).filter((f) => f.endsWith('.mjs'));
      assert.ok(chunks.length > 0, `${id}: no chunks`);
      for (const chunk of chunks) {
        const chunkCode = readFileSync(join(outdir, assetPath, 'chunks', chunk), 'utf8');
        assert.ok(chunkCode.startsWith(ESM_REQUIRE_BANNER), `${id}: ${chunk} does not start with the banner`);
        assert.ok(existsSync(join(outdir, assetPath, 'chunks', `${chunk}.map`)), `${id}: ${chunk} has no source map`);
      }
    }
  });
});
