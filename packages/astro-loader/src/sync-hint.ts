import {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  CREDENTIAL_VARIABLES,
  type ProviderName,
  RequestValidationError,
  UnprocessableEntityError,
} from '@robowrite/core';
import { MissingApiKeyError, RefusedDialectError } from './errors.ts';

/**
 * The hint Astro prints under a failed sync: what to check for this failure, not a list of every
 * setting (a refused request is not fixed by checking the key). It names the provider's own
 * variables (`ROBOWRITE_API_KEY`, `WRITERZROOM_API_KEY`, `WRITER_API_KEY`...).
 */
export function syncHint(
  error: unknown,
  keptEntries: number,
  provider: ProviderName = 'robowrite',
): string {
  const check = whatToCheck(error, provider);
  if (keptEntries === 0) return check;
  return `${check} Or set \`keepStaleOnError: true\` on the loader to build with the last synced entries.`;
}

function whatToCheck(error: unknown, provider: ProviderName): string {
  const { apiKey, baseURL } = CREDENTIAL_VARIABLES[provider];
  if (error instanceof MissingApiKeyError || error instanceof AuthenticationError) {
    return `Check ${apiKey} (the environment, then the project's .env).`;
  }
  if (error instanceof RefusedDialectError) {
    return "Set `dialect: 'v1'` on the loader, or WRITERZROOM_DIALECT=v1.";
  }
  if (error instanceof APIConnectionError) {
    return `Check ${baseURL} and that the API is reachable (the emulator prints it when it starts).`;
  }
  if (
    error instanceof RequestValidationError ||
    error instanceof BadRequestError ||
    error instanceof UnprocessableEntityError
  ) {
    return 'The request made from the loader options was refused: check `brand`, `statuses` and `include`.';
  }
  return `Check ${apiKey} and ${baseURL} (the emulator prints both when it starts).`;
}
