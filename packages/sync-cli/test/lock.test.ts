import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError, lockPath } from '../src/sync/lock.ts';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 999_999;
}

describe('lock', () => {
  it('excludes a second holder until released', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    const first = await acquireLock(root, { command: 'test' });
    await expect(acquireLock(root, { command: 'test', waitMs: 100 })).rejects.toBeInstanceOf(
      LockBusyError,
    );
    await first.release();
    const second = await acquireLock(root, { command: 'test', waitMs: 100 });
    await second.release();
  });

  it('recovers a lock left by a dead process on this host', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    await mkdir(join(root, '.robowrite'));
    const info = { pid: await deadPid(), host: hostname(), startedAt: '', command: 'pull' };
    await writeFile(lockPath(root), JSON.stringify(info));
    const lock = await acquireLock(root, { command: 'test', waitMs: 100 });
    expect(JSON.parse(await readFile(lockPath(root), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('treats a foreign-host lock as stale only once it is old', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    await mkdir(join(root, '.robowrite'));
    const info = { pid: 1, host: 'elsewhere', startedAt: '', command: 'pull' };
    await writeFile(lockPath(root), JSON.stringify(info));
    await expect(
      acquireLock(root, { command: 'test', waitMs: 50, staleMs: 60_000 }),
    ).rejects.toThrow(/pid 1 on elsewhere/);
    const lock = await acquireLock(root, { command: 'test', waitMs: 500, staleMs: 0 });
    await lock.release();
  });
});
