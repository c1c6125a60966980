import { AuthenticationError, type DraftSummary } from '@robowrite/core';
import type { SyncContext } from './context.ts';
import { errorLine } from './error-line.ts';

export interface Listing {
  listed: Map<string, DraftSummary>;
  /** False when the listing failed part-way: nothing is deleted then. */
  complete: boolean;
}

/**
 * Every draft in the config's scope, the one listing a plain pull and `pull --branches` make. A
 * failure part-way is one line (`onFailure`) and an incomplete listing; a rejected key rejects
 * every request, so that run ends here with the error alone rather than a summary of nothing.
 */
export async function listInScope(
  ctx: SyncContext,
  signal: AbortSignal | undefined,
  onFailure: (line: string) => void,
): Promise<Listing> {
  const listed = new Map<string, DraftSummary>();
  const scope = { statuses: ctx.config.statuses, brand: ctx.config.brand ?? null };
  try {
    for await (const page of ctx.provider.listDrafts(scope, { signal })) {
      for (const summary of page) listed.set(summary.id, summary);
    }
    return { listed, complete: true };
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    onFailure(`listing content failed: ${errorLine(error)}`);
    return { listed, complete: false };
  }
}
