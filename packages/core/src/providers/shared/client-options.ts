import { RoboWriteError } from '../../core/errors.ts';
import { DEFAULT_MAX_RETRIES } from '../../core/retry-policy.ts';
import { VERSION } from '../../version.ts';

/** Per attempt. Every call is small (generation is asynchronous), so a minute is generous. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The key, or one clear line: `missing` says where this provider's key comes from (its option,
 * its variable, where to create one). A key with whitespace is a paste gone wrong.
 */
export function checkedApiKey(apiKey: unknown, missing: string): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') throw new RoboWriteError(missing);
  if (/\s/.test(apiKey)) {
    throw new RoboWriteError(
      'the API key contains whitespace; paste it without spaces or newlines',
    );
  }
  return apiKey;
}

/** The per-attempt timeout and retry budget, defaulted and checked. */
export function checkedBudget(options: {
  timeout?: number | undefined;
  maxRetries?: number | undefined;
}): { timeout: number; maxRetries: number } {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RoboWriteError('timeout must be a positive number of milliseconds');
  }
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RoboWriteError('maxRetries must be a non-negative integer');
  }
  return { timeout, maxRetries };
}

/** What every client sends unless told otherwise: this package and the Node version. */
export function defaultUserAgent(): string {
  return `robowrite-node/${VERSION} node/${process.versions.node}`;
}
