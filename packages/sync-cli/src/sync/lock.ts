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
  /** Stops the wait for another run's lock (watch mode stopping on SIGTERM). */
  signal?: AbortSignal;
  /** One line when a lock is broken as stale, so the user learns why it was not waited on. */
  onStaleLock?: (line: string) => void;
}

/**
 * The lock options of a command run from its own options: its signal, how long it waits for
 * another run's lock, and where the one line about a removed stale lock goes.
 */
export function lockOptions(
  command: string,
  run: { signal?: AbortSignal | undefined; lockWaitMs?: number | undefined },
  onStaleLock?: (line: string) => void,
): LockOptions {
  return {
    command,
    ...(run.signal ? { signal: run.signal } : {}),
    ...(onStaleLock ? { onStaleLock } : {}),
    ...(run.lockWaitMs !== undefined ? { waitMs: run.lockWaitMs } : {}),
  };
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

/**
 * A holder writes its content within milliseconds of creating the file; an empty or unreadable
 * lock older than this was left by a run whose write failed (disk full) or that died in between.
 */
const UNWRITTEN_GRACE_MS = 2_000;

async function isStale(path: string, info: LockInfo | null, staleMs: number): Promise<boolean> {
  if (info && info.host === hostname()) return !isAlive(info.pid);
  const stats = await stat(path).catch(() => null);
  if (!stats) return true;
  const limit = info ? staleMs : UNWRITTEN_GRACE_MS;
  return Date.now() - stats.mtimeMs > limit;
}

function staleLine(info: LockInfo | null): string {
  if (!info) return `${STATE_DIR}/lock was empty or unreadable (a run failed to write it): removed`;
  return `${STATE_DIR}/lock of pid ${info.pid} on ${info.host} is stale: removed`;
}

/**
 * Creates the lock file and writes its content. A file whose content could not be written is
 * removed before the error surfaces: an empty lock would otherwise stop every later run.
 */
async function createLock(path: string, info: LockInfo): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(info)}\n`);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(path).catch(() => {});
    throw error;
  }
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
    options.signal?.throwIfAborted();
    try {
      await createLock(path, info);
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
      options.onStaleLock?.(staleLine(existing.info));
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
    await sleep(delay, undefined, options.signal ? { signal: options.signal } : {});
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
