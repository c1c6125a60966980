import { type ClientOptions, RoboWrite } from '../../client.ts';
import type { GenerationV1 } from '../../provider/v1/generation.ts';
import type { ProviderV1 } from '../../provider/v1/provider-v1.ts';
import { clientLifetime, type GivenClientOrOptions } from '../shared/provider-client.ts';
import type { GenerateInput } from './generate-input.ts';
import { robowriteGeneration } from './generation.ts';
import type { GenerationDefaults } from './generation-target.ts';
import { listDrafts } from './list-drafts.ts';
import { robowritePublishing } from './publishing.ts';
import { retrieveDraft } from './retrieve-draft.ts';
import { retrieveJob } from './retrieve-job.ts';

/** What every RoboWrite provider takes besides its client. */
interface ProviderSettings {
  /** Where a generation goes when its input names no brand or property (the CLI's config). */
  generationDefaults?: GenerationDefaults | undefined;
}

export type RoboWriteProviderOptions = GivenClientOrOptions<
  ProviderSettings,
  RoboWrite,
  ClientOptions
>;

/** The RoboWrite provider: the contract, with its generation input typed and its client. */
export interface RoboWriteProvider extends ProviderV1 {
  readonly generation: GenerationV1<GenerateInput>;
  /** The client it sends through, for what the contract does not cover (CLI `status`). */
  readonly client: RoboWrite;
}

/** The first `ProviderV1`: RoboWrite's Public API v1 through core's client. */
export function createRoboWriteProvider(options: RoboWriteProviderOptions = {}): RoboWriteProvider {
  const { generationDefaults, client: given, ...clientOptions } = options;
  const client = given ?? new RoboWrite(clientOptions);
  return {
    specificationVersion: 'v1',
    name: 'robowrite',
    listing: 'complete',
    client,
    listDrafts: (scope, callOptions) => listDrafts(client, scope, callOptions),
    retrieveDraft: (id, callOptions) => retrieveDraft(client, id, callOptions),
    retrieveJob: (jobId, callOptions) => retrieveJob(client, jobId, callOptions),
    generation: robowriteGeneration(client, generationDefaults ?? {}),
    publishing: robowritePublishing(client),
    ...clientLifetime(client, given),
  };
}
