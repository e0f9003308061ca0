// Writing to stdout and stderr. `archive query --all | head` closes the pipe early: that is not
// an error, the command just stops.
let pipeClosed = false;

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    pipeClosed = true;
    process.exit(0);
  }
  throw e;
});

/** Write one line (a newline is added) to stdout. */
export const out = (line = ''): void => {
  if (!pipeClosed) process.stdout.write(`${line}\n`);
};

/** Write text to stdout as is, ending it with a newline if it has none. */
export const outText = (text: string): void => {
  if (!pipeClosed) process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
};

/** One JSON Lines record. */
export const outJson = (value: unknown): void => out(JSON.stringify(value));

/** A line on stderr: progress, summaries in --json mode, warnings. */
export const note = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** A warning on stderr, prefixed like errors. */
export const warn = (line: string): void => note(`archive: warning: ${line}`);

/** Wait until stdout has flushed what was written (before the process ends). */
export const flushStdout = (): Promise<void> =>
  new Promise((resolve) => {
    if (pipeClosed || process.stdout.writableLength === 0) return resolve();
    process.stdout.write('', () => resolve());
  });
