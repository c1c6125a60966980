import { errorDetail } from '../../core/error-body.ts';
import { APIError, type APIErrorInit, errorFromStatus } from '../../core/errors.ts';

/** `402`: the account is out of credits or its subscription is inactive. */
export class PaymentRequiredError extends APIError {
  override name = 'PaymentRequiredError';
}

/** `403`: the generation mode is not on the account's plan. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}

/**
 * WriterzRoom's typed errors: its own `402` and `403`, core's for the rest (`400`, `401`,
 * `404`, `429`, `503`...). A `403` is never core's `EdgeBlockedError`: that is RoboWrite's
 * Cloudflare edge, and WriterzRoom documents no User-Agent rule.
 */
export function writerzroomErrorFromStatus(
  init: APIErrorInit,
  retryAfterMs: number | null,
): APIError {
  if (init.status === 402) return new PaymentRequiredError(init);
  if (init.status === 403) return new PermissionDeniedError(init);
  return errorFromStatus(init, retryAfterMs);
}

/**
 * The seeds document no error body; the emulator's choice (its README) is
 * `{"error": "<code>", "message": "<one line>"}`, so the message is the detail. Anything else
 * becomes a plain-text excerpt, as for RoboWrite.
 */
export function writerzroomErrorDetail(
  text: string,
  scrub: (text: string) => string,
): string | null {
  return errorDetail(text, scrub, 'message');
}
