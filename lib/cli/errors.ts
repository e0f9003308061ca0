// Errors the CLI reports as one line on stderr ("archive: …") with a non-zero exit code.
// Anything else that escapes a command is a bug or an unexpected fault; it is reported the same
// way (one line), with the stack trace only when ARCHIVE_DEBUG is set.

export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the command failed; 2: the command line was wrong. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Usage error: a bad option value, detected before anything was sent anywhere. */
export const usageError = (message: string) => new CliError(message, 2);

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** "no such file" for ENOENT, and so on; the raw message for anything else. */
export const describeFsError = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && ERRNO_TEXT[code]) ?? (e as Error).message;
};

/** One line: messages from the SDK or the network can contain newlines. */
export const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();

/** The message of an AWS SDK error, with its name when the message alone would be unclear. */
export const describeAwsError = (e: unknown): string => {
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const message = err.message || err.name || String(e);
  if (err.name === 'CredentialsProviderError' || /could not load credentials/i.test(message))
    return `no AWS credentials found (${oneLine(message)})`;
  const code = err.code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return `connection refused (${oneLine(message)})`;
  if (err.name && err.name !== 'Error' && !message.includes(err.name)) return `${err.name}: ${oneLine(message)}`;
  return oneLine(message);
};
