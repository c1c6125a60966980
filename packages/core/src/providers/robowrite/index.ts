export {
  createRoboWriteProvider,
  type RoboWriteProvider,
  type RoboWriteProviderOptions,
} from './create-provider.ts';
export { isFinalRejection } from './final-rejection.ts';
export { type GenerateInput, generateInputSchema, parseInput } from './generate-input.ts';
export { GenerateTargetError, type GenerationDefaults } from './generation-target.ts';
export { LIST_PAGE_SIZE, toDraftSummary } from './list-drafts.ts';
export { toJobSnapshot } from './retrieve-job.ts';
export { newCheckpoint } from './start-generation.ts';
