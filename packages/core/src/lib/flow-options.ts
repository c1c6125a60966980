import type { ContentInclude } from '../schemas/content.ts';
import type { WaitForOptions } from './wait-for-job.ts';

/** Options of the two guide flows: how to wait, and what to read at the end. */
export interface FlowOptions extends WaitForOptions {
  /** Includes for the final read (default both `scoring` and `sources`). */
  include?: ContentInclude[];
}
