import type { RateLimitOptions } from './options.ts';

/**
 * Fixed windows per organization, aligned to multiples of the window length. Returns the
 * seconds until the window resets when the request is over the limit.
 */
export class FixedWindowLimiter {
  readonly #options: RateLimitOptions | false;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions | false) {
    this.#options = options;
  }

  /** null when allowed; otherwise seconds to wait (at least 1). */
  hit(orgId: string, now: number): number | null {
    if (!this.#options) return null;
    const { requests, windowMs } = this.#options;
    const start = now - (now % windowMs);
    let window = this.#windows.get(orgId);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.#windows.set(orgId, window);
    }
    window.count += 1;
    if (window.count <= requests) return null;
    return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  }
}
