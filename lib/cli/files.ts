// Local files for `extract` and `upload`: arguments expanded (directories walked recursively,
// dotfiles skipped), read with one-line error messages, and given the content type an upload
// would carry, so that `extract` and the ingest of an uploaded file see the same input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CliError, describeFsError } from './errors';

export type LocalFile = {
  /** The path to open: the argument, or the argument joined with the path inside it. */
  path: string;
  /** The path relative to the argument ('/' separators): the basename for a file argument. */
  relative: string;
  size: number;
  mtime: Date;
};

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The Content-Type an upload of this file gets (undefined: let S3 and the normalizer decide). */
export const contentTypeFor = (path: string): string | undefined => CONTENT_TYPES[extname(path).toLowerCase()];

const statOrFail = (path: string) => {
  try {
    return statSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
};

const walk = (dir: string, prefix: string, found: LocalFile[]): void => {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    throw new CliError(`cannot read ${dir}: ${describeFsError(e)}`);
  }
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    const st = statOrFail(path); // follows symbolic links
    if (st.isDirectory()) walk(path, relative, found);
    else if (st.isFile()) found.push({ path, relative, size: st.size, mtime: st.mtime });
  }
};

/**
 * Expand file and directory arguments. A file stands for itself (dotfiles named explicitly
 * included); a directory for every regular file under it, dotfiles and dot-folders skipped.
 */
export const collectFiles = (args: string[]): LocalFile[] => {
  const files: LocalFile[] = [];
  for (const arg of args) {
    const st = statOrFail(arg);
    if (st.isDirectory()) walk(arg, '', files);
    else if (st.isFile()) files.push({ path: arg, relative: basename(arg), size: st.size, mtime: st.mtime });
    else throw new CliError(`cannot read ${arg}: not a regular file`);
  }
  return files;
};

export const readLocalFile = (path: string): Uint8Array => {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
};

/** "41.2 KB" */
export const formatBytes = (n: number): string => {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
};
