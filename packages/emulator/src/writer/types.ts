/** Writer's async applications jobs: the three statuses the guide names, and what we store. */
export const WRITER_JOB_STATUSES = ['in_progress', 'completed', 'failed'] as const;
export type WriterJobStatus = (typeof WRITER_JOB_STATUSES)[number];

/** How a run ends; forced with `jobOutcomes` / `queueJobOutcomes()`, else `completed`. */
export const WRITER_JOB_OUTCOMES = ['completed', 'failed'] as const;
export type WriterJobOutcome = (typeof WRITER_JOB_OUTCOMES)[number];

export interface ApplicationInput {
  /** The input's name: what a create request sends as `inputs[].id`. */
  name: string;
  required: boolean;
  description: string;
}

/** A deployed no-code agent ("application") and the inputs it declares. */
export interface Application {
  id: string;
  name: string;
  /** `data.title` of its jobs: the name of the output field, not an article title. */
  output_title: string;
  kind: 'blog_post' | 'social_post';
  inputs: ApplicationInput[];
}

export interface JobInput {
  id: string;
  value: string[];
}

export interface WriterJob {
  id: string;
  /** The key's organization: another organization's job reads as unknown. */
  org_id: string;
  application_id: string;
  inputs: JobInput[];
  created_ms: number;
  /** Start of the current run: the creation, or the last retry. */
  run_started_ms: number;
  duration_ms: number;
  outcome: WriterJobOutcome;
  /** 1, plus one per retry. */
  attempts: number;
}

export interface WriterState {
  /** Distinct from the RoboWrite state's `1`, so neither personality loads the other's file. */
  schema: 'writer/1';
  seed: string;
  counter: number;
  jobs: WriterJob[];
}
