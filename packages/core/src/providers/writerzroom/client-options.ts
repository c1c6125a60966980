import type { Dispatcher } from 'undici';
import { RoboWriteError } from '../../core/errors.ts';
import type { Logger, LogLevel } from '../../core/logger.ts';
import { checkedApiKey } from '../shared/client-options.ts';
import { WRITERZROOM_DIALECTS, type WriterzRoomDialect } from './dialect.ts';
import type { WriterzRoomRateLimits } from './rate-limits.ts';

/** The origin both dialects hang off (`/api/...`, `/v1/...`). */
export const WRITERZROOM_BASE_URL = 'https://api.writerzroom.com';

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
  return checkedApiKey(
    apiKey,
    'missing WriterzRoom API key: pass `apiKey` or set WRITERZROOM_API_KEY (Settings → API ' +
      'Access in WriterzRoom; the Professional plan or above)',
  );
}

export function checkedDialect(dialect: unknown): WriterzRoomDialect {
  if ((WRITERZROOM_DIALECTS as readonly unknown[]).includes(dialect)) {
    return dialect as WriterzRoomDialect;
  }
  throw new RoboWriteError(`dialect must be one of ${WRITERZROOM_DIALECTS.join(', ')}`);
}
