import type { FaultRule } from '../faults.ts';
import { type RateLimitOptions, resolveServerBasics, type ServerBasics } from '../options.ts';
import { WRITER_JOB_OUTCOMES, type WriterJobOutcome } from './types.ts';

export interface WriterEmulatorOptions {
  /** Serve Writer's async applications jobs API instead of RoboWrite's. */
  provider: 'writer';
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; `0` (the programmatic default) picks a free one. */
  port?: number;
  /** How long a job's run takes, in ms. Default 3000. */
  jobDurationMs?: number;
  /** Fixed window per organization; default 120 requests / 60 s; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Faults to inject from the start; route keys look like `GET /v1/applications/jobs/{job_id}`. */
  faults?: FaultRule[];
  /** Outcomes of the next runs (creations and retries), in order; later runs complete. */
  jobOutcomes?: WriterJobOutcome[];
  /** Persist jobs to this JSON file (atomic writes) and reload it on start. */
  stateFile?: string;
  /** Seed for job ids and suggestions. */
  seed?: string;
  /** Clock in epoch ms; tests pass a controllable one. */
  now?: () => number;
}

export interface ResolvedWriterOptions extends ServerBasics {
  jobOutcomes: WriterJobOutcome[];
}

/** Throws one clear line for an outcome Writer has no status for (e.g. `cancelled`). */
export function checkWriterOutcomes(outcomes: readonly string[]): WriterJobOutcome[] {
  for (const outcome of outcomes) {
    if (!(WRITER_JOB_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new Error(
        `unknown Writer job outcome "${outcome}" (use ${WRITER_JOB_OUTCOMES.join(', ')})`,
      );
    }
  }
  return outcomes as WriterJobOutcome[];
}

export function resolveWriterOptions(options: WriterEmulatorOptions): ResolvedWriterOptions {
  const basics = resolveServerBasics(options);
  return { ...basics, jobOutcomes: checkWriterOutcomes(options.jobOutcomes ?? []) };
}
