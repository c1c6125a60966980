import { link, mkdir, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { STATE_DIR } from './state.ts';

/**
 * A lock file created with `open(path, 'wx')` (atomic create-or-fail) holding pid, host and time.
 * Hand-rolled: proper-lockfile is unmaintained and, when it thinks a lock was compromised, throws
 * from a timer and takes the whole process down; this one never acts behind the caller's back.
 */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export class LockBusyError extends Error {
  override name = 'LockBusyError';
  readonly holder: LockInfo | null;
  constructor(message: string, holder: LockInfo | null) {
    super(message);
    this.holder = holder;
  }
}

export interface LockOptions {
  command: string;
  /** How long to wait for another run to finish. */
  waitMs?: number;
  /** A lock from another host older than this (by mtime) is stale; ours is checked by pid. */
  staleMs?: number;
}

export interface HeldLock {
  path: string;
  /** Refreshes the mtime so long runs (watch) are not mistaken for stale ones. */
  touch(): Promise<void>;
  release(): Promise<void>;
}

export function lockPath(root: string): string {
  return join(root, STATE_DIR, 'lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<{ text: string; info: LockInfo | null } | null> {
  try {
    const text = await readFile(path, 'utf8');
    try {
      return { text, info: JSON.parse(text) as LockInfo };
    } catch {
      return { text, info: null };
    }
  } catch {
    return null;
  }
}

async function isStale(path: string, info: LockInfo | null, staleMs: number): Promise<boolean> {
  if (info && info.host === hostname()) return !isAlive(info.pid);
  const stats = await stat(path).catch(() => null);
  if (!stats) return true;
  return Date.now() - stats.mtimeMs > staleMs;
}

/**
 * Breaks a stale lock without racing another breaker: rename it aside (only one rename wins),
 * then check that what we moved is the lock we judged stale. If a live lock got in between we
 * put it back.
 */
async function breakStaleLock(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== staleText) await link(aside, path).catch(() => {});
  await unlink(aside).catch(() => {});
}

export async function acquireLock(root: string, options: LockOptions): Promise<HeldLock> {
  const path = lockPath(root);
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 120_000;
  await mkdir(join(root, STATE_DIR), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command,
  };
  const deadline = Date.now() + waitMs;
  let delay = 25;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o644);
      await handle.writeFile(`${JSON.stringify(info)}\n`);
      await handle.close();
      let released = false;
      return {
        path,
        async touch() {
          const now = new Date();
          await utimes(path, now, now).catch(() => {});
        },
        async release() {
          if (released) return;
          released = true;
          const current = await readLock(path);
          if (current?.info?.pid === process.pid && current.info.host === info.host) {
            await unlink(path).catch(() => {});
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = await readLock(path);
    if (existing && (await isStale(path, existing.info, staleMs))) {
      await breakStaleLock(path, existing.text);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = existing?.info
        ? `pid ${existing.info.pid} on ${existing.info.host} (${existing.info.command}, since ${existing.info.startedAt})`
        : 'another run';
      throw new LockBusyError(
        `another robowrite run holds ${STATE_DIR}/lock: ${who}; wait for it or remove the lock if that process is gone`,
        existing?.info ?? null,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 500);
  }
}

/** Runs `fn` holding the lock, releasing it however `fn` ends. */
export async function withLock<T>(
  root: string,
  options: LockOptions,
  fn: (lock: HeldLock) => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(root, options);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}
