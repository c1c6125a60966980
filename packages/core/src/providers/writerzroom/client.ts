import { checkedBaseURL } from '../../core/base-url.ts';
import { RequestValidationError } from '../../core/errors.ts';
import type { HttpClient, RequestOptions } from '../../core/http-client.ts';
import { segment } from '../../core/params.ts';
import { checkedBudget, defaultUserAgent } from '../shared/client-options.ts';
import { createTransport } from '../shared/transport.ts';
import {
  checkedDialect,
  checkedKey,
  WRITERZROOM_BASE_URL,
  type WriterzRoomOptions,
} from './client-options.ts';
import { DEFAULT_WRITERZROOM_DIALECT, type WriterzRoomDialect } from './dialect.ts';
import { writerzroomErrorDetail, writerzroomErrorFromStatus } from './errors.ts';
import type { WriterzRoomGenerateInput } from './generate-input.ts';
import {
  fromApiStatus,
  fromV1Content,
  fromV1Status,
  type GeneratedContent,
  type GenerationStatus,
} from './generation-status.ts';
import { routeLimiters, type WriterzRoomRouteGroup } from './rate-limits.ts';
import {
  apiStatusSchema,
  type Submitted,
  submittedSchema,
  type V1ContentSummary,
  v1ContentListSchema,
  v1ContentSchema,
  v1StatusSchema,
} from './schemas.ts';

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
  /** Content to store (a draft's text) without this client's key; nothing else changed. */
  readonly removeKey: (text: string) => string;
  readonly #http: HttpClient;
  readonly #limiters: ReturnType<typeof routeLimiters>;
  readonly #close: () => Promise<void>;

  constructor(options: WriterzRoomOptions = {}) {
    const apiKey = checkedKey(options.apiKey ?? process.env.WRITERZROOM_API_KEY);
    this.baseURL = checkedBaseURL(
      options.baseURL ?? process.env.WRITERZROOM_BASE_URL ?? WRITERZROOM_BASE_URL,
    );
    this.dialect = checkedDialect(options.dialect ?? DEFAULT_WRITERZROOM_DIALECT);
    const budget = checkedBudget(options);
    this.#limiters = routeLimiters(this.baseURL, apiKey, options.rateLimit);
    const transport = createTransport({
      ...budget,
      dispatcher: options.dispatcher,
      logger: options.logger,
      logLevel: options.logLevel,
      baseURL: this.baseURL,
      apiKey,
      userAgent: options.userAgent ?? defaultUserAgent(),
      limiter: this.#limiters.other,
      errorDetail: writerzroomErrorDetail,
      errorFromStatus: writerzroomErrorFromStatus,
    });
    this.#http = transport.http;
    this.scrub = transport.scrub;
    this.removeKey = transport.removeKey;
    this.#close = transport.close;
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
  close(): Promise<void> {
    return this.#close();
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
