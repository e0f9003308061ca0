// The local stack's address card: written by `npm start` to DATA_DIR/endpoints.json, read by the
// CLI (design section 7). One definition, so writer and reader cannot disagree.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const DEFAULT_DATA_DIR = '.archive';
export const DEFAULT_API_PORT = 4599;
export const DEFAULT_S3_PORT = 4598;
export const LOCAL_DROP_BUCKET = 'meeting-archive-drop';
export const LOCAL_ARCHIVE_BUCKET = 'meeting-archive-archive';
export const LOCAL_TABLE = 'meeting-archive';

export const endpointsSchema = z.object({
  api: z.string().url(),
  s3: z.string().url(),
  dynamodb: z.string().url(),
  bucket: z.string(),
  archiveBucket: z.string(),
  table: z.string(),
  region: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
});
export type LocalEndpoints = z.infer<typeof endpointsSchema>;

/** The data folder: --data-dir, else ARCHIVE_DATA_DIR, else .archive/ in the current folder. */
export const resolveDataDir = (flag?: string): string =>
  resolve(flag ?? process.env.ARCHIVE_DATA_DIR ?? DEFAULT_DATA_DIR);

export const endpointsFile = (dataDir: string) => join(dataDir, 'endpoints.json');

export const writeEndpoints = (dataDir: string, e: LocalEndpoints) =>
  writeFileSync(endpointsFile(dataDir), `${JSON.stringify(e, null, 2)}\n`);

/** The running local stack's endpoints, or null when none was started in this data folder. */
export const readEndpoints = (dataDir: string): LocalEndpoints | null => {
  const file = endpointsFile(dataDir);
  if (!existsSync(file)) return null;
  return endpointsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
};

/** Is the process that wrote the endpoints still alive? */
export const isRunning = (e: LocalEndpoints): boolean => {
  try {
    process.kill(e.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};
