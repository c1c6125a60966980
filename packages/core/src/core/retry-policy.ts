import { EdgeBlockedError, NotFoundError, RateLimitError, type RoboWriteError } from './errors.ts';
import { jitter } from './sleep.ts';

export const DEFAULT_MAX_RETRIES = 2;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A Retry-After longer than this is not waited out inside a call; the error goes to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 408, 429 and every 5xx are worth another attempt; other statuses are the caller's to fix. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Whether a request may be sent again, whatever happened to it, without risking a second side
 * effect. GET and DELETE are idempotent. A POST is retried only when it carries an
 * Idempotency-Key on a route that honours one (the server then replays instead of repeating); a
 * key on any other POST would be ignored by the server, so it does not make a retry safe. PATCH
 * is not: a brief edit is versioned, so a repeat would add a version. (A refusal that proves the
 * request never ran is retried for every method: see `wasNotProcessed`.)
 */
export function isSafeToRetry(method: string, idempotent: boolean): boolean {
  if (method === 'GET' || method === 'DELETE') return true;
  return method === 'POST' && idempotent;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; null when absent/bad. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff with jitter for the `attempt`-th retry (1-based). */
export function backoffMs(attempt: number): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
  return jitter(base, 0.25);
}

/**
 * The server's Retry-After plus a little random skew, so many clients told the same instant do
 * not all come back in the same millisecond.
 */
export function retryAfterWithSkew(retryAfterMs: number): number {
  return retryAfterMs + Math.random() * Math.min(1000, 50 + retryAfterMs * 0.1);
}

/**
 * The answers that prove the request was refused before the API ran it: a `429` (the rate
 * limit is checked first) and the edge's empty-bodied `403` (the API never saw the request).
 * Repeating such a request cannot repeat a side effect, so any method may be retried on them.
 */
export function wasNotProcessed(error: RoboWriteError): boolean {
  return error instanceof RateLimitError || error instanceof EdgeBlockedError;
}

/**
 * A DELETE answered `404` on a retry, after an earlier attempt whose outcome is unknown (its
 * response was lost or was a 5xx): that attempt most likely deleted the resource, which is what
 * the caller asked for.
 */
export function isDeleteAlreadyDone(
  method: string,
  error: RoboWriteError,
  earlierMayHaveRun: boolean,
): boolean {
  return method === 'DELETE' && earlierMayHaveRun && error instanceof NotFoundError;
}
