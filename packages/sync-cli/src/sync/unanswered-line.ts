import type { UnansweredGenerationError } from '@robowrite/core';

/**
 * The one line for a generation a previous run sent whose answer was lost (WriterzRoom, Writer:
 * no idempotency key): core's "sent at <time>, may have started a job", then how the user gets
 * it if it exists and how to start another on purpose. Nothing is sent again without that choice.
 */
export function unansweredLine(error: UnansweredGenerationError): string {
  const collect = error.listed
    ? '`robowrite pull` collects it if it did'
    : 'the API lists no such jobs, so no pull can collect it if it did';
  return `${error.message}; ${collect}, and \`robowrite generate --new\` starts another on purpose`;
}
