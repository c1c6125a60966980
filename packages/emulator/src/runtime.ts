import { Random } from './generator/random.ts';
import type { ResolvedOptions } from './options.ts';
import type { JobOutcome } from './store/types.ts';

export interface Stats {
  requests: number;
  /** TCP connections accepted: how many sockets clients opened (keep-alive reuse shows here). */
  connections: number;
  routes: Record<string, number>;
  rateLimited: number;
  jobsCreated: number;
  replays: number;
  faultsInjected: number;
}

/** Per-server settings and counters the handlers share. */
export interface Runtime {
  options: ResolvedOptions;
  /** Seeded, so quirks like the empty-`workflow_id` ack are reproducible. */
  rng: Random;
  stats: Stats;
  /** Forced outcomes for the next jobs, consumed in order. */
  outcomes: JobOutcome[];
}

export function emptyStats(): Stats {
  return {
    requests: 0,
    connections: 0,
    routes: {},
    rateLimited: 0,
    jobsCreated: 0,
    replays: 0,
    faultsInjected: 0,
  };
}

export function createRuntime(options: ResolvedOptions): Runtime {
  return {
    options,
    rng: new Random(`${options.seed}:runtime`),
    stats: emptyStats(),
    outcomes: [...options.jobOutcomes],
  };
}
