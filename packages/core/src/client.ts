import type { Dispatcher } from 'undici';
import type { APIPromise } from './core/api-promise.ts';
import { checkedBaseURL } from './core/base-url.ts';
import { RoboWriteError } from './core/errors.ts';
import type { HttpClient, RequestOptions } from './core/http-client.ts';
import type { Logger, LogLevel } from './core/logger.ts';
import { machineBudgetFor } from './core/machine-budget.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './core/rate-limiter.ts';
import type { FlowOptions } from './lib/flow-options.ts';
import {
  type GenerateFromBriefParams,
  type GenerateFromBriefResult,
  generateFromBrief,
} from './lib/generate-from-brief.ts';
import {
  type GenerateFromTopicParams,
  type GenerateFromTopicResult,
  generateFromTopic,
} from './lib/generate-from-topic.ts';
import {
  checkedApiKey,
  checkedBudget,
  DEFAULT_TIMEOUT_MS,
  defaultUserAgent,
} from './providers/shared/client-options.ts';
import { createTransport } from './providers/shared/transport.ts';
import { Authors } from './resources/authors.ts';
import { Brands } from './resources/brands.ts';
import { Briefs } from './resources/briefs.ts';
import { Categories } from './resources/categories.ts';
import { Content } from './resources/content.ts';
import { Documents } from './resources/documents.ts';
import { ImportedContentResource } from './resources/imported-content.ts';
import { Jobs } from './resources/jobs.ts';
import { Pillars } from './resources/pillars.ts';
import { Properties } from './resources/properties.ts';
import { Tags } from './resources/tags.ts';
import { Topics } from './resources/topics.ts';
import { type Ping, pingSchema } from './schemas/common.ts';

export const DEFAULT_BASE_URL = 'https://api.roboad.ai/api/public/v1';
export { DEFAULT_TIMEOUT_MS };

export interface ClientOptions {
  /** Defaults to `ROBOWRITE_API_KEY`. */
  apiKey?: string | undefined;
  /** Defaults to `ROBOWRITE_BASE_URL`, then the production URL. */
  baseURL?: string | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number | undefined;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /**
   * Client-side sliding window (default 120 requests / 60 s, the API's own limit), `false` for
   * none, or a `RateLimiter` shared by several clients of one organization. Shared with every
   * process of this machine using the same key unless `scope: 'process'`.
   */
  rateLimit?: RateLimitOptions | RateLimiter | false | undefined;
  /** An undici dispatcher to send through (proxies, tests); the client then does not own it. */
  dispatcher?: Dispatcher | undefined;
  /** Replaces the default `robowrite-node/<version> node/<version>`; must not be empty. */
  userAgent?: string | undefined;
  /** Where logs go (default: console). */
  logger?: Logger | undefined;
  /** Defaults to `ROBOWRITE_LOG`, then `warn`. */
  logLevel?: LogLevel | undefined;
}

function resolveBaseURL(option: string | undefined): string {
  return checkedBaseURL(option ?? process.env.ROBOWRITE_BASE_URL ?? DEFAULT_BASE_URL);
}

/**
 * The RoboWrite Public API v1 client.
 *
 * ```ts
 * const client = new RoboWrite(); // ROBOWRITE_API_KEY, ROBOWRITE_BASE_URL
 * for await (const item of client.content.list({ status: 'draft' })) console.log(item.title);
 * ```
 */
export class RoboWrite {
  readonly baseURL: string;
  readonly userAgent: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly rateLimiter: RateLimiter;

  readonly brands: Brands;
  readonly properties: Properties;
  readonly topics: Topics;
  readonly briefs: Briefs;
  readonly content: Content;
  readonly jobs: Jobs;
  readonly pillars: Pillars;
  readonly authors: Authors;
  readonly categories: Categories;
  readonly tags: Tags;
  readonly documents: Documents;
  readonly importedContent: ImportedContentResource;

