import type { Job } from '../schemas/job.ts';

/**
 * The error hierarchy. Every error the client throws is a `RoboWriteError`; messages are built
 * from the API's `detail` and the request's method and path, never from headers, so the API key
 * cannot reach a message, a stack or `toJSON()`. The client also scrubs the key from any text it
 * did not write itself (server details, causes) before it lands here.
 */
export class RoboWriteError extends Error {
  override name = 'RoboWriteError';

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key === 'cause' || key === 'name' || typeof value === 'function') continue;
      out[key] = value;
    }
    return out;
  }
}

/** A request parameter broke a documented rule; nothing was sent. */
export class RequestValidationError extends RoboWriteError {
  override name = 'RequestValidationError';
  /** Dotted path of the offending field, camelCase as the caller wrote it. */
  readonly path: string;

  constructor(message: string, path: string) {
    super(message);
    this.path = path;
  }
}

export interface APIErrorInit {
  status: number;
  detail: string | null;
  requestId: string | null;
  method: string;
  path: string;
  headers: Record<string, string>;
}

/** The API answered with a non-2xx status. */
export class APIError extends RoboWriteError {
  override name = 'APIError';
  readonly status: number;
  /** The `detail` of the `{ "detail": ... }` envelope, as text. */
  readonly detail: string | null;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;

  constructor(init: APIErrorInit, message?: string) {
    super(
      message ??
        `${init.status} ${init.method} ${init.path}${init.detail ? `: ${init.detail}` : ''}`,
    );
    this.status = init.status;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.headers = init.headers;
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterMs: number | null;

  constructor(init: APIErrorInit, retryAfterMs: number | null) {
    super(init);
    this.retryAfterMs = retryAfterMs;
  }
}
export class ServiceUnavailableError extends APIError {
  override name = 'ServiceUnavailableError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** The edge (Cloudflare) refused the request before it reached the API: `403`, empty body. */
export class EdgeBlockedError extends APIError {
  override name = 'EdgeBlockedError';

  constructor(init: APIErrorInit) {
    super(
      init,
      `403 ${init.method} ${init.path}: blocked at the edge before reaching the API (empty body). ` +
        'The API sits behind bot protection that rejects empty or bare default User-Agent headers ' +
        '(e.g. Python-urllib); send a normal one such as "my-app/1.0" (the `userAgent` option).',
    );
  }
}

/** No usable response: connection refused or reset, DNS failure, a body cut short. */
export class APIConnectionError extends RoboWriteError {
  override name = 'APIConnectionError';
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, message: string, options?: { cause?: unknown }) {
    super(`${method} ${path}: ${message}`, options);
    this.method = method;
    this.path = path;
  }
}

export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
}

/** The caller's `signal` aborted the call. */
export class APIUserAbortError extends RoboWriteError {
  override name = 'APIUserAbortError';
}

/** A response did not match the documented shape (or was not JSON at all). */
export class ResponseValidationError extends RoboWriteError {
  override name = 'ResponseValidationError';
  readonly method: string;
  readonly path: string;
  /** Where in the body the first problem is, e.g. `items.3.has_more`; `(root)` for the body. */
  readonly issuePath: string;
  readonly requestId: string | null;

  constructor(init: {
    method: string;
    path: string;
    issuePath: string;
    problem: string;
    requestId: string | null;
  }) {
    super(`${init.method} ${init.path}: response field ${init.issuePath}: ${init.problem}`);
    this.method = init.method;
    this.path = init.path;
    this.issuePath = init.issuePath;
    this.requestId = init.requestId;
  }
}

/** Why a paged walk was stopped before the server said `has_more: false`. */
export type PaginationStopReason = 'repeated-page' | 'no-progress' | 'past-total' | 'runaway';

/**
 * A list kept answering `has_more: true` in a way that can never end: the same rows again, an
 * offset that does not move forward, a window past its own `total`, or a walk far past the total
 * the first page announced. Stopping with this beats paging forever at the rate limit.
 */
export class PaginationError extends RoboWriteError {
  override name = 'PaginationError';
  readonly reason: PaginationStopReason;
  /** The list's path, e.g. `/content`. */
  readonly path: string;
  /** The offset of the refused page (served again, or not requested at all). */
  readonly offset: number;
  /** Pages fetched in this walk before it stopped. */
  readonly pages: number;

  constructor(init: {
    reason: PaginationStopReason;
    path: string;
    offset: number;
    pages: number;
    problem: string;
  }) {
    super(`GET ${init.path}: paging stopped at offset ${init.offset}: ${init.problem}`);
    this.reason = init.reason;
    this.path = init.path;
    this.offset = init.offset;
    this.pages = init.pages;
  }
}

/** `jobs.waitFor` hit its deadline; `lastSnapshot` is the last job read (null if none was). */
export class JobTimeoutError extends RoboWriteError {
  override name = 'JobTimeoutError';
  readonly jobId: string;
  readonly timeoutMs: number;
  readonly lastSnapshot: Job | null;

  constructor(jobId: string, timeoutMs: number, lastSnapshot: Job | null) {
    const status = lastSnapshot ? lastSnapshot.status : 'never read';
    super(`job ${jobId} did not finish within ${timeoutMs} ms (last status: ${status})`);
    this.jobId = jobId;
    this.timeoutMs = timeoutMs;
    this.lastSnapshot = lastSnapshot;
  }
}

/** The typed error for a non-2xx response. */
export function errorFromStatus(init: APIErrorInit, retryAfterMs: number | null): APIError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return init.detail === null ? new EdgeBlockedError(init) : new APIError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 422:
      return new UnprocessableEntityError(init);
    case 429:
      return new RateLimitError(init, retryAfterMs);
    case 503:
      return new ServiceUnavailableError(init);
    default:
      return init.status >= 500 ? new InternalServerError(init) : new APIError(init);
  }
}
