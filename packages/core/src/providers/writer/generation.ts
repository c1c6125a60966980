import type {
  GenerationV1,
  StartedJob,
  StartGenerationOptions,
} from '../../provider/v1/generation.ts';
import { isRefusedInput, unkeyedCheckpoint } from '../shared/unkeyed-generation.ts';
import type { WriterClient } from './client.ts';
import { parseWriterInput, type WriterGenerateInput } from './generate-input.ts';

/**
 * Writer documents no polling interval; an agent run takes seconds to minutes, so the engine
 * polls every 5 s (WriterzRoom's documented pace): at most 12 requests a minute per job, well
 * inside the client's default 120 a minute.
 */
export const WRITER_POLL_INTERVAL_MS = 5_000;

function started(client: WriterClient, jobId: string, status: string): StartedJob {
  // The job id is the draft's id from the start: a completed job is its own draft.
  return { jobId, status: client.scrub(status), draftId: jobId };
}

/**
 * Writer documents no idempotency key, so a generation is one POST whose job id is recorded
 * (`checkpoint.created.job`, saved through `onCheckpoint`) the moment it arrives, and a start
 * with that record returns it without sending anything. What cannot be protected: a crash or a
 * lost response between Writer accepting the POST and the record being saved. The next attempt
 * creates a second job; the first runs unseen by the engine but is in the application's job list,
 * so the next pull collects it as one more draft (one agent run paid twice). The client retries
 * the POST only on a 429, which proves it never ran, never after a timeout.
 */
export function writerGeneration(
  client: WriterClient,
  applicationIds: readonly string[],
): GenerationV1<WriterGenerateInput> {
  return {
    parseInput: (input) => parseWriterInput(input, applicationIds),
    // `created.job` is filled by `start`.
    newCheckpoint: unkeyedCheckpoint,
    async start(input, checkpoint, options: StartGenerationOptions = {}): Promise<StartedJob> {
      const recorded = checkpoint.created.job;
      if (recorded) return started(client, recorded, 'in_progress');
      const ack = await client.createJob(input, options.signal ? { signal: options.signal } : {});
      checkpoint.created.job = ack.jobId;
      await options.onCheckpoint?.();
      return started(client, ack.jobId, ack.status);
    },
    // Writer's 400 (bad inputs), 401, 403, 404 (unknown application): final.
    isFinalRejection: isRefusedInput,
    pollIntervalMs: WRITER_POLL_INTERVAL_MS,
  };
}