  readonly #http: HttpClient;
  readonly #scrub: (text: string) => string;
  readonly #removeKey: (text: string) => string;
  /** Only the agent this client made itself; an injected dispatcher belongs to the caller. */
  readonly #close: () => Promise<void>;

  constructor(options: ClientOptions = {}) {
    const apiKey = checkedApiKey(
      options.apiKey ?? process.env.ROBOWRITE_API_KEY,
      'missing API key: pass `apiKey` or set ROBOWRITE_API_KEY (create one in the RoboWrite ' +
        'dashboard under Settings → API keys)',
    );
    this.baseURL = resolveBaseURL(options.baseURL);
    const userAgent = options.userAgent ?? defaultUserAgent();
    if (userAgent.trim() === '') {
      throw new RoboWriteError(
        'userAgent must not be empty: the API edge blocks requests without a User-Agent',
      );
    }
    this.userAgent = userAgent;
    const { timeout, maxRetries } = checkedBudget(options);
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    this.rateLimiter =
      rateLimit instanceof RateLimiter
        ? rateLimit
        : new RateLimiter(
            rateLimit,
            rateLimit === false ? undefined : machineBudgetFor(this.baseURL, apiKey, rateLimit),
          );
    const transport = createTransport({
      baseURL: this.baseURL,
      apiKey,
      userAgent,
      timeout,
      maxRetries,
      limiter: this.rateLimiter,
      dispatcher: options.dispatcher,
      logger: options.logger,
      logLevel: options.logLevel,
    });
    this.#http = transport.http;
    this.#scrub = transport.scrub;
    this.#removeKey = transport.removeKey;
    this.#close = transport.close;

    this.brands = new Brands(this.#http);
    this.properties = new Properties(this.#http);
    this.topics = new Topics(this.#http);
    this.briefs = new Briefs(this.#http);
    this.content = new Content(this.#http);
    this.jobs = new Jobs(this.#http);
    this.pillars = new Pillars(this.#http);
    this.authors = new Authors(this.#http);
    this.categories = new Categories(this.#http);
    this.tags = new Tags(this.#http);
    this.documents = new Documents(this.#http);
    this.importedContent = new ImportedContentResource(this.#http);
  }

  /** Liveness check; also the cheapest way to verify a key. */
  ping(options?: RequestOptions): APIPromise<Ping> {
    return this.#http.request({ method: 'GET', path: '/ping', schema: pingSchema, options });
  }

  /** Topic flow: create a topic, run autopilot, wait for the job, read the draft. */
  generateFromTopic(
    params: GenerateFromTopicParams,
    options?: FlowOptions,
  ): Promise<GenerateFromTopicResult> {
    return generateFromTopic(this, params, options);
  }

  /** Brief flow: create a brief and an item from it, generate, wait, read the draft. */
  generateFromBrief(
    params: GenerateFromBriefParams,
    options?: FlowOptions,
  ): Promise<GenerateFromBriefResult> {
    return generateFromBrief(this, params, options);
  }

  /**
   * API text (a job's error, a status) without this client's key and without terminal controls
   * (newlines kept), for code that holds the client but not the key, before it prints or stores.
   */
  scrub(text: string): string {
    return this.#scrub(text);
  }

  /** Content to store (a draft's text) without this client's key; nothing else changed. */
  removeKey(text: string): string {
    return this.#removeKey(text);
  }

  /**
   * HTTP requests this client has sent so far, every attempt counted (a retried call counts once
   * per attempt): what a caller budgets by, instead of counting calls by hand.
   */
  requestCount(): number {
    return this.#http.sent;
  }

  /**
   * Closes the connection pool this client created (an injected dispatcher is left open). Safe
   * to call again: later calls wait for the first (undici throws on closing a closed pool).
   */
  close(): Promise<void> {
    return this.#close();
  }

  /** Keeps the key out of `console.log(client)` and `JSON.stringify(client)`. */
  toJSON(): Record<string, unknown> {
    return { baseURL: this.baseURL, userAgent: this.userAgent };
  }
}
