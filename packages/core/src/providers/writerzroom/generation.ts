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
import type { WriterzRoom } from './client.ts';
import { inputTopic, parseGenerateInput, type WriterzRoomGenerateInput } from './generate-input.ts';

/** Seed 000 polls every 5 s (002 says 5–10 s): the engine waits this long between polls. */
export const WRITERZROOM_POLL_INTERVAL_MS = 5_000;

/**
 * WriterzRoom documents no idempotency key, so a generation is one POST: its send time is saved
 * first (`checkpoint.sent.request`), its request id the moment it arrives
 * (`checkpoint.created.request`, both through `onCheckpoint`); a start with the id returns it
 * without sending anything. A start with only the send time (a crash or a lost response in
 * between) cannot find that request: neither dialect lists requests, and a v1 content item names
 * no request. So it sends nothing and throws `UnansweredGenerationError`; in v1 a pull collects
 * the item through `GET /v1/content` if the first request ran, in the api dialect nothing can.
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
      const sent = sentAt(checkpoint, 'request');
      if (sent) throw new UnansweredGenerationError(sent.toISOString(), client.dialect === 'v1');
      const submitted = await sendUnkeyed(checkpoint, 'request', options, () =>
        client.generate(input, options.signal ? { signal: options.signal } : undefined),
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
