import {
  type Logger,
  RoboWrite,
  type RobowriteCredentials,
  resolveCredentials,
} from '@robowrite/core';
import { MissingApiKeyError } from './errors.ts';
import type { RobowriteSourceOptions } from './options.ts';

/** The four methods Astro's integration logger and the client's `Logger` have in common. */
type AstroLogger = Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>;

/**
 * The key and base URL for one load: the loader's own `apiKey` and `baseURL` options first, then
 * core's `resolveCredentials` (the environment, then `<root>/.env`: the rules the CLI follows).
 * Read when the loader runs, not when the config is read, so they come from the build's
 * environment. Never throws: a missing key is `createClient`'s to report.
 */
export async function loaderCredentials(
  options: Pick<RobowriteSourceOptions, 'apiKey' | 'baseURL'>,
  root: string,
): Promise<RobowriteCredentials> {
  const found = await resolveCredentials({ root });
  return {
    apiKey: options.apiKey ?? found.apiKey,
    baseURL: options.baseURL ?? found.baseURL,
    envFile: found.envFile,
  };
}

/**
 * A client for one load. With an Astro logger, the client's own lines (retries, rate-limit pauses)
 * go through it too, unless `clientOptions.logger` says otherwise.
 */
export function createClient(
  options: RobowriteSourceOptions,
  credentials: RobowriteCredentials,
  astroLogger?: AstroLogger,
): RoboWrite {
  if (!credentials.apiKey) {
    throw new MissingApiKeyError(credentials.envFile);
  }
  const logger = options.clientOptions?.logger ?? (astroLogger && toClientLogger(astroLogger));
  return new RoboWrite({
    ...options.clientOptions,
    ...(logger ? { logger } : {}),
    apiKey: credentials.apiKey,
    ...(credentials.baseURL !== undefined ? { baseURL: credentials.baseURL } : {}),
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
