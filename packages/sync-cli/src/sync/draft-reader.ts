import { type Draft, NotFoundError, type ProviderV1 } from '@robowrite/core';
import pLimit from 'p-limit';
import { errorLine } from './error-line.ts';
import type { PullLog } from './pull-log.ts';
import type { SyncStateStore } from './sync-state.ts';

/** Item reads in flight. */
const READ_CONCURRENCY = 8;

export interface DraftReaderOptions {
  provider: ProviderV1;
  store: SyncStateStore;
  log: PullLog;
  /** Ids the listing returned: one of them not found is a failure, not a deletion. */
  listed: ReadonlySet<string>;
  scoring: boolean;
  sources: boolean;
  signal: AbortSignal | undefined;
  /** After each read, done or failed, of `total` (the reader's, which may grow). */
  onRead: (done: number, total: number) => void;
}

/** Reads drafts, a batch at a time, `READ_CONCURRENCY` in flight. A failure is one line. */
export class DraftReader {
  readonly #options: DraftReaderOptions;
  #done = 0;
  /** How many reads this run plans, for progress (settling names can add renamed items). */
  total = 0;

  constructor(options: DraftReaderOptions) {
    this.#options = options;
  }

  /** The drafts of `ids` that hold one, in order; failures are logged and left out. */
  async readBatch(ids: readonly string[]): Promise<[string, Draft][]> {
    const drafts = await pLimit(READ_CONCURRENCY).map(ids, (id) => this.#readOne(id));
    return ids.flatMap((id, i) => {
      const draft = drafts[i];
      return draft ? [[id, draft] as [string, Draft]] : [];
    });
  }

  async #readOne(id: string): Promise<Draft | null> {
    const { provider, store, log, signal } = this.#options;
    try {
      const options = { scoring: this.#options.scoring, sources: this.#options.sources, signal };
      // Null for an item never generated; an oversized body fails here, before the batch holds it.
      return await provider.retrieveDraft(id, options);
    } catch (error) {
      if (error instanceof NotFoundError && !this.#options.listed.has(id)) {
        // Gone upstream: for a landed job there is nothing left to collect.
        for (const [key, job] of store.jobs()) if (job.itemId === id) store.markCollected(key);
        return null;
      }
      log.itemFailed(id, errorLine(error));
      return null;
    } finally {
      this.#options.onRead(++this.#done, this.total);
    }
  }
}

/**
 * The batches of `ids`, read one batch ahead: batch k + 1 is read while the caller applies
 * batch k, so memory holds a batch or two of drafts whatever the number of items. A caller that
 * stops early (throws) waits for the batch in flight before the error goes on.
 */
export async function* readAhead<T>(
  ids: readonly string[],
  batchSize: number,
  read: (batch: readonly string[]) => Promise<T>,
): AsyncGenerator<T> {
  const batchAt = (start: number) =>
    start < ids.length ? read(ids.slice(start, start + batchSize)) : null;
  let pending = batchAt(0);
  for (let start = 0; pending; start += batchSize) {
    const batch = await pending;
    pending = batchAt(start + batchSize);
    try {
      yield batch;
    } finally {
      // Resumed, or stopped early (the caller's loop threw): either way the next batch is
      // awaited here, so a stopped run leaves no read in flight behind it.
      await pending?.catch(() => {});
    }
  }
}
