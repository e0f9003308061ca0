// The Lambda assets as synthesized (lib/bundling.ts through lib/constructs/archive-function.ts): code splitting
// keeps the format readers out of what a cold start loads, and the lazy chunks still work from the asset.
//   - index.mjs and the chunks it imports statically stay within the 1 MB budget of issue 8, and their source
//     maps name no module of pdf.js (unpdf), mammoth, linkedom, Readability, marked, yaml or franc-min;
//   - those modules are in the asset all the same, in lazily imported chunks;
//   - the built ingest handler, imported in a fresh Node process with its endpoints on s3rver + dynalite,
//     converts a PDF, a DOCX and an HTML page uploaded to the drop bucket (the chunks load from the asset).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { CfnElement } from 'aws-cdk-lib';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { documentId } from '../../lambdas/core/ids';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { DocumentStore } from '../../lambdas/store/document-store';
import { ensureTable } from '../../lambdas/store/provision';
import { coldStartFiles, ENTRY_FILE } from '../../lib/bundling';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startEmulatorPair } from '../../lib/local/emulators';
import { s3Notification, sqsEvent } from '../support/events';
import { logicalId, type Synthesized, synth } from './synth';

/** Issue 8's budget for what the ingest function loads at a cold start. */
const COLD_START_BUDGET = 1_000_000;
/** Packages that only some documents need: never in what a cold start loads. */
const LAZY_PACKAGES = ['unpdf', 'mammoth', 'linkedom', '@mozilla/readability', 'marked', 'yaml', 'franc-min'];
const packagesOf = (mapFile: string): Set<string> => {
  const { sources } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
  return new Set(
    sources.map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(s)?.[1]).filter((p): p is string => !!p),
  );
};

const LEAD =
  'The foreign ministers of the member states met in Tashkent on 12 May 2022 and discussed regional security, trade and transport links across the region, and agreed to meet again next year.';

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Bundled PDF');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 790;
  for (const line of LEAD.replace(/(.{1,85})(?: |$)/g, '$1\n')
    .trim()
    .split('\n')) {
    page.drawText(line, { x: 50, y, size: 11, font });
    y -= 15;
  }
  return pdf.save();
}

const makeDocx = () =>
  Packer.toBuffer(new Document({ title: 'Bundled DOCX', sections: [{ children: [new Paragraph({ text: LEAD })] }] }));

const INVOKE_SCRIPT = `
import { readFileSync, writeFileSync } from 'node:fs';
const { handler } = await import(process.env.TEST_MODULE);
const results = [];
for (const event of JSON.parse(readFileSync(process.env.TEST_EVENTS, 'utf8'))) results.push(await handler(event, {}));
writeFileSync(process.env.TEST_RESULT, JSON.stringify(results));
`;

