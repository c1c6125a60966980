import {
  type Draft,
  type DraftSummary,
  errorLine,
  InvalidEntryError,
  type ProviderV1,
  RequestValidationError,
} from '@robowrite/core';
import pLimit from 'p-limit';
import type { ResolvedSourceOptions } from './options.ts';
import type { LogLines } from './scrubbed-logger.ts';

/**
 * What reading one changed item gave: its draft, `'empty'` for an item that holds no draft yet
 * (created, never generated: it has no entry), or `'failed'` for an item whose own data is
 * unusable (its entry of the last good sync stays).
 */
export type Retrieved = Draft | 'empty' | 'failed';

/**
 * Retrieves the listed items whose marker moved, through the provider, `concurrency` at a time
 * (the client's limiter still paces them). The answer lines up with `changed`. An item whose id
 * the client refuses to put in a URL ("..", "a/b"), or whose draft fails core's size check, is
 * the item's own problem, not an outage: it fails alone in one line; any other error propagates
 * and fails the sync. The listed id is the one untrusted input `retrieveDraft` takes (the include
 * flags are checked when the loader is created), so a `RequestValidationError` from it is about
 * that id, whatever the provider calls it (RoboWrite `itemId`, WriterzRoom `contentId` or
 * `requestId`, Writer `jobId`).
 */
export async function retrieveChanged(
  provider: ProviderV1,
  changed: readonly DraftSummary[],
  resolved: ResolvedSourceOptions,
  run: { concurrency: number; logger: LogLines; apiKey: string | undefined },
): Promise<Retrieved[]> {
  const include = {
    scoring: resolved.include.includes('scoring'),
    sources: resolved.include.includes('sources'),
  };
  return pLimit(run.concurrency).map(changed, async (summary): Promise<Retrieved> => {
    try {
      return (await provider.retrieveDraft(summary.id, include)) ?? 'empty';
    } catch (error) {
      if (error instanceof InvalidEntryError) {
        run.logger.error(`${error.message}; not loaded`);
        return 'failed';
      }
      if (!(error instanceof RequestValidationError)) throw error;
      const line = errorLine(error, { secrets: [run.apiKey] });
      run.logger.error(`item ${JSON.stringify(summary.id)}: ${line}; not loaded`);
      return 'failed';
    }
  });
}
