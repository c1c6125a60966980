import type { Dispatcher } from 'undici';
import { checkedBaseURL } from '../../core/base-url.ts';
import { RequestValidationError, RoboWriteError } from '../../core/errors.ts';
import { HttpClient, type RequestOptions } from '../../core/http-client.ts';
import { LevelLogger, type Logger, type LogLevel, resolveLogLevel } from '../../core/logger.ts';
import { segment } from '../../core/params.ts';
import { DEFAULT_MAX_RETRIES } from '../../core/retry-policy.ts';
import { textScrubber } from '../../core/scrub-text.ts';
import { createAgent } from '../../core/transport.ts';
import { VERSION } from '../../version.ts';
import {
  DEFAULT_WRITERZROOM_DIALECT,
  WRITERZROOM_DIALECTS,
  type WriterzRoomDialect,
} from './dialect.ts';
import { writerzroomErrorDetail, writerzroomErrorFromStatus } from './errors.ts';
import type { WriterzRoomGenerateInput } from './generate-input.ts';
import {
  fromApiStatus,
  fromV1Content,
  fromV1Status,
  type GeneratedContent,
  type GenerationStatus,
} from './generation-status.ts';
import {
  routeLimiters,
  type WriterzRoomRateLimits,
  type WriterzRoomRouteGroup,
} from './rate-limits.ts';
import {
  apiStatusSchema,
  type Submitted,
  submittedSchema,
  type V1ContentSummary,
  v1ContentListSchema,
  v1ContentSchema,
  v1StatusSchema,
} from './schemas.ts';

/** The origin both dialects hang off (`/api/...`, `/v1/...`). */
export const WRITERZROOM_BASE_URL = 'https://api.writerzroom.com';
/** Per attempt: every call is small (generation is asynchronous). */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface WriterzRoomOptions {
  /** Defaults to `WRITERZROOM_API_KEY`. */
  apiKey?: string | undefined;
  /** The origin, without `/api` or `/v1`. Defaults to `WRITERZROOM_BASE_URL`, then production. */
  baseURL?: string | undefined;
  /** Which document's routes and shapes to speak (default `api`, the newest). */
  dialect?: WriterzRoomDialect | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2); a generate POST is retried only on a 429. */
  maxRetries?: number | undefined;
  /**
   * Client-side limits per route group (default: the documented 10/min, 60/min, 200/hour),
   * `false` for none. Limiters are shared per origin, key and group within the process.
   */
  rateLimit?: WriterzRoomRateLimits | false | undefined;
  /** An undici dispatcher to send through (tests, proxies); the client then does not own it. */
  dispatcher?: Dispatcher | undefined;
  userAgent?: string | undefined;
  logger?: Logger | undefined;
  /** Defaults to `ROBOWRITE_LOG`, then `warn`. */
  logLevel?: LogLevel | undefined;
}

function checkedKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new RoboWriteError(
      'missing WriterzRoom API key: pass `apiKey` or set WRITERZROOM_API_KEY (Settings → API ' +
        'Access in WriterzRoom; the Professional plan or above)',
    );
  }
  if (/\s/.test(apiKey)) {
    throw new RoboWriteError(
      'the API key contains whitespace; paste it without spaces or newlines',
    );
  }
  return apiKey;
}

function checkedDialect(dialect: unknown): WriterzRoomDialect {
  if ((WRITERZROOM_DIALECTS as readonly unknown[]).includes(dialect)) {
    return dialect as WriterzRoomDialect;
  }
  throw new RoboWriteError(`dialect must be one of ${WRITERZROOM_DIALECTS.join(', ')}`);
}

/**
 * The WriterzRoom client: one dialect, core's transport (retries, typed errors, key scrubbing,
 * response size cap) and one client-side limiter per documented route group, so a caller that
 * polls many generations at once is held back here instead of earning a 429.
 *
 * ```ts
 * const wzr = new WriterzRoom({ dialect: 'v1' }); // WRITERZROOM_API_KEY, WRITERZROOM_BASE_URL
 * const { request_id } = await wzr.generate({ template_id, style_profile_id, inputs });
 * const status = await wzr.status(request_id);
 * ```
 */
export class WriterzRoom {
  readonly baseURL: string;
  readonly dialect: WriterzRoomDialect;
  readonly scrub: (text: string) => string;
  readonly #http: HttpClient;
  readonly #limiters: ReturnType<typeof routeLimiters>;
  readonly #ownAgent: Dispatcher | null;

