import type { ProviderCallOptions } from './provider-v1.ts';

/**
 * A generation's resumable progress, stored by the engine (the CLI keeps it in its state file)
 * and handed back on every attempt. `keys` are chosen once, before any request, by
 * `newCheckpoint`; `created` records each resource a step created (RoboWrite: brand, topic,
 * brief, item), so an attempt after a crash resumes after the last completed step and replays
 * the rest with the same idempotency keys instead of paying twice.
 *
 * `sent` is for APIs with no idempotency key (WriterzRoom, Writer): the ISO time each create
 * request went out, saved through `onCheckpoint` before it is sent. A `sent` step with no
 * `created` id is a request whose answer was lost: `start` never sends it again blindly; it
 * adopts the job the first attempt created where the API can find it, else throws
 * `UnansweredGenerationError`.
 */
export interface GenerationCheckpoint {
  keys: Record<string, string>;
  created: Record<string, string>;
  sent: Record<string, string>;
}

/** The job a generation started. */
export interface StartedJob {
  jobId: string;
  status: string;
  /** Known already for some flows (RoboWrite's brief flow creates the item first). */
  draftId: string | null;
}

export interface StartGenerationOptions extends ProviderCallOptions {
  /**
   * Called after each step that changed `checkpoint.created` or `checkpoint.sent`; the engine
   * saves it durably before `start` goes on.
   */
  onCheckpoint?: (() => Promise<void>) | undefined;
}

/**
 * Starting generations, where the API can. Inputs are provider-shaped (a RoboWrite topic or
 * brief, a WriterzRoom template and inputs, a Writer application and inputs), so each provider
 * checks its own: `parseInput` turns untrusted input (flags, a brief file) into the provider's
 * type or throws core's `RequestValidationError` naming the field.
 */
export interface GenerationV1<Input = unknown> {
  parseInput(input: unknown): Input;
  /** Fresh idempotency keys for a new generation; the engine stores them before any request. */
  newCheckpoint(input: Input): GenerationCheckpoint;
  start(
    input: Input,
    checkpoint: GenerationCheckpoint,
    options?: StartGenerationOptions,
  ): Promise<StartedJob>;
  /**
   * Whether a failed `start` would fail the same way if replayed (the API refused the input),
   * so the engine drops the record instead of retrying it on every pull.
   */
  isFinalRejection(error: unknown): boolean;
  /** How often to poll a job, as the API asks (WriterzRoom: every 5 s). */
  readonly pollIntervalMs: number;
}
