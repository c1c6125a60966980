import { type Logger, RoboWrite } from '@robowrite/core';
import type { RobowriteSourceOptions } from './options.ts';

/** The four methods Astro's integration logger and the client's `Logger` have in common. */
type AstroLogger = Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>;

/**
 * A client for one load. Built when the loader runs, not when the config is read, so the key and
 * base URL come from the environment of the build (`ROBOWRITE_API_KEY`, `ROBOWRITE_BASE_URL`).
 * With an Astro logger, the client's own lines (retries, rate-limit pauses) go through it too,
 * unless `clientOptions.logger` says otherwise.
 */
export function createClient(
  options: RobowriteSourceOptions,
  astroLogger?: AstroLogger,
): RoboWrite {
  const logger = options.clientOptions?.logger ?? (astroLogger && toClientLogger(astroLogger));
  return new RoboWrite({
    ...options.clientOptions,
    ...(logger ? { logger } : {}),
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.baseURL !== undefined ? { baseURL: options.baseURL } : {}),
  });
}

function toClientLogger(astro: AstroLogger): Logger {
  const line = (message: string, rest: unknown[]): string =>
    [message, ...rest.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))]
      .join(' ')
      .trim();
  return {
    debug: (message, ...rest) => astro.debug(line(message, rest)),
    info: (message, ...rest) => astro.info(line(message, rest)),
    warn: (message, ...rest) => astro.warn(line(message, rest)),
    error: (message, ...rest) => astro.error(line(message, rest)),
  };
}
