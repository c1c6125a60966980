/**
 * An error answer. The seeds give status codes but no body; this emulator's choice (README) is
 * `{"error": "<code>", "message": "<one line>"}`.
 */
export class WzrError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'WzrError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  toBody(): { error: string; message: string } {
    return { error: this.code, message: this.message };
  }
}

export const badRequest = (message: string) => new WzrError(400, 'invalid_request', message);
export const notFound = (what: string) => new WzrError(404, 'not_found', `${what} not found`);
/** A 429; `null` leaves `Retry-After` out (the `429-no-retry-after` fault). */
export const rateLimited = (retryAfter: number | null) =>
  new WzrError(
    429,
    'rate_limited',
    'Rate limit exceeded',
    retryAfter === null ? {} : { 'retry-after': String(retryAfter) },
  );
export const unavailable = () =>
  new WzrError(503, 'service_unavailable', 'Configuration Manager unavailable');
