// `npm start`: the embedded local stack (design section 7). No Docker, no Java, no AWS account:
//   npm start                                   data in .archive/, API on 4599, S3 on 4598
//   npm start -- --data-dir /tmp/a --port 0 --s3-port 0 --no-samples
// Ctrl-C (or SIGTERM) stops it cleanly.
import { relative } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/local/emulators';
import { DEFAULT_API_PORT, DEFAULT_S3_PORT, resolveDataDir } from '../lib/local/endpoints';
import { type LocalStack, LocalStackError, startLocalStack } from '../lib/local/local-stack';

// The AWS SDK warns on every start that its 2027 releases will need Node 22; it says nothing
// about this program, and the project's runtime for npm start is Node 20+.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const portNumber = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535');
  return Number(value);
};

const program = new Command('npm start --')
  .description('Run meeting-archive locally: S3 (s3rver), DynamoDB (dynalite), the ingest pipeline and the query API.')
  .option('--data-dir <dir>', 'data folder (default: $ARCHIVE_DATA_DIR or .archive)')
  .option('--port <n>', `query API port, 0 for any free port (default: ${DEFAULT_API_PORT})`, portNumber)
  .option('--s3-port <n>', `S3 port, 0 for any free port (default: ${DEFAULT_S3_PORT})`, portNumber)
  .option('--no-samples', 'do not upload samples/ on start')
  .showHelpAfterError()
  .parse();

const opts = program.opts<{ dataDir?: string; port?: number; s3Port?: number; samples: boolean }>();
const dataDir = resolveDataDir(opts.dataDir);
const print = (line = '') => process.stdout.write(`${line}\n`);
const stamp = () => new Date().toISOString().slice(11, 19);

let stack: LocalStack;
try {
  stack = await startLocalStack({
    dataDir,
    port: opts.port ?? DEFAULT_API_PORT,
    s3Port: opts.s3Port ?? DEFAULT_S3_PORT,
    ingestSamples: opts.samples,
    log: (line) => print(`[${stamp()}] ${line}`),
  });
} catch (e) {
  process.stderr.write(`npm start: ${e instanceof LocalStackError ? e.message : ((e as Error).stack ?? e)}\n`);
  process.exit(1);
}

const { endpoints: ep, startup } = stack;
const s3Port = new URL(ep.s3).port;
// The CLI finds the stack through the data folder: name it when it is not the one it would pick.
const shown = relative(process.cwd(), dataDir);
const env =
  dataDir === resolveDataDir() ? '' : `ARCHIVE_DATA_DIR=${!shown || shown.startsWith('..') ? dataDir : shown} `;
print(`meeting-archive local stack ready in ${Math.round(performance.now())} ms (stack start-up ${startup.ms} ms)`);
print(`  query API    ${ep.api}    (health: ${ep.api}/_local/health)`);
print(`  S3           ${ep.s3}    drop bucket ${ep.bucket}, archive bucket ${ep.archiveBucket}`);
print(`  DynamoDB     ${ep.dynamodb}    table ${ep.table}`);
print(`  data folder  ${dataDir}`);
print(
  `  credentials  AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} region ${LOCAL_REGION} (local only)`,
);
if (startup.samples.uploaded + startup.reconcile.missing > 0)
  print(`  ingesting    ${startup.samples.uploaded} samples, ${startup.reconcile.missing} reconciled uploads`);
print();
print('Try:');
print(`  ${env}npx archive query --participant putin`);
print(`  ${env}npx archive upload path/to/report.md`);
print(`  curl '${ep.api}/documents?participant=putin'`);
print(
  `  AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} aws --endpoint-url http://127.0.0.1:${s3Port} s3 cp report.md s3://${ep.bucket}/`,
);
print('Ctrl-C stops it; the data stays in the data folder.');

// Ctrl-C reaches this process twice under `npm start`: from the terminal (the whole foreground
// process group) and forwarded by npm. Only a repeat after a second forces an exit.
let firstSignal = 0;
const shutdown = (signal: NodeJS.Signals) => {
  if (firstSignal) {
    if (Date.now() - firstSignal < 1000) return;
    process.stderr.write(`npm start: ${signal} again, exiting without waiting\n`);
    process.exit(1);
  }
  firstSignal = Date.now();
  print(`[${stamp()}] ${signal}: stopping`);
  stack.stop({ drainMs: 5000 }).then(
    () => {
      print(`[${stamp()}] stopped`);
      process.exit(0);
    },
    (e) => {
      process.stderr.write(`npm start: stopping failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
