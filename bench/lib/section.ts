// The child side of a bench section: each section runs in its own Node process (so that peak RSS,
// JIT state and garbage of one section never leak into another), reads the shared options and
// writes its results as JSON to the file the orchestrator (bench/run.ts) names with --out.
import { writeFileSync } from 'node:fs';
import { type BenchArgs, parseArgs } from './args';

export type Log = (line: string) => void;

export const runSection = async (
  name: string,
  fn: (args: BenchArgs, log: Log) => Promise<Record<string, unknown>>,
): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const log: Log = (line) => process.stderr.write(`  [${name}] ${line}\n`);
  const started = performance.now();
  try {
    const result = await fn(args, log);
    result.seconds = Math.round((performance.now() - started) / 100) / 10;
    if (args.out) writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    else console.log(JSON.stringify(result, null, 2));
    process.exit(0);
  } catch (e) {
    process.stderr.write(`  [${name}] failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  }
};
