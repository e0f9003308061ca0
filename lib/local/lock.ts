// One local stack per data folder. dynalite's LevelDB would refuse a second opener, but dynalite
// then throws from a callback and kills the process, so the stack takes DATA_DIR/stack.lock
// (created exclusively, naming its pid) before it opens anything. A lock left by a killed stack
// is taken over: its pid is dead, or is this very process's pid (a container restarted with the
// same pid) without this process holding the folder.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const held = new Set<string>();

export const lockFile = (dataDir: string) => join(dataDir, 'stack.lock');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const owner = (file: string): number | null => {
  try {
    const pid = Number(JSON.parse(readFileSync(file, 'utf8')).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // gone, or cut short by a crash
  }
};

/** Takes the data folder's lock; returns the pid of the live holder instead when there is one. */
export const acquireLock = (dataDir: string): { release: () => void } | { heldBy: number } => {
  const file = lockFile(dataDir);
  if (held.has(dataDir)) return { heldBy: process.pid };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })}\n`, {
        flag: 'wx',
      });
      held.add(dataDir);
      return {
        release: () => {
          held.delete(dataDir);
          if (owner(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = owner(file);
    if (pid !== null && pid !== process.pid && alive(pid)) return { heldBy: pid };
    rmSync(file, { force: true }); // stale: its stack is gone
  }
  return { heldBy: owner(file) ?? 0 };
};
