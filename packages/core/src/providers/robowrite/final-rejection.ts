import { isRefusedInput } from '../shared/unkeyed-generation.ts';
import { GenerateTargetError } from './generation-target.ts';

/**
 * Whether a failure starting a generation is final: the API refused the input (4xx other than a
 * timeout or rate limit), core refused it before sending, or there is nothing to generate for.
 * Replaying the same requests would fail the same way, so the engine drops such a record.
 * Anything else (connection lost, 5xx, 429, a crash) may have reached the API and keeps its
 * record, so a rerun replays with the same keys.
 */
export function isFinalRejection(error: unknown): boolean {
  return error instanceof GenerateTargetError || isRefusedInput(error);
}
