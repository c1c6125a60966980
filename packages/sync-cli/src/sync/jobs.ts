import { randomUUID } from 'node:crypto';
import {
  APIError,
  type BriefCreateParams,
  FAILED_JOB_STATUSES,
  type GenerateItemParams,
  type JobCreated,
  LANDED_JOB_STATUSES,
  RequestValidationError,
  scrubText,
  type TopicCreateParams,
} from '@robowrite/core';
import type { SyncContext } from './context.ts';
import { hashText } from './hash.ts';
import type { JobState } from './state.ts';

/** Local status of a record whose request may not have reached the API yet. */
export const REQUESTING = 'requesting';

export interface GenerateInput {
  flow: 'topic' | 'brief';
  brandId?: string | undefined;
  propertyId?: string | undefined;
  /** Topic flow: the topic to create and run through autopilot. */
  topic?: TopicCreateParams | undefined;
  /** Brief flow: the brief to create, then an item from it, then its generation. */
  brief?: BriefCreateParams | undefined;
  generate?: GenerateItemParams | undefined;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Same input, same fingerprint: a rerun of the same `generate` finds its own record. */
export function fingerprint(input: GenerateInput): string {
  return hashText(JSON.stringify(canonical(input))).slice(7, 23);
}

export function isPending(job: Readonly<JobState>): boolean {
  return !job.collected && !FAILED_JOB_STATUSES.has(job.status);
}

/**
 * The earlier run of the same input, if any: in flight, landed, or already collected. Only a
 * failed or cancelled run is retried with new keys (its old keys would replay the failure).
 * A brief file kept in git and a CI step that runs `generate` every time therefore pay once.
 */
export function findJob(
  jobs: Iterable<[string, Readonly<JobState>]>,
  print: string,
): [string, Readonly<JobState>] | null {
  for (const [key, job] of jobs) {
    if (job.fingerprint === print && !FAILED_JOB_STATUSES.has(job.status)) return [key, job];
  }
  return null;
}

/** A new record, with every idempotency key it will need chosen up front. */
export function newJobRecord(input: GenerateInput): JobState {
  return {
    flow: input.flow,
    fingerprint: fingerprint(input),
    request: canonical(input) as Record<string, unknown>,
    keys: { topic: randomUUID(), item: randomUUID(), generate: randomUUID() },
    created: {},
    jobId: null,
    status: REQUESTING,
    itemId: null,
    error: null,
    collected: false,
  };
}

/** No brand or property to generate for, and none given: a usage problem (exit 2). */
export class GenerateTargetError extends Error {
  override name = 'GenerateTargetError';
}

/**
 * Whether a failure sending a job's requests is final: the API refused the input (4xx other
 * than a timeout or rate limit), core refused it before sending, or there is nothing to
 * generate for. Retrying the same request would fail the same way, so such a record must not
 * stay pending. Anything else (connection lost, 5xx, 429, a crash) may have reached the API
 * and keeps its record, so a rerun replays with the same keys.
 */
export function isFinalRejection(error: unknown): boolean {
  if (error instanceof RequestValidationError || error instanceof GenerateTargetError) return true;
  if (!(error instanceof APIError)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

async function defaultBrand(ctx: SyncContext): Promise<string> {
  if (ctx.config.brand) return ctx.config.brand;
  const brands = await ctx.client.brands.list({ limit: 1 });
  const first = brands.items[0];
  if (!first) throw new GenerateTargetError('the organization has no brands; pass --brand');
  return first.id;
}

async function defaultProperty(ctx: SyncContext, brandId: string | null): Promise<string> {
  if (ctx.config.generate.propertyId) return ctx.config.generate.propertyId;
  for await (const property of ctx.client.properties.list()) {
    if (!brandId || property.brand_id === brandId) return property.id;
  }
  throw new GenerateTargetError(
    'no property to publish to; pass --property or set generate.propertyId',
  );
}

/** The job a record's requests started. */
export interface StartedJob {
  jobId: string;
  status: string;
  /** Known already for the brief flow (its item is created first). */
  itemId: string | null;
}

/** A record's resumable progress: its keys, and the ids each step created (live, in the state). */
export interface JobCheckpoint {
  keys: Record<string, string>;
  created: Record<string, string>;
}

function callOptions(key: string | undefined, signal: AbortSignal | undefined) {
  return { ...(key ? { idempotencyKey: key } : {}), ...(signal ? { signal } : {}) };
}

async function startTopicFlow(
  ctx: SyncContext,
  input: GenerateInput,
  checkpoint: JobCheckpoint,
  save: () => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<JobCreated> {
  if (!input.topic) throw new Error('topic flow needs a title and a keyword');
  const { keys, created } = checkpoint;
  if (!created.topic) {
    const brandId = created.brand ?? input.brandId ?? (await defaultBrand(ctx));
    created.brand = brandId;
    const topic = await ctx.client.topics.create(
      brandId,
      input.topic,
      callOptions(keys.topic, signal),
    );
    created.topic = topic.id;
    await save();
  }
  return ctx.client.content.generate(
    { topicId: created.topic },
    callOptions(keys.generate, signal),
  );
}

async function startBriefFlow(
  ctx: SyncContext,
  input: GenerateInput,
  checkpoint: JobCheckpoint,
  save: () => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<JobCreated> {
  if (!input.brief) throw new Error('brief flow needs a brief');
  const { keys, created } = checkpoint;
  if (!created.brief) {
    // POST /briefs does not dedupe: a crash between this and the save can leave a spare brief
    // (never a spare item or job; those steps are keyed).
    const brief = await ctx.client.briefs.create(input.brief, callOptions(undefined, signal));
    created.brief = brief.id;
    if (brief.brand_id) created.brand = brief.brand_id;
    await save();
  }
  if (!created.item) {
    const propertyId = input.propertyId ?? (await defaultProperty(ctx, created.brand ?? null));
    const item = await ctx.client.content.create(
      { briefId: created.brief, propertyId, title: input.brief.title },
      callOptions(keys.item, signal),
    );
    created.item = item.id;
    await save();
  }
  return ctx.client.content.generateItem(
    created.item,
    input.generate ?? {},
    callOptions(keys.generate, signal),
  );
}

/**
 * Sends whatever requests a record still needs, saving the state after each step (`save`).
 * Every spend-sensitive request carries the key stored before it was sent, so a rerun after a
 * crash replays rather than creating a second topic, item or job.
 */
export async function sendJobRequests(
  ctx: SyncContext,
  job: Readonly<JobState>,
  checkpoint: JobCheckpoint,
  save: () => Promise<void>,
  signal?: AbortSignal,
): Promise<StartedJob> {
  const input = job.request as unknown as GenerateInput;
  const start = job.flow === 'topic' ? startTopicFlow : startBriefFlow;
  const created = await start(ctx, input, checkpoint, save, signal);
  return { jobId: created.job_id, status: created.status, itemId: checkpoint.created.item ?? null };
}

/**
 * The job's state as the API reports it. Its status and error are API text going into the
 * committed state file, so they are scrubbed of the key and of terminal controls here, on the way
 * in: no later reader (status, a teammate's terminal, a git diff) sees them raw.
 */
export function scrubbedSnapshot(
  snapshot: { status: string; draftId: string | null; error: string | null },
  apiKey: string,
): { status: string; itemId: string | null; error: string | null } {
  return {
    status: scrubText(snapshot.status, [apiKey]),
    itemId: snapshot.draftId,
    error: snapshot.error ? scrubText(snapshot.error, [apiKey]) : null,
  };
}

export function hasLanded(job: Readonly<JobState>): boolean {
  return LANDED_JOB_STATUSES.has(job.status) && job.itemId !== null;
}
