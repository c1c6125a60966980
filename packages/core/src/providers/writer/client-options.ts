import type { Dispatcher } from 'undici';
import { RoboWriteError } from '../../core/errors.ts';
import type { Logger, LogLevel } from '../../core/logger.ts';
import type { RateLimiter, RateLimitOptions } from '../../core/rate-limiter.ts';
import { DEFAULT_MAX_RETRIES } from '../../core/retry-policy.ts';

/** Writer's API origin; the client appends `/v1/...`, as the official SDK does. */
export const WRITER_BASE_URL = 'https://api.writer.com';
/** Per attempt: every call is small (a job runs asynchronously). */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface WriterOptions {
  /** Defaults to `WRITER_API_KEY`. */
  apiKey?: string | undefined;
  /** The origin, without `/v1`. Defaults to `WRITER_BASE_URL`, then production. */
  baseURL?: string | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2); a POST is retried only on a 429. */
  maxRetries?: number | undefined;
  /**
   * Client-side limit. Writer documents none: the default is core's 120 requests a minute,
   * shared per origin and key within the process; `false` for none.
   */
  rateLimit?: RateLimitOptions | RateLimiter | false | undefined;
  /** An undici dispatcher to send through (tests, proxies); the client then does not own it. */
  dispatcher?: Dispatcher | undefined;
  userAgent?: string | undefined;
  logger?: Logger | undefined;
  /** Defaults to `ROBOWRITE_LOG`, then `warn`. */
  logLevel?: LogLevel | undefined;
}

export function checkedWriterKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new RoboWriteError(
      'missing Writer API key: pass `apiKey` or set WRITER_API_KEY (AI Studio → API keys)',
    );
  }
  if (/\s/.test(apiKey)) {
    throw new RoboWriteError(
      'the API key contains whitespace; paste it without spaces or newlines',
    );
  }
  return apiKey;
}

/** The per-attempt timeout and retry budget, checked. */
export function checkedWriterBudget(options: WriterOptions): {
  timeout: number;
  maxRetries: number;
} {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RoboWriteError('timeout must be a positive number of milliseconds');
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RoboWriteError('maxRetries must be a non-negative integer');
  }
  return { timeout, maxRetries };
}
