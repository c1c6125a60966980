/**
 * Writer's documented error envelope (dev.writer.com, "Error response format"): the seed is
 * silent, and the official SDK accepts any JSON body (it keeps the whole object as `error.error`
 * and, with no top-level `message`, puts the JSON in `error.message`).
 */
const TPE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

const KEY: Record<number, string> = {
  400: 'fail.validation',
  401: 'fail.unauthorized',
  403: 'fail.forbidden',
  404: 'fail.not_found',
  405: 'fail.method_not_allowed',
  413: 'fail.payload_too_large',
  429: 'fail.rate_limited',
  500: 'fail.internal',
  503: 'fail.unavailable',
};

export function writerErrorBody(status: number, description: string) {
  return {
    tpe: TPE[status] ?? 'Error',
    errors: [{ description, key: KEY[status] ?? 'fail', extras: {} }],
    extras: {},
  };
}
