/**
 * Every numeric flag and config value, with the range it must fall in. One table so the flags,
 * the config schema and the README agree. The upper limits stay well under Node's timer limit
 * (2^31 - 1 ms, about 24.8 days): past it `setTimeout` fires at once and a watch loop would
 * poll with no pause at all.
 */
export interface Bound {
  min: number;
  max: number;
  unit: string;
}

const HOUR_MS = 3_600_000;

export const BOUNDS = {
  /** `pull --interval`, `watch.intervalMs`: pause between watch polls. */
  watchIntervalMs: { min: 100, max: HOUR_MS, unit: 'ms' },
  /**
   * `watch.requestsPerMinute`: the API allows 120 per 60 s, but the emulator and the benchmarks
   * run scaled-down windows far above that (1 440 a minute for a 2.5 s window); the cap of 1 000 a
   * second only keeps the pause between polls from rounding down to nothing.
   */
  requestsPerMinute: { min: 1, max: 60_000, unit: 'requests per minute' },
  /** `generate --interval`: pause between job polls with `--wait`. */
  pollIntervalMs: { min: 10, max: HOUR_MS, unit: 'ms' },
  /** `generate --timeout`: how long `--wait` waits; the guide says runs can take 25 min. */
  waitTimeoutMs: { min: 1000, max: 24 * HOUR_MS, unit: 'ms' },
} as const satisfies Record<string, Bound>;

/** Why `value` is not a whole number inside `bound`, or null when it is. */
export function boundProblem(value: number, bound: Bound): string | null {
  if (!Number.isSafeInteger(value) || value < bound.min || value > bound.max) {
    return `expected a whole number from ${bound.min} to ${bound.max} (${bound.unit})`;
  }
  return null;
}

/** Parses a flag value: digits only, no `1e3`, no `0x10`, no blanks; then the bound. */
export function parseBounded(text: string, bound: Bound): number {
  const value = /^\d{1,16}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const problem = boundProblem(value, bound);
  if (problem !== null) throw new RangeError(problem);
  return value;
}
