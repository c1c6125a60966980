import type { ProjectEnv, ProviderV1, WriterProvider } from '@robowrite/core';
import type { Reporter } from '../output/reporter.ts';
import { createContext } from '../sync/context.ts';
import { withLock } from '../sync/lock.ts';
import { SyncStateStore } from '../sync/sync-state.ts';
import { EXIT, UsageError } from './exit-codes.ts';

export interface RetryFlags {
  json?: boolean;
}

/** Job ids are the API's; one with spaces or slashes is a typo, refused before any request. */
const JOB_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

function retrying(provider: ProviderV1): WriterProvider {
  if (provider.name !== 'writer') {
    throw new UsageError(
      `retry runs a failed job again through Writer's retry endpoint; ${provider.name} has none (run \`robowrite generate --new\` instead)`,
    );
  }
  return provider as WriterProvider;
}

/**
 * `robowrite retry <job>`: Writer runs a failed job again under the same id. Its record (found by
 * job id or by the key `generate` printed) becomes pending again, so the next pull collects the
 * draft; a job this CLI did not start needs no record, the listing finds it once completed.
 */
export async function retryCommand(
  root: string,
  job: string,
  flags: RetryFlags,
  reporter: Reporter,
  env: ProjectEnv,
): Promise<number> {
  const ctx = await createContext(root, { env });
  const provider = retrying(ctx.provider);
  if (!JOB_ID.test(job)) throw new UsageError(`not a job id: ${JSON.stringify(job)}`);
  const retried = await withLock(root, { command: 'retry' }, async () => {
    const { store } = await SyncStateStore.open(root, ctx.config.outDir);
    const record = [...store.jobs()].find(([key, rec]) => rec.jobId === job || key === job);
    if (record && !record[1].jobId) {
      throw new UsageError(`${job} was never sent; rerun \`robowrite generate\` to send it`);
    }
    const jobId = record?.[1].jobId ?? job;
    const started = await provider.retryJob(jobId);
    if (record) {
      store.recordJobRetried(record[0], { ...started, itemId: started.draftId });
      await store.save();
    }
    return started;
  });
  if (flags.json) reporter.document({ jobId: retried.jobId, status: retried.status });
  else {
    reporter.line(
      `Retried job ${retried.jobId} (${retried.status}). Run \`robowrite pull\` to collect the draft once it completes.`,
    );
  }
  return EXIT.ok;
}
