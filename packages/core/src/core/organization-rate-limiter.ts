import { createHash } from 'node:crypto';
import { budgetScope, machineBudgetFor } from './machine-budget.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limiter.ts';

/**
 * One limiter per API origin, key and window, for the whole process. The API's budget is per
 * organization, so clients built independently for the same key (the Astro build loader, the live
 * loader in the same server, the dev poller) must draw from one limiter or together they overrun
 * it. Keyed by a hash so the key itself is never held here; entries are a few numbers each and a
 * process talks to a handful of organizations, so they are kept for the process's lifetime.
 * Unless `scope: 'process'`, the limiter also draws from the machine-wide budget of that key.
 */
const limiters = new Map<string, RateLimiter>();

export function organizationRateLimiter(
  baseURL: string,
  apiKey: string,
  options: RateLimitOptions = DEFAULT_RATE_LIMIT,
): RateLimiter {
  const keyHash = createHash('sha256').update(apiKey).digest('hex');
  const origin = baseURL.replace(/\/+$/, '');
  const scope = budgetScope(options);
  const adaptive = options.adaptive !== false;
  const id = [origin, keyHash, options.requests, options.windowMs, scope, adaptive].join(' ');
  let limiter = limiters.get(id);
  if (limiter === undefined) {
    limiter = new RateLimiter(options, machineBudgetFor(origin, apiKey, options));
    limiters.set(id, limiter);
  }
  return limiter;
}
