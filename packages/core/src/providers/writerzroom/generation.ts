import type {
  GenerationV1,
  StartedJob,
  StartGenerationOptions,
} from '../../provider/v1/generation.ts';
import { isRefusedInput, unkeyedCheckpoint } from '../shared/unkeyed-generation.ts';
import type { WriterzRoom } from './client.ts';
import { inputTopic, parseGenerateInput, type WriterzRoomGenerateInput } from './generate-input.ts';

/** Seed 000 polls every 5 s (002 says 5–10 s): the engine waits this long between polls. */
export const WRITERZROOM_POLL_INTERVAL_MS = 5_000;

/**
 * WriterzRoom documents no idempotency key, so a generation is one POST whose request id is
 * recorded (`checkpoint.created.request`, saved through `onCheckpoint`) the moment it arrives; a
 * start with that record returns it without sending anything. What cannot be protected: a crash
 * or a lost response between the server accepting the POST and the record being saved. The next
 * attempt then submits again, and the first generation runs unseen: one credit spent twice, and
 * (v1) an extra item in `GET /v1/content`, which a v1 pull then collects like any other.
 */
export function writerzroomGeneration(
  client: WriterzRoom,
  topics: Map<string, string>,
): GenerationV1<WriterzRoomGenerateInput> {
  return {
    parseInput: (input) => parseGenerateInput(client.dialect, input),
    // `created.request` is filled by `start`.
    newCheckpoint: unkeyedCheckpoint,
    async start(input, checkpoint, options: StartGenerationOptions = {}): Promise<StartedJob> {
      const recorded = checkpoint.created.request;
      if (recorded) return started(client, recorded, 'processing');
      const submitted = await client.generate(
        input,
        options.signal ? { signal: options.signal } : undefined,
      );
      checkpoint.created.request = submitted.request_id;
      const topic = inputTopic(input);
      if (topic) topics.set(submitted.request_id, topic);
      await options.onCheckpoint?.();
      return started(client, submitted.request_id, submitted.status ?? 'processing');
    },
    // 400 (bad body), 402 (no credits), 403 (mode not on the plan), 404 (unknown template or
    // style profile): final. A 503 ("Configuration Manager unavailable") is not.
    isFinalRejection: isRefusedInput,
    pollIntervalMs: WRITERZROOM_POLL_INTERVAL_MS,
  };
}

/** In the api dialect the request id is the draft's id from the start; in v1 it is not known yet. */
function started(client: WriterzRoom, requestId: string, status: string): StartedJob {
  return {
    jobId: requestId,
    status: client.scrub(status),
    draftId: client.dialect === 'api' ? requestId : null,
  };
}
