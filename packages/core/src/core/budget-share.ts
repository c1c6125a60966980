/**
 * The share of the API's limit a budget allows itself after the 429s it has seen: additive
 * increase, multiplicative decrease (AIMD, as TCP's congestion window). Processes on other
 * machines with the same key cannot be seen, only the API's 429s can, so a 429 halves the share
 * and every window without one gives a twentieth of the limit back: a fleet that overruns the
 * window converges below it instead of hammering, and a budget that is alone is back at the whole
 * limit ten windows after a halving (ten minutes at the API's 120 / 60 s). A tenth grew a fleet
 * of three back into overload sooner: in the fleet test it drew about 1.5 times the 429s. A
 * budget that never gets a 429 always has the whole limit.
 *
 * Pure functions of a small state, so the in-process limiter and the machine ledger keep the same
 * state and the arithmetic is tested on its own.
 */
export interface Share {
  /** Requests per window right after the last cut. */
  base: number;
  /** When the last cut happened (0: never); growth counts whole windows from here. */
  cutAt: number;
}

/** The share a budget starts with: the whole limit. */
export const FULL_SHARE: Share = Object.freeze({ base: Number.POSITIVE_INFINITY, cutAt: 0 });

/** The smallest share a cut leaves: one request per window still gets through. */
export const MIN_SHARE = 1;

/** Requests per window given back after each window without a 429: a twentieth of the limit. */
export function growthStep(limit: number): number {
  return Math.max(1, Math.round(limit / 20));
}

/** Requests per window allowed at `now`: the base plus one step per whole window since the cut. */
export function currentShare(share: Share, limit: number, windowMs: number, now: number): number {
  if (share.base >= limit) return limit;
  const windows = Math.max(0, Math.floor((now - share.cutAt) / windowMs));
  return Math.min(limit, share.base + windows * growthStep(limit));
}

/**
 * The share after a 429 answered a request sent at `sentAt`: halved (to at least `MIN_SHARE`),
 * once per overload. A request sent before the last cut was sent under the old share, and its
 * 429 belongs to the overload that cut already answered, so it changes nothing (a burst refused
 * together must not halve the share once per refused request).
 */
export function afterRateLimited(
  share: Share,
  limit: number,
  windowMs: number,
  now: number,
  sentAt: number,
): Share {
  if (sentAt < share.cutAt) return share;
  const current = currentShare(share, limit, windowMs, now);
  return { base: Math.max(MIN_SHARE, Math.floor(current / 2)), cutAt: now };
}

/** Whether `value` (read from a ledger file) is a share; anything else counts as the full one. */
export function isShare(value: unknown): value is Share {
  if (typeof value !== 'object' || value === null) return false;
  const { base, cutAt } = value as Record<string, unknown>;
  return (
    typeof base === 'number' &&
    base >= MIN_SHARE &&
    typeof cutAt === 'number' &&
    Number.isFinite(cutAt)
  );
}
