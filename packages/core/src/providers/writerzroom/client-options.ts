import type { Dispatcher } from 'undici';
import { RoboWriteError } from '../../core/errors.ts';
import type { Logger, LogLevel } from '../../core/logger.ts';
import { DEFAULT_MAX_RETRIES } from '../../core/retry-policy.ts';
import { WRITERZROOM_DIALECTS, type WriterzRoomDialect } from './dialect.ts';
import type { WriterzRoomRateLimits } from './rate-limits.ts';

/** The origin both dialects hang off (`/api/...`, `/v1/...`). */
export const WRITERZROOM_BASE_URL = 'https://api.writerzroom.com';
/** Per attempt: every call is small (generation is asynchronous). */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface WriterzRoomOptions {
  /** Defaults to `WRITERZROOM_API_KEY`. */
  apiKey?: string | undefined;
  /** The origin, without `/api` or `/v1`. Defaults to `WRITERZROOM_BASE_URL`, then production. */
  baseURL?: string | undefined;
  /** Which document's routes and shapes to speak (default `api`, the newest). */
  dialect?: WriterzRoomDialect | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2); a generate POST is retried only on a 429. */
  maxRetries?: number | undefined;
  /**
   * Client-side limits per route group (default: the documented 10/min, 60/min, 200/hour),
   * `false` for none. Limiters are shared per origin, key and group within the process.
   */
  rateLimit?: WriterzRoomRateLimits | false | undefined;
  /** An undici dispatcher to send through (tests, proxies); the client then does not own it. */
  dispatcher?: Dispatcher | undefined;
  userAgent?: string | undefined;
  logger?: Logger | undefined;
  /** Defaults to `ROBOWRITE_LOG`, then `warn`. */
  logLevel?: LogLevel | undefined;
}

export function checkedKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new RoboWriteError(
      'missing WriterzRoom API key: pass `apiKey` or set WRITERZROOM_API_KEY (Settings → API ' +
        'Access in WriterzRoom; the Professional plan or above)',
    );
  }
  if (/\s/.test(apiKey)) {
    throw new RoboWriteError(
      'the API key contains whitespace; paste it without spaces or newlines',
    );
  }
  return apiKey;
}

export function checkedDialect(dialect: unknown): WriterzRoomDialect {
  if ((WRITERZROOM_DIALECTS as readonly unknown[]).includes(dialect)) {
    return dialect as WriterzRoomDialect;
  }
  throw new RoboWriteError(`dialect must be one of ${WRITERZROOM_DIALECTS.join(', ')}`);
}

/** The per-attempt timeout and retry budget, checked. */
export function checkedBudget(options: WriterzRoomOptions): {
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
