import {
  createRoboWriteProvider,
  DEFAULT_BASE_URL,
  type Logger,
  organizationRateLimiter,
  RateLimiter,
  RoboWrite,
  type RoboWriteProvider,
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
 * environment. Never throws: a missing key is `providerFor`'s to report.
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
 * Hands out one factory's provider: what `robowriteLoader()` and its siblings each hold. The
 * loaders read RoboWrite only through core's provider (`ProviderV1`), the seam the CLI reads
 * through too.
 */
export interface ProviderCache {
  /**
   * The factory's provider, over a client built on first use and reused while the key and base
   * URL stay the same (a key added to `.env` later gets a new client). Throws
   * `MissingApiKeyError` without a key. `astroLogger` receives the client's lines from now on.
   */
  providerFor(credentials: RobowriteCredentials, astroLogger?: AstroLogger): RoboWriteProvider;
  /** Closes the client's connection pool; the next `providerFor` builds a new client. */
  close(): void;
}

/**
 * One client (and the provider over it) per loader factory call, so its keep-alive connections and its rate limiter are
 * reused across loads, requests and polls instead of a new pool and budget per call. Its
 * limiter is core's per-organization one (unless `clientOptions.rateLimit` is a `RateLimiter` or
 * `false`), so the build loader, the live loader and the dev poller of one site share the API's
 * budget. Idle sockets do not hold a process open (undici unrefs them), so a build still exits.
 */
export function providerCache(options: RobowriteSourceOptions): ProviderCache {
  let cached: { client: RoboWrite; provider: RoboWriteProvider; identity: string } | null = null;
  let currentLogger: AstroLogger | undefined;
  // Built once; forwards to whichever Astro logger the latest caller gave.
  const forwardingLogger = toClientLogger({
    debug: (message) => currentLogger?.debug(message),
    info: (message) => currentLogger?.info(message),
    warn: (message) => currentLogger?.warn(message),
    error: (message) => currentLogger?.error(message),
  });
  const close = (): void => {
    // Graceful: requests still in flight on the old pool finish first.
    cached?.client.close().catch(() => {});
    cached = null;
  };
  return {
    providerFor: (credentials, astroLogger) => {
      if (!credentials.apiKey) throw new MissingApiKeyError(credentials.envFile);
      if (astroLogger) currentLogger = astroLogger;
      const identity = `${credentials.baseURL ?? ''} ${credentials.apiKey}`;
      if (cached?.identity !== identity) {
        close();
        const client = createClient(options, credentials.apiKey, credentials.baseURL, () =>
          currentLogger ? forwardingLogger : undefined,
        );
        // The provider does not own the client: this cache closes it.
        cached = { client, provider: createRoboWriteProvider({ client }), identity };
      }
      return cached.provider;
    },
    close,
  };
}

function createClient(
  options: RobowriteSourceOptions,
  apiKey: string,
  baseURL: string | undefined,
  astroLogger: () => Logger | undefined,
): RoboWrite {
  const logger = options.clientOptions?.logger ?? astroLogger();
  const rateLimit = options.clientOptions?.rateLimit;
  return new RoboWrite({
    ...options.clientOptions,
    ...(logger ? { logger } : {}),
    apiKey,
    ...(baseURL !== undefined ? { baseURL } : {}),
    rateLimit:
      rateLimit === false || rateLimit instanceof RateLimiter
        ? rateLimit
        : organizationRateLimiter(baseURL ?? DEFAULT_BASE_URL, apiKey, rateLimit),
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
