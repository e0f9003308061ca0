// The `archive` command line (design section 6), built with commander. Command modules are
// imported when their command runs, so `archive --help` and `archive query` do not load the
// extraction pipeline or the DynamoDB client.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CliError, describeAwsError, oneLine } from './errors';
import { flushStdout } from './output';
import { resolveTarget, type Target, type TargetOptions } from './target';
import { checkReprocessArgs } from './validate';

const packageVersion = (): string => {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

const EXAMPLES = `
Target:
  By default the commands talk to the local stack (\`npm start\`), found through its data folder:
  --data-dir, else ARCHIVE_DATA_DIR, else .archive in the current folder. With --stack NAME they
  talk to a deployed stack, using your AWS credentials (--profile, --region).

Examples:
  archive extract samples/sco-summit-2021.txt
  archive upload reports/ --prefix 2024/
  archive query --participant putin --from 2021-01-01
  archive get 3f1c0e5a9b2d4c6e8f00 --json
  archive query --all --json --stack meeting-archive --region eu-west-1`;

/** --data-dir, --stack, --region, --profile: where a command sends its requests. */
const withTargetOptions = (cmd: Command): Command =>
  cmd
    .option('--data-dir <dir>', 'data folder of the local stack (default: ARCHIVE_DATA_DIR or .archive)')
    .option('--stack <name>', 'talk to this deployed CloudFormation stack instead of the local one')
    .option('--region <region>', 'AWS region of --stack (default: from the AWS configuration)')
    .option('--profile <profile>', 'AWS profile for --stack (default: the AWS default chain)');

/** `state.exitCode` is set by the command that ran (non-zero when some of its work failed). */
export const buildProgram = (state: { exitCode: number }): Command => {
  const program = new Command('archive');
  program
    .description('Upload, search and read meeting reports in the meeting archive.')
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', EXAMPLES)
    // Program options only before the command name: `get ID --version 2` is the command's --version.
    // The target options are defined on the program and on each command, so they work in both places.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`archive: ${oneLine(message.replace(/^error: /, ''))}\n`),
    });

  withTargetOptions(program);
  const target = (cmd: Command): Promise<Target> => resolveTarget(cmd.optsWithGlobals<TargetOptions>());

  program
    .command('extract')
    .description('run the extraction on local files, offline (no stack needed)')
    .argument('<file...>', 'files, or folders to walk (dotfiles skipped)')
    .option('--json', 'print one record per line (JSON Lines)')
    .option('--text', 'print the normalized text')
    .action(async (files: string[], opts) => {
      const { extractCommand } = await import('./commands/extract');
      state.exitCode = await extractCommand(files, opts);
    });

  program
    .command('upload')
    .description('upload files to the drop bucket; the stack ingests them')
    .argument('<path...>', 'files, or folders to upload recursively (dotfiles skipped)')
    .option('--prefix <prefix>', 'key prefix: the key is PREFIX + the path relative to the folder (or the file name)')
    .option('--json', 'print { "file", "key", "id" } per file (JSON Lines)')
    .action(async (paths: string[], opts, cmd: Command) => {
      const { uploadCommand } = await import('./commands/upload');
      const { collectFiles } = await import('./files');
      collectFiles(paths); // unreadable arguments fail before the stack is looked for
      state.exitCode = await uploadCommand(paths, opts, await target(cmd));
    });

  program
    .command('query')
    .description('search the archive, newest meeting first')
    .option('--from <date>', 'meetings on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'meetings on or before this day (YYYY-MM-DD)')
    .option('--participant <name>', 'a participant, or part of a name ("putin", "kassym-jomart tokayev")')
    .option('--organization <name>', 'an organization, by name or acronym')
    .option('--country <name>', 'a country named in the document')
    .addOption(
      new Option('--status <status>', 'processed (default) or rejected documents').choices(['processed', 'rejected']),
    )
    .option('--limit <n>', 'documents per page, 1 to 100 (default 20; 100 with --all)')
    .option('--all', 'follow the pages to the end')
    .option('--json', 'print one record per line (JSON Lines)')
    .action(async (opts, cmd: Command) => {
      const { queryCommand, parseQueryOptions } = await import('./commands/query');
      parseQueryOptions(opts); // a bad date fails before the stack is looked for
      state.exitCode = await queryCommand(opts, await target(cmd));
    });

  program
    .command('get')
    .description('show the latest record of a document (or one version)')
    .argument('<id>', 'document id')
    .option('--version <n>', 'that version instead of the latest')
    .option('--json', 'print the record as one line of JSON')
    .action(async (id: string, opts, cmd: Command) => {
      const { getCommand, parseVersionOption } = await import('./commands/show');
      parseVersionOption(opts.version);
      state.exitCode = await getCommand(id, opts, await target(cmd));
    });

  program
    .command('history')
    .description('list the versions of a document')
    .argument('<id>', 'document id')
    .option('--json', 'print one version per line (JSON Lines)')
    .action(async (id: string, opts, cmd: Command) => {
      const { historyCommand } = await import('./commands/show');
      state.exitCode = await historyCommand(id, opts, await target(cmd));
    });

  program
    .command('text')
    .description("print a document's normalized text (latest version)")
    .argument('<id>', 'document id')
    .action(async (id: string, _opts, cmd: Command) => {
      const { textCommand } = await import('./commands/show');
      state.exitCode = await textCommand(id, await target(cmd));
    });

  program
    .command('reprocess')
    .description('re-run extraction on stored documents (after an extractor upgrade)')
    .argument('[id...]', 'document ids')
    .option('--all', 'every document in the archive')
    .option('--force', 'also re-extract versions already extracted by the current extractor version')
    .option('--json', 'print one line per version (JSON Lines)')
    .action(async (ids: string[], opts, cmd: Command) => {
      checkReprocessArgs(ids, opts);
      const { reprocessCommand } = await import('./commands/reprocess');
      state.exitCode = await reprocessCommand(ids, opts, await target(cmd));
    });

  program
    .command('reconcile')
    .description('ingest every upload in the drop bucket that the archive has no record of')
    .option('--dry-run', 'only list the missing uploads')
    .option('--json', 'print one line per missing upload (JSON Lines)')
    .action(async (opts, cmd: Command) => {
      const { reconcileCommand } = await import('./commands/reconcile');
      state.exitCode = await reconcileCommand(opts, await target(cmd));
    });

  // Every command but the offline `extract` talks to a target.
  for (const cmd of program.commands) if (cmd.name() !== 'extract') withTargetOptions(cmd);
  return program;
};

/** Run the CLI; resolves to the exit code. Every failure is one line on stderr: "archive: …". */
export async function main(argv: string[]): Promise<number> {
  const state = { exitCode: 0 };
  const program = buildProgram(state);
  let code = 0;
  try {
    await program.parseAsync(argv);
    code = state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end with code 0; usage errors were already printed by commander.
      code = e.exitCode === 0 ? 0 : 2;
    } else if (e instanceof CliError) {
      process.stderr.write(`archive: ${oneLine(e.message)}\n`);
      code = e.exitCode;
    } else {
      const err = e as Error;
      process.stderr.write(`archive: ${describeAwsError(err)}\n`);
      if (process.env.ARCHIVE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
      code = 1;
    }
  }
  await flushStdout();
  return code;
}
