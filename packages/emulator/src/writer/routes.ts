import { ApiError } from '../errors.ts';
import type { Stats } from '../runtime.ts';
import { findApplication, type WriterOrg } from './applications.ts';
import { parseJobInputs } from './inputs.ts';
import { presentAck, presentWriterJob, writerJobStatus } from './jobs.ts';
import type { ResolvedWriterOptions } from './options.ts';
import { presentApplication } from './present-application.ts';
import type { WriterStore } from './store.ts';
import { WRITER_JOB_STATUSES, type WriterJob, type WriterJobOutcome } from './types.ts';

export interface WriterContext {
  org: WriterOrg;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
  store: WriterStore;
  options: ResolvedWriterOptions;
  /** Forced outcomes for the next runs, consumed in order. */
  outcomes: WriterJobOutcome[];
  stats: Stats;
}

export interface WriterRoute {
  method: string;
  /** The path template; also the stats and fault key (`GET /v1/applications/jobs/{job_id}`). */
  template: string;
  body?: boolean;
  handler: (ctx: WriterContext) => { status: number; body: unknown };
}

const badRequest = (message: string) => new ApiError(400, message);

function ownJob(ctx: WriterContext): WriterJob {
  const job = ctx.store.jobs.get(ctx.params.job_id ?? '');
  if (!job || job.org_id !== ctx.org.id) throw new ApiError(404, 'Job not found');
  return job;
}

function application(ctx: WriterContext) {
  const app = findApplication(ctx.org.id, ctx.params.application_id ?? '');
  if (!app) throw new ApiError(404, 'Application not found');
  return app;
}

/** Starts a run: the next forced outcome, else `completed`. */
function startRun(ctx: WriterContext, job: WriterJob): void {
  job.run_started_ms = ctx.now;
  job.duration_ms = ctx.options.jobDurationMs;
  job.outcome = ctx.outcomes.shift() ?? 'completed';
  ctx.store.dirty = true;
}

function createJob(ctx: WriterContext) {
  const app = application(ctx);
  const inputs = parseJobInputs(app, ctx.body);
  const job: WriterJob = {
    id: ctx.store.nextJobId(),
    org_id: ctx.org.id,
    application_id: app.id,
    inputs,
    created_ms: ctx.now,
    run_started_ms: ctx.now,
    duration_ms: 0,
    outcome: 'completed',
    attempts: 1,
  };
  startRun(ctx, job);
  ctx.store.jobs.set(job.id, job);
  ctx.stats.jobsCreated += 1;
  return { status: 200, body: presentAck(job, ctx.now) };
}

/** Absent → fallback; present but not an integer in range → 400. */
function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw badRequest(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 100;

function listJobs(ctx: WriterContext) {
  const app = application(ctx);
  const offset = intParam(ctx.query, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = intParam(ctx.query, 'limit', 1, MAX_LIST_LIMIT, DEFAULT_LIST_LIMIT);
  const status = ctx.query.get('status');
  if (status !== null && !(WRITER_JOB_STATUSES as readonly string[]).includes(status)) {
    throw badRequest(`status must be one of ${WRITER_JOB_STATUSES.join(', ')}`);
  }
  const jobs = [...ctx.store.jobs.values()]
    .filter((job) => job.org_id === ctx.org.id && job.application_id === app.id)
    .filter((job) => status === null || writerJobStatus(job, ctx.now) === status)
    .reverse();
  return {
    status: 200,
    body: {
      result: jobs
        .slice(offset, offset + limit)
        .map((job) => presentWriterJob(job, ctx.now, ctx.store.seed)),
      totalCount: jobs.length,
      pagination: { limit, offset },
    },
  };
}

function retryJob(ctx: WriterContext) {
  const job = ownJob(ctx);
  const status = writerJobStatus(job, ctx.now);
  // 400, not 409: the official SDK retries a 409 on its own, which would hide the answer.
  if (status !== 'failed')
    throw badRequest(`Only a failed job can be retried; this job is ${status}`);
  job.attempts += 1;
  startRun(ctx, job);
  return { status: 200, body: presentAck(job, ctx.now) };
}

export const WRITER_ROUTES: WriterRoute[] = [
  {
    method: 'GET',
    template: '/v1/applications/{application_id}',
    handler: (ctx) => ({ status: 200, body: presentApplication(application(ctx)) }),
  },
  {
    method: 'POST',
    template: '/v1/applications/{application_id}/jobs',
    body: true,
    handler: createJob,
  },
  { method: 'GET', template: '/v1/applications/{application_id}/jobs', handler: listJobs },
  {
    method: 'GET',
    template: '/v1/applications/jobs/{job_id}',
    handler: (ctx) => ({
      status: 200,
      body: presentWriterJob(ownJob(ctx), ctx.now, ctx.store.seed),
    }),
  },
  { method: 'POST', template: '/v1/applications/jobs/{job_id}/retry', handler: retryJob },
];
