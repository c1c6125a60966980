import { RoboWriteError } from '../../core/errors.ts';

/**
 * A generation an earlier attempt sent to an API with no idempotency key, whose answer never
 * arrived (a crash, a kill, a dropped response), and whose job cannot be found: it may or may not
 * exist. `start` refuses to send it again blindly; the engine says so and leaves the choice (collect
 * it, or start another on purpose) to the user.
 */
export class UnansweredGenerationError extends RoboWriteError {
  override name = 'UnansweredGenerationError';
  /** When the earlier attempt sent the create request (ISO). */
  readonly sentAt: string;
  /** Whether the provider's draft listing shows jobs the engine did not record, so a pull collects it. */
  readonly listed: boolean;

  constructor(sentAt: string, listed: boolean) {
    super(`a previous run sent this generation at ${sentAt} and may have started a job`);
    this.sentAt = sentAt;
    this.listed = listed;
  }
}
