import {
  FAILED_JOB_STATUSES,
  type GenerationCheckpoint,
  type GenerationV1,
  LANDED_JOB_STATUSES,
  type ProviderV1,
} from '@robowrite/core';
import { UsageError } from '../commands/exit-codes.ts';
import { hashText } from './hash.ts';
import type { JobOutcome, JobState } from './state.ts';
import type { SyncStateStore } from './sync-state.ts';

/** Local status of a record whose request may not have reached the API yet. */
export const REQUESTING = 'requesting';

/**
 * A generation request, as `generate` builds it from flags or a brief file, in the configured
 * provider's shape (a RoboWrite topic or brief, a WriterzRoom template and inputs, a Writer
 * application and inputs), checked by the provider's `parseInput` before any record or request.
 */
export type GenerateInput = Record<string, unknown>;

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

/**
 * What the engine decides on: the record's `outcome`, or for a record from before the field (a
 * RoboWrite job) the outcome core's RoboWrite status lists give its status.
 */
export function jobOutcome(job: Readonly<JobState>): JobOutcome {
  if (job.outcome) return job.outcome;
  if (LANDED_JOB_STATUSES.has(job.status)) return 'landed';
  return FAILED_JOB_STATUSES.has(job.status) ? 'failed' : 'running';
}

export function isPending(job: Readonly<JobState>): boolean {
  return !job.collected && jobOutcome(job) !== 'failed';
}

export function hasFailed(job: Readonly<JobState>): boolean {
  return jobOutcome(job) === 'failed';
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
    if (job.fingerprint === print && !hasFailed(job)) return [key, job];
  }
  return null;
}

/** A new record, with every idempotency key it will need chosen up front (`checkpoint`). */
export function newJobRecord(
  input: GenerateInput,
  checkpoint: GenerationCheckpoint,
  startedAt: Date = new Date(),
): JobState {
  const flow = input.flow === 'topic' || input.flow === 'brief' ? input.flow : undefined;
  return {
    ...(flow ? { flow } : {}),
    fingerprint: fingerprint(input),
    request: canonical(input) as Record<string, unknown>,
    keys: checkpoint.keys,
    created: checkpoint.created,
    jobId: null,
    status: REQUESTING,
    outcome: 'running',
    startedAt: startedAt.toISOString(),
    itemId: null,
    error: null,
    collected: false,
  };
}

/** The provider's generation, or a usage error for a provider that cannot start one. */
export function generationOf(provider: ProviderV1): GenerationV1 {
  if (!provider.generation) throw new UsageError(`${provider.name} cannot start generations`);
  return provider.generation;
}

/**
 * Sends whatever requests a record still needs, through the provider: its input is parsed again
 * (the state is untrusted), its checkpoint is the record's own keys and ids, and the state is
 * saved after every step that created or sent something. Every spend-sensitive request carries
 * the key stored before it was sent, so a rerun after a crash replays rather than paying twice;
 * where the API takes no key, the send time stored before it stops a blind second create.
 */
export async function resumeGeneration(
  provider: ProviderV1,
  store: SyncStateStore,
  key: string,
  signal?: AbortSignal,
): Promise<void> {
  const job = store.job(key);
  if (!job || job.jobId) return;
  const generation = generationOf(provider);
  const input = generation.parseInput(job.request);
  const started = await generation.start(input, store.checkpoint(key), {
    onCheckpoint: () => store.save(),
    signal,
  });
  store.recordJobStarted(key, {
    jobId: started.jobId,
    status: started.status,
    itemId: started.draftId,
  });
  await store.save();
}

export function hasLanded(job: Readonly<JobState>): boolean {
  return jobOutcome(job) === 'landed' && job.itemId !== null;
}
