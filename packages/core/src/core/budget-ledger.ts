import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { isShare, type Share } from './budget-share.ts';

/** One request's hold on the machine-wide budget. */
export interface LedgerSlot {
  /** Random, so a process can find its own slot again. */
  id: string;
  pid: number;
  sentAt: number;
  /** When the slot may be reused; null while its request is in flight. */
  freeAt: number | null;
}

/** What every process of one machine sharing one budget reads and writes. */
export interface Ledger {
  pausedUntil: number;
  slots: LedgerSlot[];
  /** The machine's share of the limit after its last 429 (absent: never cut, the whole limit). */
  share?: Share | undefined;
}

/** A lock older than this belongs to a process that died while holding it (holds last µs). */
const STALE_LOCK_MS = 2_000;
const lockWait = new Int32Array(new SharedArrayBuffer(4));

function isSlot(value: unknown): value is LedgerSlot {
  if (typeof value !== 'object' || value === null) return false;
  const slot = value as Record<string, unknown>;
  return (
    typeof slot.id === 'string' &&
    Number.isInteger(slot.pid) &&
    typeof slot.sentAt === 'number' &&
    (slot.freeAt === null || typeof slot.freeAt === 'number')
  );
}

/** The ledger, or an empty one when the file is missing, unreadable or not a ledger. */
function readLedger(path: string): Ledger {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const ledger = parsed as Partial<Ledger>;
    if (
      typeof ledger.pausedUntil === 'number' &&
      Array.isArray(ledger.slots) &&
      ledger.slots.every(isSlot)
    ) {
      // A share that is not one is dropped: the whole limit, until the next 429 cuts it again.
      const share = isShare(ledger.share) ? ledger.share : undefined;
      return { pausedUntil: ledger.pausedUntil, slots: ledger.slots, share };
    }
  } catch {
    // Missing or corrupt: the ledger only caches in-flight requests, so start afresh.
  }
  return { pausedUntil: 0, slots: [] };
}

function takeLock(lockPath: string): void {
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx', 0o600));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      // Two processes breaking one stale lock at once may both get in once; it takes a crash
      // inside a microseconds-long hold to get there, and the worst outcome is one 429.
      if (Date.now() - statSync(lockPath).mtimeMs > STALE_LOCK_MS) unlinkSync(lockPath);
    } catch {
      // Released between the two calls: try again.
    }
    Atomics.wait(lockWait, 0, 0, 1);
  }
}

/**
 * Runs `change` on the ledger at `path` under an exclusive lock and saves what it leaves.
 * Synchronous on purpose: the lock is held for one small read and write, never across an await,
 * so a process can never hold it while its event loop is busy elsewhere. Hand-written because no
 * maintained library keeps a cross-process counter (and proper-lockfile was already rejected).
 */
export function withLedger<T>(path: string, change: (ledger: Ledger) => T): T {
  const lockPath = `${path}.lock`;
  takeLock(lockPath);
  try {
    const ledger = readLedger(path);
    const result = change(ledger);
    // Write then rename: a crash mid-write never leaves a half ledger behind.
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(ledger), { mode: 0o600 });
    renameSync(temp, path);
    return result;
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // Broken as stale by another process: nothing left to release.
    }
  }
}

/**
 * Creates the ledgers' folder, readable by this user only, and refuses one this user does not own
 * or that is a symlink: in a shared temp dir another user could create it first, then read or
 * fill the ledgers. The caller falls back to the process's own budget.
 */
export function ensureLedgerDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const folder = lstatSync(dir);
  if (!folder.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (typeof process.getuid === 'function' && folder.uid !== process.getuid()) {
    throw new Error(`${dir} belongs to another user`);
  }
}
