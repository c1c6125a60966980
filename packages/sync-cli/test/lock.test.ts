import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  // Issue 10, item 12: disk full while writing the lock left an empty lock behind.
  it('issue 10 #12: removes a lock whose content could not be written (disk full)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    const lockModule = fileURLToPath(new URL('../src/sync/lock.ts', import.meta.url));
    // A file size limit of 0 makes the real write fail (EFBIG) the way a full disk does.
    const script = `import { acquireLock } from ${JSON.stringify(lockModule)};
      await acquireLock(${JSON.stringify(root)}, { command: 'test' }).then(
        () => console.log('acquired'), (error) => console.log(error.code));`;
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      execFile(
        'bash',
        ['-c', 'ulimit -f 0; exec "$0" --input-type=module -e "$1"', process.execPath, script],
        (error, out) => (error ? reject(error) : resolve({ stdout: out })),
      );
    });
    expect(stdout.trim()).toBe('EFBIG');
    await expect(stat(lockPath(root))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('issue 10 #12: treats an empty lock file left by a failed write as stale, saying so', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    await mkdir(join(root, '.robowrite'));
    await writeFile(lockPath(root), '');
    const past = new Date(Date.now() - 10_000);
    await utimes(lockPath(root), past, past);
    const lines: string[] = [];
    const lock = await acquireLock(root, {
      command: 'test',
      waitMs: 1_000,
      onStaleLock: (line) => lines.push(line),
    });
    expect(lines).toEqual([
      '.robowrite/lock was empty or unreadable (a run failed to write it): removed',
    ]);
    expect(JSON.parse(await readFile(lockPath(root), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('issue 10 #12: waits on an empty lock only while its holder may still be writing it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    await mkdir(join(root, '.robowrite'));
    await writeFile(lockPath(root), '');
    await expect(acquireLock(root, { command: 'test', waitMs: 100 })).rejects.toBeInstanceOf(
      LockBusyError,
    );
  });

  it('issue 10 clear errors (watch ignores SIGTERM): stops waiting for a busy lock when its signal aborts', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rw-lock-'));
    const held = await acquireLock(root, { command: 'test' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(
      acquireLock(root, { command: 'test', waitMs: 30_000, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await held.release();
  });
});
