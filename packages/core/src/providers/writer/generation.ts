import type {
  GenerationV1,
  StartedJob,
  StartGenerationOptions,
} from '../../provider/v1/generation.ts';
import { UnansweredGenerationError } from '../../provider/v1/unanswered-generation.ts';
import {
  isRefusedInput,
  sendUnkeyed,
  sentAt,
  unkeyedCheckpoint,
} from '../shared/unkeyed-generation.ts';
import type { WriterClient } from './client.ts';
import { parseWriterInput, type WriterGenerateInput } from './generate-input.ts';
import { jobSentAt } from './sent-job.ts';

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
 * Writer documents no idempotency key, so a generation is one POST: its send time is saved first
 * (`checkpoint.sent.job`), its job id the moment it arrives (`checkpoint.created.job`, both
 * through `onCheckpoint`), and a start with the id returns it without sending anything. A start
 * with only the send time (a crash or a lost response in between) never sends again: it adopts
 * the one job the application gained since (`jobSentAt`), or throws
 * `UnansweredGenerationError` (a pull collects the job from the application's list if it exists).
 * The client retries the POST only on a 429, which proves it never ran, never after a timeout.
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
      const sent = sentAt(checkpoint, 'job');
      if (sent) {
        const job = await jobSentAt(client, input.applicationId, sent, options);
        if (!job) throw new UnansweredGenerationError(sent.toISOString(), true);
        checkpoint.created.job = job.id;
        await options.onCheckpoint?.();
        return started(client, job.id, job.status);
      }
      const ack = await sendUnkeyed(checkpoint, 'job', options, () =>
        client.createJob(input, options.signal ? { signal: options.signal } : {}),
      );
      checkpoint.created.job = ack.jobId;
      await options.onCheckpoint?.();
      return started(client, ack.jobId, ack.status);
    },
    // Writer's 400 (bad inputs), 401, 403, 404 (unknown application): final.
    isFinalRejection: isRefusedInput,
    pollIntervalMs: WRITER_POLL_INTERVAL_MS,
  };
}