  constructor(options: WriterzRoomOptions = {}) {
    const apiKey = checkedKey(options.apiKey ?? process.env.WRITERZROOM_API_KEY);
    this.baseURL = checkedBaseURL(
      options.baseURL ?? process.env.WRITERZROOM_BASE_URL ?? WRITERZROOM_BASE_URL,
    );
    this.dialect = checkedDialect(options.dialect ?? DEFAULT_WRITERZROOM_DIALECT);
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isFinite(timeout) || timeout <= 0) {
      throw new RoboWriteError('timeout must be a positive number of milliseconds');
    }
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new RoboWriteError('maxRetries must be a non-negative integer');
    }
    const userAgent =
      options.userAgent ?? `robowrite-node/${VERSION} node/${process.versions.node}`;
    this.#limiters = routeLimiters(this.baseURL, apiKey, options.rateLimit);
    this.#ownAgent = options.dispatcher ? null : createAgent(timeout);
    this.scrub = textScrubber([apiKey], { keepNewlines: true });
    this.#http = new HttpClient({
      baseURL: this.baseURL,
      apiKey,
      userAgent,
      timeout,
      maxRetries,
      limiter: this.#limiters.other,
      dispatcher: options.dispatcher ?? (this.#ownAgent as Dispatcher),
      logger: new LevelLogger(
        resolveLogLevel(options.logLevel),
        options.logger ?? console,
        this.scrub,
      ),
      scrub: this.scrub,
      errorDetail: writerzroomErrorDetail,
      errorFromStatus: writerzroomErrorFromStatus,
    });
  }

  /** `/api` or `/v1`, the dialect's path prefix. */
  get #prefix(): string {
    return `/${this.dialect}`;
  }

  #limiter(group: WriterzRoomRouteGroup) {
    return this.#limiters[group];
  }

  /**
   * Submits a generation (`202 {request_id}`). Not idempotent upstream (no key is documented),
   * so it is retried only on a 429, which proves it never ran.
   */
  async generate(input: WriterzRoomGenerateInput, options?: RequestOptions): Promise<Submitted> {
    const data = await this.#http.request({
      method: 'POST',
      path: `${this.#prefix}/generate`,
      body: input,
      schema: submittedSchema,
      limiter: this.#limiter('generate'),
      options,
    });
    return data;
  }

  /** Where a generation stands, the same shape for both dialects. */
  async status(requestId: string, options?: RequestOptions): Promise<GenerationStatus> {
    const path = `${this.#prefix}/generate/status/${segment(requestId, 'requestId')}`;
    const limiter = this.#limiter('status');
    if (this.dialect === 'api') {
      const data = await this.#http.request({
        method: 'GET',
        path,
        schema: apiStatusSchema,
        limiter,
        options,
      });
      return fromApiStatus(requestId, data, this.scrub);
    }
    const data = await this.#http.request({
      method: 'GET',
      path,
      schema: v1StatusSchema,
      limiter,
      options,
    });
    return fromV1Status(requestId, data, this.scrub);
  }

  /** `GET /v1/content`: every saved item, newest first (v1 only; the api dialect has none). */
  async listContent(options?: RequestOptions): Promise<V1ContentSummary[]> {
    this.#requireV1('listContent');
    const data = await this.#http.request({
      method: 'GET',
      path: '/v1/content',
      schema: v1ContentListSchema,
      options,
    });
    return data.items;
  }

  /** `GET /v1/content/{id}` (v1 only). */
  async retrieveContent(contentId: string, options?: RequestOptions): Promise<GeneratedContent> {
    this.#requireV1('retrieveContent');
    const data = await this.#http.request({
      method: 'GET',
      path: `/v1/content/${segment(contentId, 'contentId')}`,
      schema: v1ContentSchema,
      options,
    });
    return fromV1Content(data, this.scrub);
  }

  /** HTTP requests sent so far, every attempt counted. */
  requestCount(): number {
    return this.#http.sent;
  }

  /** Closes the connection pool this client created (an injected dispatcher is left open). */
  async close(): Promise<void> {
    await this.#ownAgent?.close();
  }

  /** Keeps the key out of `console.log(client)` and `JSON.stringify(client)`. */
  toJSON(): Record<string, unknown> {
    return { baseURL: this.baseURL, dialect: this.dialect };
  }

  #requireV1(method: string): void {
    if (this.dialect !== 'v1') {
      throw new RequestValidationError(
        `${method} needs the v1 dialect: the api dialect (seed 000) documents no content routes`,
        'dialect',
      );
    }
  }
}
