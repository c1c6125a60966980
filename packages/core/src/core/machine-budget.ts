import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLedgerDir, type Ledger, withLedger } from './budget-ledger.ts';
import { afterRateLimited, currentShare, FULL_SHARE } from './budget-share.ts';
import type { RateLimitOptions } from './rate-limiter.ts';
import { sleep } from './sleep.ts';

/** How often a process looks again while every slot is in flight (no known time to wait for). */
const POLL_MS = 25;
/** An in-flight slot older than this is a lost release (every request times out well before). */
const LOST_IN_FLIGHT_MS = 10 * 60_000;

/** Where the ledgers live: `ROBOWRITE_BUDGET_DIR`, else a per-user folder in the temp dir. */
export function budgetDir(): string {
  const given = process.env.ROBOWRITE_BUDGET_DIR;
  if (given !== undefined && given !== '') return given;
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `robowrite-budgets-${user}`);
}

/** `promise`, or the signal's reason as soon as it aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops slots that can no longer count: freed ones, and ones lost in flight. A dead process's
 * in-flight request may still have reached the server, so its slot is kept for one window from
 * now instead of being dropped (a crash costs the others one slot for one window, never more).
 */
function prune(ledger: Ledger, now: number, windowMs: number): void {
  ledger.slots = ledger.slots.filter((slot) => {
    if (slot.freeAt === null) {
      if (now - slot.sentAt > LOST_IN_FLIGHT_MS) return false;
      if (!isAlive(slot.pid)) slot.freeAt = now + windowMs;
      return true;
    }
    return slot.freeAt > now;
  });
}

/** Budgets with frees not yet written: written at exit too, synchronously (see `#free`). */
const unwritten = new Set<MachineBudget>();
let exitHook = false;

/**
 * The share of one organization's budget every process of this machine draws from: a small
 * ledger file of the slots in use, with the same meaning as `RateLimiter`'s (held from send until
 * one window after the response), so processes that run together (each site's `pull`, a watch,
 * `astro dev`) never send more than the API's window between them. Identified by a hash of the
 * origin, the key's hash and the window: the key itself is never written.
 */
export class MachineBudget {
  readonly path: string;
  readonly #requests: number;
  readonly #windowMs: number;
  #pausedUntil = 0;
  /** Settles when the waiter ahead of the next one has its slot (or gave up). */
  #turn: Promise<void> = Promise.resolve();
  /** Set once the ledger cannot be used (e.g. a read-only temp dir): the process budget remains. */
  #off = false;
  /** Slots freed but not yet written to the ledger, with their `freeAt`. */
  readonly #frees = new Map<string, number>();

  constructor(id: string, requests: number, windowMs: number) {
    const dir = budgetDir();
    const name = createHash('sha256').update(id).digest('hex').slice(0, 32);
    this.path = join(dir, `${name}.json`);
    this.#requests = requests;
    this.#windowMs = windowMs;
    try {
      ensureLedgerDir(dir);
    } catch {
      this.#off = true;
    }
  }

