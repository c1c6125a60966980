import { createHash } from 'node:crypto';
import { budgetScope, machineBudgetFor } from '../../core/machine-budget.ts';
import { RateLimiter, type RateLimitOptions } from '../../core/rate-limiter.ts';

/** The seed's three rate-limit rows (000, "Rate Limits"), each counted on its own per key. */
export const WRITERZROOM_ROUTE_GROUPS = ['generate', 'status', 'other'] as const;
export type WriterzRoomRouteGroup = (typeof WRITERZROOM_ROUTE_GROUPS)[number];

/** `POST .../generate` 10/min, `GET .../generate/status/{id}` 60/min, everything else 200/hour. */
export const WRITERZROOM_RATE_LIMITS: Readonly<Record<WriterzRoomRouteGroup, RateLimitOptions>> =
  Object.freeze({
    generate: { requests: 10, windowMs: 60_000 },
    status: { requests: 60, windowMs: 60_000 },
    other: { requests: 200, windowMs: 3_600_000 },
  });

/** Per group: other numbers (tests scale the windows), a shared limiter, or `false` for none. */
export type WriterzRoomRateLimits = Partial<
  Record<WriterzRoomRouteGroup, RateLimitOptions | RateLimiter | false>
>;

/**
 * One limiter per API origin, key and group, for the whole process: the server counts per key
 * across both dialects, so every client of one key (a loader, the CLI's watch loop) must draw
 * from the same three budgets or together they overrun them; unless `scope: 'process'`, every
 * process of the machine does too. Keyed by a hash: the key is not kept.
 */
const shared = new Map<string, RateLimiter>();

function sharedLimiter(
  origin: string,
  apiKey: string,
  group: WriterzRoomRouteGroup,
  options: RateLimitOptions,
): RateLimiter {
  const keyHash = createHash('sha256').update(apiKey).digest('hex');
  const id = [
    origin,
    keyHash,
    group,
    options.requests,
    options.windowMs,
    budgetScope(options),
  ].join(' ');
  let limiter = shared.get(id);
  if (limiter === undefined) {
    limiter = new RateLimiter(options, machineBudgetFor(origin, apiKey, options, group));
    shared.set(id, limiter);
  }
  return limiter;
}

/** The three limiters a client draws from; `false` turns every one off. */
export function routeLimiters(
  origin: string,
  apiKey: string,
  limits: WriterzRoomRateLimits | false | undefined,
): Record<WriterzRoomRouteGroup, RateLimiter> {
  const pick = (group: WriterzRoomRouteGroup): RateLimiter => {
    const given = limits === false ? false : (limits?.[group] ?? WRITERZROOM_RATE_LIMITS[group]);
    if (given === false) return new RateLimiter(false);
    if (given instanceof RateLimiter) return given;
    return sharedLimiter(origin, apiKey, group, given);
  };
  return { generate: pick('generate'), status: pick('status'), other: pick('other') };
}
