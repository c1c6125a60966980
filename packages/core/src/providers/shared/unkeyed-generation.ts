import { APIError, RequestValidationError } from '../../core/errors.ts';
import type { GenerationCheckpoint } from '../../provider/v1/generation.ts';

/**
 * Final: core refused the input before sending, or the API refused it (any 4xx but a 408 timeout
 * or a 429). A 429, a 5xx or a lost connection may pass on a rerun, so the engine keeps the record.
 */
export function isRefusedInput(error: unknown): boolean {
  if (error instanceof RequestValidationError) return true;
  if (!(error instanceof APIError)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * The checkpoint of an API with no idempotency key: no keys to replay with; `created` is filled
 * by `start` with the id the POST returned, the moment it arrives.
 */
export function unkeyedCheckpoint(): GenerationCheckpoint {
  return { keys: {}, created: {} };
}