  /**
   * Waits for a machine-wide slot, holds it, and returns the function that frees it. A process's
   * waiters take turns (its limiter already queues them in order), so only one of them at a time
   * reads the ledger: a hundred waiters waking together would only fight over the lock.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    const previous = this.#turn;
    let done = () => {};
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.#turn = previous.then(() => mine);
    try {
      await untilAborted(previous, signal);
      for (;;) {
        const outcome = this.#tryHold();
        if (typeof outcome === 'string') return () => this.#free(outcome);
        await sleep(outcome, signal);
      }
    } finally {
      done();
    }
  }

  /** Holds every process's later grants until `ms` from now (a 429 arrived). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    const until = this.#pausedUntil;
    this.#use((ledger) => {
      ledger.pausedUntil = Math.max(ledger.pausedUntil, until);
    });
  }

  /**
   * A 429 answered this process's request sent at `sentAt`: pause every sharer, and cut the
   * machine's share, which the ledger carries. The machine, not the process, is what the rest of
   * the fleet competes with: were each process to cut only its own, the others of this machine
   * would keep sending the whole limit between them, and a 429 would shrink nothing.
   */
  rateLimited(pauseMs: number, sentAt: number): void {
    const until = Date.now() + pauseMs;
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    this.#use((ledger) => {
      ledger.pausedUntil = Math.max(ledger.pausedUntil, until);
      const share = ledger.share ?? FULL_SHARE;
      const cut = afterRateLimited(share, this.#requests, this.#windowMs, Date.now(), sentAt);
      if (cut !== share) ledger.share = cut;
    });
  }

  /** Milliseconds left in the last pause this process saw (its own or another's). */
  get pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - Date.now());
  }

  /** A slot's id when one was free, else how long to wait before looking again. */
  #tryHold(): string | number {
    const result = this.#use((ledger) => {
      const now = Date.now();
      this.#pausedUntil = Math.max(this.#pausedUntil, ledger.pausedUntil);
      if (ledger.pausedUntil > now) return ledger.pausedUntil - now;
      prune(ledger, now, this.#windowMs);
      const share = currentShare(ledger.share ?? FULL_SHARE, this.#requests, this.#windowMs, now);
      // Grown back to the whole limit: the ledger forgets the cut.
      if (share >= this.#requests) ledger.share = undefined;
      if (ledger.slots.length < share) {
        const id = randomUUID();
        ledger.slots.push({ id, pid: process.pid, sentAt: now, freeAt: null });
        return id;
      }
      const freeAts = ledger.slots.flatMap((slot) => (slot.freeAt === null ? [] : [slot.freeAt]));
      return freeAts.length > 0 ? Math.max(1, Math.min(...freeAts) - now) : POLL_MS;
    });
    // No usable ledger: the in-process limiter alone decides.
    return result ?? 'unrecorded';
  }

  /**
   * Records when the slot frees, and writes it with this process's next ledger write: a response
   * usually lets the next request go at once, so its acquire carries the free (one locked
   * read-write per request instead of two). Otherwise it is written once the current callbacks are
   * done, or at exit. Until then the others see the slot in flight; its `freeAt` is a window
   * away, so none of them could have used it sooner. A crash before the write leaves a dead
   * process's slot in flight, which `prune` frees one window after it notices.
   */
  #free(id: string): void {
    if (id === 'unrecorded') return;
    const first = this.#frees.size === 0;
    this.#frees.set(id, Date.now() + this.#windowMs);
    if (!first) return;
    unwritten.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => {
        for (const budget of unwritten) budget.#writeFrees();
      });
    }
    setImmediate(() => this.#writeFrees());
  }

  #writeFrees(): void {
    if (this.#frees.size > 0) this.#use(() => {});
  }

  /** Writes the frees not yet written into `ledger` (every write of this process carries them). */
  #applyFrees(ledger: Ledger): void {
    for (const slot of ledger.slots) {
      const freeAt = this.#frees.get(slot.id);
      if (freeAt !== undefined) slot.freeAt = freeAt;
    }
    this.#frees.clear();
    unwritten.delete(this);
  }

  #use<T>(change: (ledger: Ledger) => T): T | undefined {
    if (this.#off) return undefined;
    try {
      return withLedger(this.path, (ledger) => {
        this.#applyFrees(ledger);
        return change(ledger);
      });
    } catch {
      // The folder vanished or turned unwritable: degrade to the process budget, never crash.
      this.#off = true;
      return undefined;
    }
  }
}

/** The machine budget for one origin, key and window (`label` tells route groups apart). */
export function machineBudget(
  origin: string,
  apiKey: string,
  requests: number,
  windowMs: number,
  label = '',
): MachineBudget {
  const keyHash = createHash('sha256').update(apiKey).digest('hex');
  const id = [origin.replace(/\/+$/, ''), keyHash, label, requests, windowMs].join(' ');
  return new MachineBudget(id, requests, windowMs);
}

/** `options.scope`, else `ROBOWRITE_BUDGET_SCOPE=process` (the CLI has no option for it), else machine. */
export function budgetScope(options: RateLimitOptions): 'machine' | 'process' {
  if (options.scope !== undefined) return options.scope;
  return process.env.ROBOWRITE_BUDGET_SCOPE === 'process' ? 'process' : 'machine';
}

/** The machine budget a limiter of `options` shares, or none for the process scope. */
export function machineBudgetFor(
  origin: string,
  apiKey: string,
  options: RateLimitOptions,
  label = '',
): MachineBudget | undefined {
  if (budgetScope(options) === 'process') return undefined;
  return machineBudget(origin, apiKey, options.requests, options.windowMs, label);
}
