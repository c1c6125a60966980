import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { APIPromise, type ResponseInfo, type WithResponse } from './api-promise.ts';
import { errorDetail } from './error-body.ts';
import {
  APIConnectionError,
  APIError,
  type APIErrorInit,
  APITimeoutError,
  APIUserAbortError,
  errorFromStatus,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  type RoboWriteError,
} from './errors.ts';
import { type LevelLogger, redactHeaders } from './logger.ts';
import type { RateLimiter, ReleaseSlot } from './rate-limiter.ts';
import { ResponseTooLargeError, readBodyText } from './read-body.ts';
import {
  backoffMs,
  isDeleteAlreadyDone,
  isRetryableStatus,
  isSafeToRetry,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryAfterWithSkew,
  wasNotProcessed,
} from './retry-policy.ts';
import { sleep } from './sleep.ts';

/** The last argument of every method. */
export interface RequestOptions {
  /** Reuse a key across runs (e.g. persisted by a CLI) so a rerun replays instead of repeating. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (overrides the client's). */
  timeout?: number;
  /** Retries after the first attempt (overrides the client's). */
  maxRetries?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface RequestSpec<T> {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  /** The route honours Idempotency-Key: one is generated per call (unless given) and reused. */
  idempotent?: boolean;
  /**
   * The budget this request draws from, and the one a 429 on it pauses (default: the client's).
   * For APIs that limit each route group on its own (WriterzRoom: generate, status, the rest).
   */
  limiter?: RateLimiter | undefined;
  options?: RequestOptions | undefined;
}

export interface HttpClientConfig {
  baseURL: string;
  apiKey: string;
  userAgent: string;
  timeout: number;
  maxRetries: number;
  limiter: RateLimiter;
  dispatcher: Dispatcher;
  logger: LevelLogger;
  scrub: (text: string) => string;
  /** The one-line message of an error body (default: RoboWrite's `{ "detail" }` envelope). */
  errorDetail?: ((text: string, scrub: (text: string) => string) => string | null) | undefined;
  /** The typed error for a non-2xx answer (default: RoboWrite's `errorFromStatus`). */
  errorFromStatus?: ((init: APIErrorInit, retryAfterMs: number | null) => APIError) | undefined;
}

type Attempt<T> =
  | { ok: true; value: WithResponse<T> }
  | { ok: false; error: RoboWriteError; retryable: boolean; retryAfterMs: number | null };

/** undici's errors for a dispatcher closed or destroyed by its owner (`client.close()`). */
const CLOSED_CODES = new Set(['UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
/**
 * The Idempotency-Key rule. The guide says only that a malformed key is a 422, so core and the
 * emulator share one documented choice (both READMEs): 1–255 characters from a URL- and
 * header-safe set that every UUID, ULID and `prefix:id.n` key fits. Checked here so a key the
 * server could refuse is never sent.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,255}$/;

function normaliseHeaders(raw: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends requests: rate limit, retries, idempotency keys, timeouts, parsing, typed errors, logs.
 *
 * Retries are this loop rather than undici's RetryAgent / retry interceptor, because those retry
 * underneath the client: a retried attempt would not draw from the client-side rate limiter nor
 * wait out the client-wide pause a 429 starts; they decide by method list, while a POST here is
 * retryable only when it carries an Idempotency-Key on a route that honours one (or the answer
 * proves it never ran, like a 429), and a DELETE's 404 after a lost response is success; after a body
 * cut short they resume with a `Range` request, which a JSON API answers with a full 200 that the
 * handler then rejects. undici still does what it is good at: pooled keep-alive connections and
 * header/body timeouts (see transport.ts).
 */
export class HttpClient {
  readonly #config: HttpClientConfig;
  #sent = 0;

  constructor(config: HttpClientConfig) {
    this.#config = config;
  }

  get logger(): LevelLogger {
    return this.#config.logger;
  }

  get limiter(): RateLimiter {
    return this.#config.limiter;
  }

  /** HTTP attempts handed to the dispatcher so far, retries included. */
  get sent(): number {
    return this.#sent;
  }

  request<T>(spec: RequestSpec<T> | (() => RequestSpec<T>)): APIPromise<T> {
    return new APIPromise(
      (async () => {
        const built = typeof spec === 'function' ? spec() : spec;
        // Ids in the path come from callers; if one ever held the key, errors would echo it.
        return this.#run({ ...built, path: this.#config.scrub(built.path) }, built.path);
      })(),
    );
  }

  /** `spec.path` is the scrubbed path errors and logs show; `wirePath` is what is sent. */
  async #run<T>(spec: RequestSpec<T>, wirePath: string): Promise<WithResponse<T>> {
    const { key, maxRetries, timeout } = this.#checkOptions(spec);
    const safeToRepeat = isSafeToRetry(spec.method, spec.idempotent === true && key !== undefined);
    const path = wirePath + buildQuery(spec.query);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#config.apiKey}`,
      'user-agent': this.#config.userAgent,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;

    // Whether an earlier attempt may have run on the server (its outcome is unknown).
    let earlierMayHaveRun = false;
    for (let attempt = 0; ; attempt++) {
      const result = await this.#attempt(spec, path, headers, body, timeout, attempt);
      if (result.ok) return result.value;
      const { error } = result;
      if (isDeleteAlreadyDone(spec.method, error, earlierMayHaveRun)) {
        const done = this.#alreadyDeleted(spec, error);
        if (done) return done;
      }
      const mayRetry = safeToRepeat || wasNotProcessed(error);
      if (!mayRetry || !result.retryable || attempt >= maxRetries) throw error;
      if (result.retryAfterMs !== null && result.retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
      if (!wasNotProcessed(error)) earlierMayHaveRun = true;
      await this.#waitToRetry(spec, result, attempt, maxRetries);
    }
  }

  /** The idempotency key to send and the effective budget; refuses bad values before sending. */
  #checkOptions<T>(spec: RequestSpec<T>): {
    key: string | undefined;
    maxRetries: number;
    timeout: number;
  } {
    const options = spec.options ?? {};
    const key = spec.idempotent ? (options.idempotencyKey ?? randomUUID()) : options.idempotencyKey;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new RequestValidationError(
        'idempotencyKey must be 1–255 characters from A–Z a–z 0–9 _ . : -',
        'idempotencyKey',
      );
    }
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const timeout = options.timeout ?? this.#config.timeout;
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new RequestValidationError('maxRetries must be a non-negative integer', 'maxRetries');
    }
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new RequestValidationError('timeout must be a positive number of ms', 'timeout');
    }
    return { key, maxRetries, timeout };
  }

  /** Waits before the next attempt: behind the limiter's pause, Retry-After, or the backoff. */
  async #waitToRetry<T>(
    spec: RequestSpec<T>,
    result: Extract<Attempt<T>, { ok: false }>,
    attempt: number,
    maxRetries: number,
  ): Promise<void> {
    const { error, retryAfterMs } = result;
    let delay: number;
    if (error instanceof RateLimitError) {
      // The limiter already holds every call of the client for the pause; just queue behind it.
      delay = 0;
    } else if (retryAfterMs !== null) {
      delay = retryAfterWithSkew(retryAfterMs);
    } else {
      delay = backoffMs(attempt + 1);
    }
    this.#config.logger.warn(
      `retrying ${spec.method} ${spec.path} (${attempt + 1} of ${maxRetries}) after: ${error.message}`,
      { delayMs: Math.round(delay + (spec.limiter ?? this.#config.limiter).pausedForMs) },
    );
    try {
      await sleep(delay, spec.options?.signal);
    } catch {
      throw new APIUserAbortError(`${spec.method} ${spec.path}: aborted by the caller`);
    }
  }

  /**
   * The success a DELETE's lost first response would have been: the resource is gone. The data
   * is what the route's schema makes of an empty body (null); `response` is the 404 itself.
   */
  #alreadyDeleted<T>(spec: RequestSpec<T>, error: RoboWriteError): WithResponse<T> | null {
    const parsed = spec.schema.safeParse(null);
    if (!parsed.success || !(error instanceof APIError)) return null;
    this.#config.logger.info(
      `${spec.method} ${spec.path}: 404 on a retry after an attempt whose response was lost; ` +
        'that attempt deleted it',
      { requestId: error.requestId },
    );
    const response: ResponseInfo = {
      status: error.status,
      headers: error.headers,
      requestId: error.requestId,
      replayed: false,
    };
    return { data: parsed.data, response };
  }

  async #attempt<T>(
    spec: RequestSpec<T>,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeout: number,
    attempt: number,
  ): Promise<Attempt<T>> {
    const { method } = spec;
    const userSignal = spec.options?.signal;
    const aborted = () =>
      new APIUserAbortError(`${method} ${spec.path}: aborted by the caller`, {
        cause: userSignal?.reason,
      });
    const limiter = spec.limiter ?? this.#config.limiter;
    let release: ReleaseSlot;
    try {
      release = await limiter.acquire(userSignal);
    } catch {
      throw aborted();
    }

    const log = this.#config.logger;
    if (log.enabled('debug')) {
      log.debug(`→ ${method} ${path}`, { attempt, headers: redactHeaders(headers) });
    }
    const started = Date.now();
    const timeoutSignal = AbortSignal.timeout(timeout);
    const signal = userSignal ? AbortSignal.any([userSignal, timeoutSignal]) : timeoutSignal;
    const url = new URL(this.#config.baseURL + path);
    this.#sent += 1;

    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    try {
      const res = await this.#config.dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method,
        headers,
        body: body ?? null,
        signal,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      status = res.statusCode;
      responseHeaders = normaliseHeaders(res.headers);
      text = await readBodyText(res.body);
    } catch (cause) {
      release();
      if (userSignal?.aborted) throw aborted();
      if (cause instanceof ResponseTooLargeError) {
        // Not retried: the same answer would only be downloaded again.
        const error = new APIConnectionError(method, spec.path, cause.message, { cause });
        return { ok: false, error, retryable: false, retryAfterMs: null };
      }
      const code = (cause as { code?: string }).code;
      if (code !== undefined && CLOSED_CODES.has(code)) {
        // This client was closed (a dev server stopping under a poll): it never reopens, so a
        // retry would only wait and log.
        const error = new APIConnectionError(method, spec.path, 'the client was closed', { cause });
        return { ok: false, error, retryable: false, retryAfterMs: null };
      }
      const why = this.#config.scrub(cause instanceof Error ? cause.message : String(cause));
      const error =
        timeoutSignal.aborted || (code !== undefined && TIMEOUT_CODES.has(code))
          ? new APITimeoutError(method, spec.path, `timed out after ${timeout} ms`, { cause })
          : new APIConnectionError(method, spec.path, `connection failed: ${why}`, { cause });
      log.debug(`✗ ${method} ${path}: ${error.message}`);
      return { ok: false, error, retryable: true, retryAfterMs: null };
    }
    // The response is in: the slot now counts down its window (see RateLimiter).
    release();

    const requestId = responseHeaders['x-request-id'] ?? responseHeaders['request-id'] ?? null;
    const response: ResponseInfo = {
      status,
      headers: responseHeaders,
      requestId,
      replayed: responseHeaders['idempotency-replayed']?.toLowerCase() === 'true',
    };
    log.debug(`← ${status} ${method} ${path} in ${Date.now() - started} ms`, {
      requestId,
      replayed: response.replayed,
    });

    if (status < 200 || status >= 300) {
      const retryAfterMs = parseRetryAfter(responseHeaders['retry-after']);
      const toError = this.#config.errorFromStatus ?? errorFromStatus;
      const detailOf = this.#config.errorDetail ?? errorDetail;
      const error = toError(
        {
          status,
          detail: detailOf(text, this.#config.scrub),
          requestId,
          method,
          path: spec.path,
          headers: responseHeaders,
        },
        retryAfterMs,
      );
      if (status === 429) {
        // Capped: a Retry-After of hours would otherwise freeze the client silently; past the
        // cap the call fails with the RateLimitError (and its retryAfterMs) instead.
        const pause = Math.min(
          retryAfterMs !== null ? retryAfterWithSkew(retryAfterMs) : backoffMs(attempt + 1),
          MAX_RETRY_AFTER_MS,
        );
        // Also cuts the limiter's share of the limit: see RateLimiter.rateLimited.
        limiter.rateLimited(pause, started);
        log.info(`429 on ${method} ${spec.path}: pausing the client for ${Math.round(pause)} ms`);
      }
      return { ok: false, error, retryable: isRetryableStatus(status), retryAfterMs };
    }

    let json: unknown = null;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        // A 2xx whose body is not JSON was cut short or garbled on the way: another attempt
        // (when the request is safe to repeat) usually gets the whole body.
        const error = new ResponseValidationError({
          method,
          path: spec.path,
          issuePath: '(root)',
          problem: `body is not valid JSON (${text.length} bytes received)`,
          requestId,
        });
        return { ok: false, error, retryable: true, retryAfterMs: null };
      }
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const issuePath = issue?.path.length ? issue.path.map(String).join('.') : '(root)';
      throw new ResponseValidationError({
        method,
        path: spec.path,
        issuePath,
        problem: this.#config.scrub(issue?.message ?? 'invalid'),
        requestId,
      });
    }
    return { ok: true, value: { data: parsed.data, response } };
  }
}
