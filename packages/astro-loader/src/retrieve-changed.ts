import { type Draft, RequestValidationError, type RoboWrite, toDraft } from '@robowrite/core';
import pLimit from 'p-limit';
import { describeError } from './errors.ts';
import type { ItemSummary } from './list-items.ts';
import type { ResolvedSourceOptions } from './options.ts';
import type { LogLines } from './scrubbed-logger.ts';

/**
 * Retrieves the listed items whose marker moved, `concurrency` at a time (the client's limiter
 * still paces them). The answer lines up with `changed`: a draft, or null for an item whose id
 * the client refuses to put in a URL ("..", "a/b"). That is the item's own data, not an outage,
 * so it fails alone in one line, like a draft that fails the entry check; any other error
 * propagates and fails the sync.
 */
export async function retrieveChanged(
  client: RoboWrite,
  changed: readonly ItemSummary[],
  resolved: ResolvedSourceOptions,
  run: { concurrency: number; logger: LogLines; apiKey: string | undefined },
): Promise<(Draft | null)[]> {
  return pLimit(run.concurrency).map(changed, async (summary) => {
    try {
      return toDraft(await client.content.retrieve(summary.id, { include: [...resolved.include] }));
    } catch (error) {
      if (!(error instanceof RequestValidationError && error.path === 'itemId')) throw error;
      run.logger.error(
        `item ${JSON.stringify(summary.id)}: ${describeError(error, run.apiKey)}; not loaded`,
      );
      return null;
    }
  });
}
