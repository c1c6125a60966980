import type { Dispatcher } from 'undici';
import type { Logger, LogLevel } from '../../core/logger.ts';
import type { RateLimiter, RateLimitOptions } from '../../core/rate-limiter.ts';
import { checkedApiKey } from '../shared/client-options.ts';

/** Writer's API origin; the client appends `/v1/...`, as the official SDK does. */
export const WRITER_BASE_URL = 'https://api.writer.com';

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
  return checkedApiKey(
    apiKey,
    'missing Writer API key: pass `apiKey` or set WRITER_API_KEY (AI Studio → API keys)',
  );
}
