import type { GenerationV1 } from '../../provider/v1/generation.ts';
import type { ProviderV1 } from '../../provider/v1/provider-v1.ts';
import { clientLifetime, type GivenClientOrOptions } from '../shared/provider-client.ts';
import { WriterzRoom } from './client.ts';
import type { WriterzRoomOptions } from './client-options.ts';
import type { WriterzRoomGenerateInput } from './generate-input.ts';
import { writerzroomGeneration } from './generation.ts';
import { listDrafts } from './list-drafts.ts';
import { type DraftMemory, retrieveDraft, retrieveJob } from './retrieve.ts';

interface ProviderSettings {
  /**
   * When a draft's generation started, as the caller recorded it (the CLI's state). The api
   * dialect's answers carry no date at all: without this, a draft is dated when this provider
   * first saw it, which differs from one process to the next.
   */
  knownCreatedAt?: ((draftId: string) => string | null | undefined) | undefined;
}

export type WriterzRoomProviderOptions = GivenClientOrOptions<
  ProviderSettings,
  WriterzRoom,
  WriterzRoomOptions
>;

export interface WriterzRoomProvider extends ProviderV1 {
  readonly generation: GenerationV1<WriterzRoomGenerateInput>;
  readonly client: WriterzRoom;
}

/**
 * WriterzRoom behind `ProviderV1`. The api dialect (default) has no content listing
 * (`listing: 'none'`): a pull collects the generations robowrite started, by request id. The v1
 * dialect lists `GET /v1/content` (`listing: 'complete'`) and names drafts by content id.
 */
export function createWriterzRoomProvider(
  options: WriterzRoomProviderOptions = {},
): WriterzRoomProvider {
  const { knownCreatedAt, client: given, ...clientOptions } = options;
  const client = given ?? new WriterzRoom(clientOptions);
  const memory: DraftMemory = {
    topics: new Map(),
    firstSeen: new Map(),
    knownCreatedAt,
    landed: new Map(),
  };
  return {
    specificationVersion: 'v1',
    name: 'writerzroom',
    listing: client.dialect === 'v1' ? 'complete' : 'none',
    client,
    listDrafts: (scope, callOptions) => listDrafts(client, scope, callOptions),
    retrieveDraft: (id, callOptions) => retrieveDraft(client, memory, id, callOptions),
    retrieveJob: (jobId, callOptions) => retrieveJob(client, memory, jobId, callOptions),
    generation: writerzroomGeneration(client, memory.topics),
    ...clientLifetime(client, given),
  };
}
