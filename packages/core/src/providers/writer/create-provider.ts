import { RoboWriteError } from '../../core/errors.ts';
import type { GenerationV1, StartedJob } from '../../provider/v1/generation.ts';
import type { ProviderCallOptions, ProviderV1 } from '../../provider/v1/provider-v1.ts';
import { clientLifetime, type GivenClientOrOptions } from '../shared/provider-client.ts';
import { WriterClient } from './client.ts';
import type { WriterOptions } from './client-options.ts';
import type { WriterGenerateInput } from './generate-input.ts';
import { writerGeneration } from './generation.ts';
import { listDrafts } from './list-drafts.ts';
import { retrieveDraft, retrieveJob } from './retrieve.ts';

interface ProviderSettings {
  /**
   * The applications (no-code agents) whose jobs are the drafts: listed in order, and the only
   * ones a generation may use (the first is the default). Defaults to `WRITER_APPLICATION_ID`.
   */
  applicationIds?: readonly string[] | undefined;
}

export type WriterProviderOptions = GivenClientOrOptions<
  ProviderSettings,
  WriterClient,
  WriterOptions
>;

export interface WriterProvider extends ProviderV1 {
  readonly generation: GenerationV1<WriterGenerateInput>;
  readonly client: WriterClient;
  readonly applicationIds: readonly string[];
  /**
   * `POST /v1/applications/jobs/{job_id}/retry`: runs a failed job again under the same id (its
   * draft id too). Writer answers 400 for a job that has not failed. Not part of the contract.
   */
  retryJob(jobId: string, options?: ProviderCallOptions): Promise<StartedJob>;
}

function checkedApplicationIds(given: readonly string[] | undefined): readonly string[] {
  const fromEnv = process.env.WRITER_APPLICATION_ID;
  const ids = given ?? (fromEnv ? [fromEnv] : []);
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new RoboWriteError(
      'no Writer application: pass `applicationIds` or set WRITER_APPLICATION_ID',
    );
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id.trim() === '' || /[\s/]/.test(id)) {
      throw new RoboWriteError(`not an application id: ${JSON.stringify(id)}`);
    }
  }
  return Object.freeze([...new Set(ids)]);
}

/**
 * Writer's async applications jobs behind `ProviderV1`: a completed job of a configured
 * application is a draft, named by its job id. `listing: 'complete'` over those applications.
 */
export function createWriterProvider(options: WriterProviderOptions = {}): WriterProvider {
  const { applicationIds: givenIds, client: given, ...clientOptions } = options;
  const applicationIds = checkedApplicationIds(givenIds);
  const client = given ?? new WriterClient(clientOptions);
  return {
    specificationVersion: 'v1',
    name: 'writer',
    listing: 'complete',
    client,
    applicationIds,
    listDrafts: (scope, callOptions) => listDrafts(client, applicationIds, scope, callOptions),
    retrieveDraft: (id, callOptions) => retrieveDraft(client, id, callOptions),
    retrieveJob: (jobId, callOptions) => retrieveJob(client, jobId, callOptions),
    generation: writerGeneration(client, applicationIds),
    async retryJob(jobId, callOptions = {}) {
      const ack = await client.retryJob(
        jobId,
        callOptions.signal ? { signal: callOptions.signal } : {},
      );
      return { jobId: ack.jobId, status: client.scrub(ack.status), draftId: ack.jobId };
    },
    ...clientLifetime(client, given),
  };
}
