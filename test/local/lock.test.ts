// One stack per data folder: the lock refuses a live holder and takes over a dead one's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { acquireLock, lockFile } from '../../lib/local/lock';
import { removeDir, tempDataDir } from './helpers';

const release = (l: ReturnType<typeof acquireLock>) => {
  assert.ok('release' in l, `expected the lock, got ${JSON.stringify(l)}`);
  return l.release;
};

describe('data folder lock', () => {
  const dir = tempDataDir();
  after(() => removeDir(dir));

  it('is held once per process, and released', () => {
    const free = release(acquireLock(dir));
    assert.deepEqual(acquireLock(dir), { heldBy: process.pid });
    free();
    assert.equal(existsSync(lockFile(dir)), false);
    release(acquireLock(dir))();
  });

  it('refuses while another live process holds it', () => {
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid }));
    assert.deepEqual(acquireLock(dir), { heldBy: process.ppid });
  });

  it('takes over a lock whose process is gone, or that names this pid without holding it', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lockFile(dir), JSON.stringify({ pid: gone }));
    release(acquireLock(dir))();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid })); // a restarted container, same pid
    release(acquireLock(dir))();
    writeFileSync(lockFile(dir), '{"pid": 12'); // cut short by a crash
    release(acquireLock(dir))();
  });
});
