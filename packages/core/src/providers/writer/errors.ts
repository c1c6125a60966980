import { errorDetail } from '../../core/error-body.ts';
import { APIError, type APIErrorInit, errorFromStatus } from '../../core/errors.ts';

/**
 * The first `errors[].description` of Writer's documented envelope
 * (`{tpe, errors: [{description, key, extras}], extras}`), if the body is one.
 */
function envelopeDescription(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body === null || typeof body !== 'object' || !('errors' in body)) return undefined;
    const [first] = Array.isArray(body.errors) ? body.errors : [];
    const description: unknown = first?.description;
    return typeof description === 'string' ? description : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one-line detail of an error body: Writer's `errors[0].description`, else a top-level
 * `message` (a gateway's JSON), else a plain-text excerpt (a proxy's HTML page). Always one
 * line, scrubbed of the key by core's `errorDetail`.
 */
export function writerErrorDetail(text: string, scrub: (text: string) => string): string | null {
  const description = envelopeDescription(text);
  // Re-enveloped so the description takes core's one path: one line, controls gone, key scrubbed.
  if (description !== undefined) {
    return errorDetail(JSON.stringify({ message: description }), scrub, 'message');
  }
  return errorDetail(text, scrub, 'message');
}

/**
 * Core's typed errors (`BadRequestError`, `AuthenticationError`, `NotFoundError`,
 * `RateLimitError`...), except that a `403` is a plain `APIError`: core's `EdgeBlockedError`
 * is RoboWrite's Cloudflare edge, and Writer documents no User-Agent rule.
 */
export function writerErrorFromStatus(init: APIErrorInit, retryAfterMs: number | null): APIError {
  if (init.status === 403) return new APIError(init);
  return errorFromStatus(init, retryAfterMs);
}
