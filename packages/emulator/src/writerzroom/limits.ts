import { FixedWindowLimiter } from '../rate-limit.ts';
import { ROUTE_BUCKETS, type RouteBucket, type RouteLimits } from './options.ts';

/** The documented limits, per API key and per route group, each its own fixed window. */
export class RouteLimiter {
  readonly #limiters: Record<RouteBucket, FixedWindowLimiter>;

  constructor(limits: RouteLimits) {
    this.#limiters = Object.fromEntries(
      ROUTE_BUCKETS.map((bucket) => [bucket, new FixedWindowLimiter(limits[bucket])]),
    ) as Record<RouteBucket, FixedWindowLimiter>;
  }

  /** null when allowed; otherwise the seconds until this key's window for the group resets. */
  hit(accountId: string, bucket: RouteBucket, now: number): number | null {
    return this.#limiters[bucket].hit(accountId, now);
  }
}
