import type { RoboWrite } from '../../client.ts';
import { DEFAULT_POLL_INTERVAL_MS } from '../../lib/wait-for-job.ts';
import type { GenerationV1 } from '../../provider/v1/generation.ts';
import { isFinalRejection } from './final-rejection.ts';
import { type GenerateInput, parseInput } from './generate-input.ts';
import type { GenerationDefaults } from './generation-target.ts';
import { newCheckpoint, startGeneration } from './start-generation.ts';

/** RoboWrite's topic and brief flows behind the contract's `generation`. */
export function robowriteGeneration(
  client: RoboWrite,
  defaults: GenerationDefaults,
): GenerationV1<GenerateInput> {
  return {
    parseInput,
    newCheckpoint: () => newCheckpoint(),
    start: (input, checkpoint, options) =>
      startGeneration(client, defaults, input, checkpoint, options),
    isFinalRejection,
    pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  };
}
