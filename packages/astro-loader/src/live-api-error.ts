import { APIError, errorLine, PROVIDER_LABELS } from '@robowrite/core';
import type { LoaderConnection } from './client.ts';
import { RobowriteLiveError } from './live-errors.ts';

/** A failed request as the live error a page gets: one line, the key scrubbed out. */
export function liveApiError(
  collection: string,
  error: unknown,
  connection: LoaderConnection,
): RobowriteLiveError {
  const reason = errorLine(error, { secrets: [connection.apiKey] });
  return new RobowriteLiveError(
    collection,
    `${PROVIDER_LABELS[connection.provider]} request failed: ${reason}`,
    error instanceof APIError ? error.status : null,
    error instanceof Error ? error : undefined,
  );
}
