import pThrottle from 'p-throttle';
import { sleep } from './sleep.ts';

export interface RateLimitOptions {
  /** Requests allowed in any window. */
  requests: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 120, windowMs: 60_000 };

/**
 * The client-side budget every request of a client (or of several clients of one organization,
 * when they share an instance) draws from before it is sent, retries and polls included.
 *
 * The window itself is p-throttle in strict mode: a true sliding window, so no span of `windowMs`
 * ever holds more than `requests` sends, which also keeps the server's fixed windows under the
 * limit. The window is widened by a small margin because the server counts arrivals, not sends,
 * and loopback or network latency varies a little between requests.
 *
 * p-throttle has no notion of "stop everyone for a while", so the pause a `429` imposes on the
 * whole client is a shared deadline here that every acquire waits out first.
 */
export class RateLimiter {
  readonly requests: number | null;
  readonly windowMs: number | null;
  readonly #take: (() => Promise<void>) | null;
  #pausedUntil = 0;

  constructor(options: RateLimitOptions | false) {
    if (options === false) {
      this.requests = null;
      this.windowMs = null;
      this.#take = null;
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
    const margin = Math.min(Math.max(25, windowMs * 0.02), 1000);
    this.#take = pThrottle({ limit: requests, interval: windowMs + margin, strict: true })(
      async () => {},
    );
  }

  /** Waits until the pause (if any) is over and a slot in the window is free. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#pausedUntil - Date.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    signal?.throwIfAborted();
    if (this.#take === null) return;
    if (!signal) return this.#take();
    // p-throttle only aborts a whole throttle; a single caller gives up its wait by racing. The
    // slot it reserved is spent when its timer fires, which only ever makes the client slower.
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.#take(), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Holds every later acquire until `ms` from now (a 429 arrived). Pauses only ever extend. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  /** Milliseconds left in the current pause (0 when not paused). */
  get pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - Date.now());
  }
}
