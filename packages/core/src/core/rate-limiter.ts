import { afterRateLimited, currentShare, FULL_SHARE, type Share } from './budget-share.ts';

export interface RateLimitOptions {
  /** Requests allowed in any window. */
  requests: number;
  windowMs: number;
  /**
   * `true` (the default): a 429 also halves the requests this budget allows itself per window,
   * and each window without one gives a twentieth of the limit back (see `budget-share.ts`), so
   * processes that cannot see each other (other machines) converge instead of hammering.
   * `false`: a 429 only pauses (the behaviour before; benchmarks compare the two).
   */
  adaptive?: boolean | undefined;
  /**
   * `'machine'` (the default where the client knows the key): every process of this machine using
   * the same key shares the budget through a ledger file. `'process'`: this process's alone.
   */
  scope?: 'machine' | 'process' | undefined;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 120, windowMs: 60_000 };

/** Frees a slot: called once the response (or the failure) is in. */
export type ReleaseSlot = () => void;

interface Slot {
  /** When the slot may be reused: Infinity while its request is in flight. */
  freeAt: number;
}

interface Waiter {
  grant: (release: HeldSlot) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** Frees a slot; `sent: false` when its request never went out, so it frees at once. */
type HeldSlot = (sent?: boolean) => void;

/** What a process-level grant also takes before the request is sent (see `MachineBudget`). */
export interface SharedBudget {
  acquire(signal?: AbortSignal): Promise<() => void>;
  pause(ms: number): void;
  /** A 429 answered a request sent at `sentAt`: pause every sharer and cut the shared share. */
  rateLimited(pauseMs: number, sentAt: number): void;
  readonly pausedForMs: number;
}

const noop: HeldSlot = () => {};

/**
 * The client-side budget every request of a client (or of several clients of one organization,
 * when they share an instance) draws from before it is sent, retries and polls included.
 *
 * A slot is held from the moment a request is sent until `windowMs` after its response arrived.
 * The server counts a request when it arrives, which is somewhere between the two; holding the
 * slot that long means no span of `windowMs` on the server's clock can ever see more than
 * `requests` arrivals, however late the network or a busy event loop delivers them (a plain
 * sliding window over send times, as p-throttle keeps, only holds while latency stays below its
 * margin, and 429s came back under load). That guarantee is why this is hand-written.
 *
 * Waiters are served first come, first served. The pause a `429` imposes on the whole client is a
 * shared deadline every grant waits out first; the 429 also cuts how many slots the limiter lets
 * itself hold (its share, which grows back window by window: `budget-share.ts`). With a
 * `SharedBudget` (the machine-wide ledger), each grant also takes one of its slots before the
 * request is sent; the queue stays in-process.
 */
export class RateLimiter {
  readonly requests: number | null;
  readonly windowMs: number | null;
  readonly #slots = new Set<Slot>();
  readonly #queue: Waiter[] = [];
  #pausedUntil = 0;
  #timer: NodeJS.Timeout | null = null;
  readonly #shared: SharedBudget | undefined;
  readonly #adaptive: boolean;
  #share: Share = FULL_SHARE;

  constructor(options: RateLimitOptions | false, shared?: SharedBudget) {
    this.#shared = options === false ? undefined : shared;
    this.#adaptive = options !== false && options.adaptive !== false;
    if (options === false) {
      this.requests = null;
      this.windowMs = null;
      return;
    }
    const { requests, windowMs } = options;
    if (!Number.isInteger(requests) || requests < 1) {
      throw new TypeError('rateLimit.requests must be a positive integer');
    }
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new TypeError('rateLimit.windowMs must be a positive number of milliseconds');
    }
    this.requests = requests;
    this.windowMs = windowMs;
  }

  /**
   * Waits until the pause (if any) is over and a slot is free, then holds the slot. Call the
   * returned function when the response has arrived (or the attempt failed).
   */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    const local = await this.#queued(signal);
    if (this.#shared === undefined) return local;
    let freeShared: () => void;
    try {
      freeShared = await this.#shared.acquire(signal);
    } catch (error) {
      local(false);
      throw error;
    }
    return () => {
      freeShared();
      local();
    };
  }

  #queued(signal?: AbortSignal): Promise<HeldSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<HeldSlot>((grant, reject) => {
      const waiter: Waiter = { grant, reject, signal, onAbort: () => {} };
      waiter.onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
        this.#pump();
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** Holds every later grant until `ms` from now (a 429 arrived). Pauses only ever extend. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    this.#shared?.pause(ms);
  }

  /**
   * A 429 answered the request sent at `sentAt`: pause for `pauseMs` and, unless the limiter is
   * not adaptive, cut its share (and the machine's, when it shares one) once per overload.
   */
  rateLimited(pauseMs: number, sentAt: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + pauseMs);
    if (this.#adaptive && this.requests !== null && this.windowMs !== null) {
      this.#share = afterRateLimited(this.#share, this.requests, this.windowMs, Date.now(), sentAt);
    }
    if (this.#shared === undefined) return;
    if (this.#adaptive) this.#shared.rateLimited(pauseMs, sentAt);
    else this.#shared.pause(pauseMs);
  }

  /** Requests per window this limiter allows itself now: the limit until a 429 cuts it. */
  get share(): number | null {
    if (this.requests === null || this.windowMs === null) return null;
    return currentShare(this.#share, this.requests, this.windowMs, Date.now());
  }

  /** Milliseconds left in the current pause (0 when not paused). */
  get pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - Date.now(), this.#shared?.pausedForMs ?? 0);
  }

  /** Grants slots to waiters in order while there are any, then sleeps until one could free. */
  #pump(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    while (this.#queue.length > 0) {
      const now = Date.now();
      if (now < this.#pausedUntil) {
        this.#wake(this.#pausedUntil - now);
        return;
      }
      let nextFree = Number.POSITIVE_INFINITY;
      const share = this.share;
      if (share !== null) {
        for (const slot of this.#slots) {
          if (slot.freeAt <= now) this.#slots.delete(slot);
          else nextFree = Math.min(nextFree, slot.freeAt);
        }
        // Every slot in flight: the next release calls #pump again.
        if (this.#slots.size >= share) {
          if (Number.isFinite(nextFree)) this.#wake(nextFree - now);
          return;
        }
      }
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.grant(this.#hold());
    }
  }

  #hold(): HeldSlot {
    if (this.requests === null || this.windowMs === null) return noop;
    const slot: Slot = { freeAt: Number.POSITIVE_INFINITY };
    this.#slots.add(slot);
    const windowMs = this.windowMs;
    let released = false;
    return (sent = true) => {
      if (released) return;
      released = true;
      slot.freeAt = sent ? Date.now() + windowMs : 0;
      if (this.#queue.length > 0) this.#pump();
    };
  }

  #wake(ms: number): void {
    this.#timer = setTimeout(
      () => {
        this.#timer = null;
        this.#pump();
      },
      Math.max(1, ms),
    );
  }
}
