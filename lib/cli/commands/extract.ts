// `archive extract FILE... [--json] [--text]`: the core pipeline on local files, offline.
// Each file is read as an upload would be: bucket 'local', key = the path as given, uploaded at
// the file's modification time, with the content type `upload` would send.
import { processDocument } from '../../../lambdas/core/process';
import { CliError, usageError } from '../errors';
import { collectFiles, contentTypeFor, type LocalFile, readLocalFile } from '../files';
import { recordSummary } from '../format';
import { note, out, outJson, outText } from '../output';

export type ExtractOptions = { json?: boolean; text?: boolean };

/** The key a local file gets: the path as given, with '/' separators. */
const keyOf = (path: string) => path.split('\\').join('/');

export async function extractCommand(args: string[], opts: ExtractOptions): Promise<number> {
  if (opts.json && opts.text) throw usageError('--json and --text cannot be combined');
  let failures = 0;
  const files: LocalFile[] = [];
  for (const arg of args) {
    try {
      files.push(...collectFiles([arg]));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      note(`archive: ${e.message}`);
      failures++;
    }
  }
  const several = files.length > 1;
  for (const [i, file] of files.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = readLocalFile(file.path);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      note(`archive: ${e.message}`);
      failures++;
      continue;
    }
    const { record, text } = await processDocument({
      bytes,
      bucket: 'local',
      key: keyOf(file.path),
      contentType: contentTypeFor(file.path),
      uploadedAt: file.mtime.toISOString(),
    });
    if (opts.json) outJson(record);
    else if (opts.text) {
      if (several) out(`${i > 0 ? '\n' : ''}==> ${file.path} <==`);
      if (record.status === 'rejected') note(`archive: ${file.path}: rejected: ${record.rejection?.message}`);
      outText(text);
    } else {
      if (i > 0) out();
      for (const line of recordSummary(record, { heading: file.path })) out(line);
    }
  }
  if (files.length === 0 && failures === 0) throw new CliError('no files to extract (the folders hold only dotfiles)');
  return failures > 0 ? 1 : 0;
}