const runNode = (script: string, env: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}: ${stderr.slice(-2000)}`))));
  });

describe('Lambda assets: code splitting', () => {
  let s: Synthesized;
  const assets: Record<'ingest' | 'query', string> = { ingest: '', query: '' };

  before(() => {
    s = synth({}, { bundle: true });
    for (const [name, fn] of [
      ['ingest', s.stack.ingest.function],
      ['query', s.stack.query.function],
    ] as const) {
      const resource = s.json.Resources[logicalId(s.stack, fn.node.defaultChild as CfnElement)];
      // The asset folder of the cloud assembly, named after the asset hash (the S3 key without .zip).
      const hash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, '');
      assets[name] = join(s.outdir, `asset.${hash}`);
      assert.equal(resource.Properties.Handler, 'index.handler');
    }
  });
  after(() => s?.cleanup());

  for (const name of ['ingest', 'query'] as const) {
    it(`${name}: a cold start loads index.mjs and its static chunks only, within ${COLD_START_BUDGET} bytes`, (t) => {
      const files = coldStartFiles(assets[name]);
      assert.equal(files[0], ENTRY_FILE);
      const bytes = files.reduce((n, f) => n + statSync(join(assets[name], f)).size, 0);
      const all = (readdirSync(assets[name], { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs'));
      const total = all.reduce((n, f) => n + statSync(join(assets[name], f)).size, 0);
      t.diagnostic(
        `${name}: cold start ${bytes} bytes in ${files.length} files; asset ${total} bytes in ${all.length}`,
      );
      assert.ok(bytes <= COLD_START_BUDGET, `${name}: ${bytes} bytes at cold start`);
      for (const file of files) {
        const eager = [...packagesOf(join(assets[name], `${file}.map`))].filter((p) => LAZY_PACKAGES.includes(p));
        assert.deepEqual(eager, [], `${file} statically contains ${eager.join(', ')}`);
      }
    });
  }

  it('ingest: the format readers and franc-min are in lazily imported chunks of the asset', () => {
    const dir = assets.ingest;
    const eager = new Set(coldStartFiles(dir));
    const lazy = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs') && !eager.has(f));
    const found = new Set(lazy.flatMap((f) => [...packagesOf(join(dir, `${f}.map`))]));
    assert.deepEqual(
      LAZY_PACKAGES.filter((p) => !found.has(p)),
      [],
      'missing from the lazy chunks',
    );
    // The entry reaches them only through import(): each is a dynamic import in some cold-start file.
    const code = [...eager].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const reader of ['pdf', 'docx', 'html', 'markdown', 'language'])
      assert.match(code, new RegExp(`import\\("\\./(?:chunks/)?${reader}-[A-Z0-9]+\\.mjs"\\)`), reader);
  });

  it('ingest: the built handler converts a PDF, a DOCX and an HTML page from the asset', async () => {
    const emulators = await startEmulatorPair(['drop', 'archive']);
    const { dynamo, s3rver, ddb, s3 } = emulators;
    const work = mkdtempSync(join(tmpdir(), 'bundle-test-'));
    try {
      await ensureTable(ddb, 'archive');
      const uploads: [string, Uint8Array, string][] = [
        ['bundled/report.pdf', await makePdf(), 'application/pdf'],
        ['bundled/report.docx', await makeDocx(), 'application/octet-stream'],
        [
          'bundled/report.html',
          Buffer.from(
            `<html><head><title>Bundled HTML</title></head><body><article><p>${LEAD}</p></article></body></html>`,
          ),
          'text/html',
        ],
      ];
      const events = [];
      for (const [i, [key, body, contentType]] of uploads.entries()) {
        const put = await s3.send(
          new PutObjectCommand({ Bucket: 'drop', Key: key, Body: body, ContentType: contentType }),
        );
        const eTag = (put.ETag ?? '').replace(/"/g, '');
        const sequencer = `${(Date.now() + i).toString(16).toUpperCase().padStart(12, '0')}`;
        events.push(
          sqsEvent([JSON.stringify(s3Notification([{ bucket: 'drop', key, size: body.length, eTag, sequencer }]))]),
        );
      }
      writeFileSync(join(work, 'events.json'), JSON.stringify(events));
      await runNode(INVOKE_SCRIPT, {
        NODE_OPTIONS: '--enable-source-maps',
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_S3: s3rver.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        TABLE_NAME: 'archive',
        ARCHIVE_BUCKET: 'archive',
        POWERTOOLS_METRICS_NAMESPACE: 'test',
        TEST_MODULE: pathToFileURL(join(assets.ingest, ENTRY_FILE)).href,
        TEST_EVENTS: join(work, 'events.json'),
        TEST_RESULT: join(work, 'result.json'),
      });
      const results = JSON.parse(readFileSync(join(work, 'result.json'), 'utf8')) as {
        batchItemFailures: unknown[];
      }[];
      assert.deepEqual(
        results.map((r) => r.batchItemFailures),
        [[], [], []],
      );
      const store = new DocumentStore({
        ddb,
        tableName: 'archive',
        archive: new ArchiveBucket(s3, 'archive'),
        cursorKey: 'x',
      });
      for (const [key, , format] of [
        ['bundled/report.pdf', null, 'pdf'],
        ['bundled/report.docx', null, 'docx'],
        ['bundled/report.html', null, 'html'],
      ] as const) {
        const record = await store.getLatest(documentId(key));
        assert.equal(record?.status, 'processed', `${key}: ${JSON.stringify(record?.rejection)}`);
        assert.equal(record?.source.format, format);
        assert.equal(record?.title, `Bundled ${format === 'pdf' ? 'PDF' : format === 'docx' ? 'DOCX' : 'HTML'}`);
        assert.equal(record?.eventDate, '2022-05-12', key);
      }
    } finally {
      await emulators.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
