import { APIError, RequestValidationError, RoboWriteError } from '../../core/errors.ts';
import type { GenerationCheckpoint, StartGenerationOptions } from '../../provider/v1/generation.ts';

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
 * The checkpoint of an API with no idempotency key: no keys to replay with; `sent` and `created`
 * are filled by `start` (`sendUnkeyed`).
 */
export function unkeyedCheckpoint(): GenerationCheckpoint {
  return { keys: {}, created: {}, sent: {} };
}

/**
 * When an earlier attempt sent `step`'s create request, if it did: `null` when it never did. The
 * checkpoint comes from a state file, so a value that is no date is refused rather than printed.
 */
export function sentAt(checkpoint: GenerationCheckpoint, step: string): Date | null {
  const text = checkpoint.sent[step];
  if (text === undefined) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new RoboWriteError(`the checkpoint's sent.${step} is not a date`);
  return new Date(time);
}

/**
 * Sends a create request the API cannot deduplicate: the send time is saved (`onCheckpoint`)
 * before the request goes out, so a later attempt knows an answer may have been lost. An HTTP
 * 4xx (or core refusing the input) proves no job was created: the mark is taken back, and a
 * rerun may send again. A 5xx, a timeout or a lost connection keep it: the job may exist.
 */
export async function sendUnkeyed<T>(
  checkpoint: GenerationCheckpoint,
  step: string,
  options: StartGenerationOptions,
  send: () => Promise<T>,
): Promise<T> {
  checkpoint.sent[step] = new Date().toISOString();
  await options.onCheckpoint?.();
  try {
    return await send();
  } catch (error) {
    if (provesNothingCreated(error)) {
      delete checkpoint.sent[step];
      await options.onCheckpoint?.();
    }
    throw error;
  }
}

function provesNothingCreated(error: unknown): boolean {
  if (error instanceof RequestValidationError) return true;
  return error instanceof APIError && error.status >= 400 && error.status < 500;
}
