import {
  APIConnectionError,
  AuthenticationError,
  BadRequestError,
  RequestValidationError,
  UnprocessableEntityError,
} from '@robowrite/core';
import { MissingApiKeyError } from './errors.ts';

/**
 * The hint Astro prints under a failed sync: what to check for this failure, not a list of every
 * setting (a refused request is not fixed by checking the key).
 */
export function syncHint(error: unknown, keptEntries: number): string {
  const check = whatToCheck(error);
  if (keptEntries === 0) return check;
  return `${check} Or set \`keepStaleOnError: true\` on the loader to build with the last synced entries.`;
}

function whatToCheck(error: unknown): string {
  if (error instanceof MissingApiKeyError || error instanceof AuthenticationError) {
    return "Check ROBOWRITE_API_KEY (the environment, then the project's .env).";
  }
  if (error instanceof APIConnectionError) {
    return 'Check ROBOWRITE_BASE_URL and that the API is reachable (the emulator prints it when it starts).';
  }
  if (
    error instanceof RequestValidationError ||
    error instanceof BadRequestError ||
    error instanceof UnprocessableEntityError
  ) {
    return 'The request made from the loader options was refused: check `brand`, `statuses` and `include`.';
  }
  return 'Check ROBOWRITE_API_KEY and ROBOWRITE_BASE_URL (the emulator prints both when it starts).';
}
