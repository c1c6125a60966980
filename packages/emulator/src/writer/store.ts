import { deterministicId } from '../ids.ts';
import type { WriterJob, WriterState } from './types.ts';

/** The Writer personality's state: jobs by id, in creation order, and the id counter. */
export class WriterStore {
  readonly seed: string;
  counter: number;
  readonly jobs: Map<string, WriterJob>;
  /** Set by every change, so `--state` is written after the request that made it. */
  dirty = false;

  constructor(state: WriterState) {
    this.seed = state.seed;
    this.counter = state.counter;
    this.jobs = new Map(state.jobs.map((job) => [job.id, job]));
  }

  static empty(seed: string): WriterStore {
    return new WriterStore({ schema: 'writer/1', seed, counter: 0, jobs: [] });
  }

  nextJobId(): string {
    this.counter += 1;
    this.dirty = true;
    return deterministicId(this.seed, 'writer-job', this.counter);
  }

  toState(): WriterState {
    return {
      schema: 'writer/1',
      seed: this.seed,
      counter: this.counter,
      jobs: [...this.jobs.values()],
    };
  }
}
