import {
  CREDENTIAL_VARIABLES,
  createProvider,
  DEFAULT_BASE_URL,
  type Logger,
  organizationRateLimiter,
  type ProviderName,
  type ProviderSettings,
  type ProviderV1,
  RateLimiter,
  resolveCredentials,
  type WriterCredentials,
  type WriterzRoomCredentials,
} from '@robowrite/core';
import { MissingApiKeyError, RefusedDialectError } from './errors.ts';
import type { RobowriteSourceOptions } from './options.ts';
import {
  checkedLoaderProvider,
  LOADER_WRITERZROOM_DIALECT,
  refusedDialectProblem,
} from './provider-choice.ts';

/** The four methods Astro's integration logger and the client's `Logger` have in common. */
type AstroLogger = Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>;

/** Where and how one load reaches its provider, as found when it runs. */
export interface LoaderConnection {
  provider: ProviderName;
  apiKey: string | undefined;
  baseURL: string | undefined;
  /** The `.env` file that was consulted, for messages that say where to look. */
  envFile: string;
  /** WriterzRoom: the loader's `dialect`, else `WRITERZROOM_DIALECT`, else `v1`. */
  dialect?: string;
  /** Writer: the loader's `applicationIds`, else `[WRITER_APPLICATION_ID]`, else none. */
  applicationIds?: readonly string[];
}

/**
 * The key, base URL and provider settings for one load: the loader's own options first, then
 * core's `resolveCredentials` for its provider (the environment, then `<root>/.env`: the rules
 * the CLI follows). Read when the loader runs, not when the config is read, so they come from the
 * build's environment. Never throws: a missing key is `providerFor`'s to report.
 */
export async function loaderCredentials(
  options: RobowriteSourceOptions,
  root: string,
): Promise<LoaderConnection> {
  const provider = checkedLoaderProvider(options.provider);
  const found = await resolveCredentials({ root, provider });
  const connection: LoaderConnection = {
    provider,
    apiKey: options.apiKey ?? found.apiKey,
    baseURL: options.baseURL ?? found.baseURL,
    envFile: found.envFile,
  };
  if (options.provider === 'writerzroom') {
    const { dialect } = found as WriterzRoomCredentials;
    connection.dialect = options.dialect ?? dialect ?? LOADER_WRITERZROOM_DIALECT;
  } else if (options.provider === 'writer') {
    const { applicationId } = found as WriterCredentials;
    connection.applicationIds = options.applicationIds ?? (applicationId ? [applicationId] : []);
  }
  return connection;
}

/**
 * Hands out one factory's provider: what `robowriteLoader()` and its siblings each hold. The
 * loaders read every API only through core's provider (`ProviderV1`, built by core's
 * `createProvider`), the seam the CLI reads through too.
 */
export interface ProviderCache {
  /**
   * The factory's provider, built on first use and reused while the connection stays the same
   * (a key added to `.env` later gets a new one). Throws `MissingApiKeyError` without a key, and
   * `RefusedDialectError` for WriterzRoom's `api` dialect. `astroLogger` receives the client's
   * lines from now on.
   */
  providerFor(connection: LoaderConnection, astroLogger?: AstroLogger): ProviderV1;
  /** Closes the client's connection pool; the next `providerFor` builds a new provider. */
  close(): void;
}

/**
 * One provider (and the client under it) per loader factory call, so its keep-alive connections
 * and its rate limiters are reused across loads, requests and polls instead of a new pool and
 * budget per call. Each client's limiter is shared within the process per origin and key
 * (RoboWrite's `organizationRateLimiter`, unless `clientOptions.rateLimit` is a `RateLimiter` or
 * `false`; WriterzRoom's and Writer's own by default), so the build loader, the live loader and
 * the dev poller of one site share the API's budget. Idle sockets do not hold a process open
 * (undici unrefs them), so a build still exits.
 */
export function providerCache(options: RobowriteSourceOptions): ProviderCache {
  let cached: { provider: ProviderV1; identity: string } | null = null;
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
    cached?.provider.close().catch(() => {});
    cached = null;
  };
  return {
    providerFor: (connection, astroLogger) => {
      if (!connection.apiKey) {
        const variable = CREDENTIAL_VARIABLES[connection.provider].apiKey;
        throw new MissingApiKeyError(connection.envFile, variable);
      }
      const refused = refusedDialectProblem(connection.dialect);
      if (connection.provider === 'writerzroom' && refused !== null) {
        throw new RefusedDialectError(refused);
      }
      if (astroLogger) currentLogger = astroLogger;
      const identity = JSON.stringify([
        connection.provider,
        connection.baseURL ?? '',
        connection.apiKey,
        connection.dialect ?? '',
        connection.applicationIds ?? [],
      ]);
      if (cached?.identity !== identity) {
        close();
        const logger =
          options.clientOptions?.logger ?? (currentLogger ? forwardingLogger : undefined);
        const settings = providerSettings(options, connection, connection.apiKey, logger);
        cached = { provider: createProvider(settings), identity };
      }
      return cached.provider;
    },
    close,
  };
}

/** Core's `createProvider` settings for this connection: the loader's client options on top. */
function providerSettings(
  options: RobowriteSourceOptions,
  connection: LoaderConnection,
  apiKey: string,
  logger: Logger | undefined,
): ProviderSettings {
  const common = {
    apiKey,
    ...(connection.baseURL !== undefined ? { baseURL: connection.baseURL } : {}),
    ...(logger ? { logger } : {}),
  };
  if (options.provider === 'writerzroom') {
    const dialect = connection.dialect as 'api' | 'v1';
    return { provider: 'writerzroom', ...options.clientOptions, ...common, dialect };
  }
  if (options.provider === 'writer') {
    const applicationIds = connection.applicationIds ?? [];
    return { provider: 'writer', ...options.clientOptions, ...common, applicationIds };
  }
  const rateLimit = options.clientOptions?.rateLimit;
  return {
    provider: 'robowrite',
    ...options.clientOptions,
    ...common,
    rateLimit:
      rateLimit === false || rateLimit instanceof RateLimiter
        ? rateLimit
        : organizationRateLimiter(connection.baseURL ?? DEFAULT_BASE_URL, apiKey, rateLimit),
  };
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
