import { checkedBaseURL } from '../../core/base-url.ts';
import type { HttpClient, RequestOptions } from '../../core/http-client.ts';
import { organizationRateLimiter } from '../../core/organization-rate-limiter.ts';
import { segment } from '../../core/params.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../core/rate-limiter.ts';
import { checkedBudget, defaultUserAgent } from '../shared/client-options.ts';
import { createTransport } from '../shared/transport.ts';
import { type WriterApplication, writerApplicationSchema } from './application.ts';
import { checkedWriterKey, WRITER_BASE_URL, type WriterOptions } from './client-options.ts';
import { writerErrorDetail, writerErrorFromStatus } from './errors.ts';
import type { WriterGenerateInput } from './generate-input.ts';
import {
  type JobAck,
  jobAckSchema,
  type WriterJob,
  type WriterJobList,
  type WriterJobStatus,
  writerJobListSchema,
  writerJobSchema,
} from './schemas.ts';

/** The largest page `GET .../jobs` serves (`limit` 1–100). */
export const WRITER_MAX_PAGE_SIZE = 100;

export interface ListJobsParams {
  offset?: number | undefined;
  limit?: number | undefined;
  status?: WriterJobStatus | undefined;
}

function limiterFor(baseURL: string, apiKey: string, rateLimit: WriterOptions['rateLimit']) {
  if (rateLimit instanceof RateLimiter) return rateLimit;
  if (rateLimit === false) return new RateLimiter(false);
  return organizationRateLimiter(baseURL, apiKey, rateLimit ?? DEFAULT_RATE_LIMIT);
}

/**
 * Writer's async applications jobs API (seed 003) on core's transport: responses checked with
 * zod, typed errors from Writer's error envelope, retries (a POST only when the answer proves it
 * never ran: Writer has no idempotency key), a client-side limit, the key scrubbed from every
 * message and log, and core's response size cap.
 *
 * ```ts
 * const writer = new WriterClient(); // WRITER_API_KEY, WRITER_BASE_URL
 * const { jobId } = await writer.createJob({ applicationId, inputs: [{ id: 'topic', value: ['x'] }] });
 * const job = await writer.retrieveJob(jobId);
 * const { inputs } = await writer.applications.retrieve(applicationId);
 * ```
 */
export class WriterClient {
  readonly baseURL: string;
  readonly scrub: (text: string) => string;
  /** Content to store (a draft's text) without this client's key; nothing else changed. */
  readonly removeKey: (text: string) => string;
  readonly #http: HttpClient;
  readonly #close: () => Promise<void>;

  /** The official SDK's `client.applications` calls we use. */
  readonly applications = {
    /** `GET /v1/applications/{application_id}`: the application's name and inputs. */
    retrieve: async (applicationId: string, options?: RequestOptions): Promise<WriterApplication> =>
      this.#http.request({
        method: 'GET',
        path: `/v1/applications/${segment(applicationId, 'applicationId')}`,
        schema: writerApplicationSchema,
        options,
      }),
  };

  constructor(options: WriterOptions = {}) {
    const apiKey = checkedWriterKey(options.apiKey ?? process.env.WRITER_API_KEY);
    this.baseURL = checkedBaseURL(
      options.baseURL ?? process.env.WRITER_BASE_URL ?? WRITER_BASE_URL,
    );
    const transport = createTransport({
      ...checkedBudget(options),
      dispatcher: options.dispatcher,
      logger: options.logger,
      logLevel: options.logLevel,
      baseURL: this.baseURL,
      apiKey,
      userAgent: options.userAgent ?? defaultUserAgent(),
      limiter: limiterFor(this.baseURL, apiKey, options.rateLimit),
      errorDetail: writerErrorDetail,
      errorFromStatus: writerErrorFromStatus,
    });
    this.#http = transport.http;
    this.scrub = transport.scrub;
    this.removeKey = transport.removeKey;
    this.#close = transport.close;
  }

  /** `POST /v1/applications/{application_id}/jobs`: starts a job (sent once; see the README). */
  async createJob(input: WriterGenerateInput, options?: RequestOptions): Promise<JobAck> {
    return this.#http.request({
      method: 'POST',
      path: `/v1/applications/${segment(input.applicationId, 'applicationId')}/jobs`,
      body: { inputs: input.inputs },
      schema: jobAckSchema,
      options,
    });
  }

  /** `GET /v1/applications/jobs/{job_id}`. */
  async retrieveJob(jobId: string, options?: RequestOptions): Promise<WriterJob> {
    return this.#http.request({
      method: 'GET',
      path: `/v1/applications/jobs/${segment(jobId, 'jobId')}`,
      schema: writerJobSchema,
      options,
    });
  }

  /** One page of `GET /v1/applications/{application_id}/jobs`, newest first. */
  async listJobs(
    applicationId: string,
    params: ListJobsParams = {},
    options?: RequestOptions,
  ): Promise<WriterJobList> {
    return this.#http.request({
      method: 'GET',
      path: `/v1/applications/${segment(applicationId, 'applicationId')}/jobs`,
      query: { offset: params.offset, limit: params.limit, status: params.status },
      schema: writerJobListSchema,
      options,
    });
  }

  /** `POST /v1/applications/jobs/{job_id}/retry`: runs a failed job again, under the same id. */
  async retryJob(jobId: string, options?: RequestOptions): Promise<JobAck> {
    return this.#http.request({
      method: 'POST',
      path: `/v1/applications/jobs/${segment(jobId, 'jobId')}/retry`,
      schema: jobAckSchema,
      options,
    });
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
    return { baseURL: this.baseURL };
  }
}
