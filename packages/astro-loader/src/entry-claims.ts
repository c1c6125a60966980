import { type DraftSummary, idRecord } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';
import type { SyncedItem } from './sync-state.ts';

/**
 * Which item owns each entry the store keeps after this sync (`claimed`: entry id -> item id),
 * and the sync state to save (`nextItems`: item id -> its entry and marker). One object, so the
 * two can never disagree.
 */
export class EntryClaims {
  readonly claimed = new Map<string, string>();
  readonly nextItems = idRecord<SyncedItem>();

  /** Unchanged listed items keep their entries: started before any new draft is named. */
  static carryUnchanged(
    summaries: readonly DraftSummary[],
    fetchedIds: ReadonlySet<string>,
    known: Record<string, SyncedItem>,
  ): EntryClaims {
    const claims = new EntryClaims();
    for (const summary of summaries) {
      const entry = known[summary.id];
      if (fetchedIds.has(summary.id) || entry === undefined) continue;
      claims.claim(summary.id, entry);
    }
    return claims;
  }

  claim(itemId: string, item: SyncedItem): void {
    this.claimed.set(item.entryId, itemId);
    this.nextItems[itemId] = item;
  }

  /** The item that owns `entryId`, if any. */
  ownerOf(entryId: string): string | undefined {
    return this.claimed.get(entryId);
  }

  /**
   * Keeps the entry an item had before this sync, when it failed now: its stored marker is the
   * old one, so the next sync retrieves it again. An entry another item took meanwhile is not kept.
   */
  keepPrevious(previous: SyncedItem | undefined, itemId: string, store: LoaderContext['store']) {
    if (previous === undefined || !store.has(previous.entryId)) return;
    if (this.claimed.has(previous.entryId)) return;
    this.claim(itemId, previous);
  }

  /** Drops every stored entry no item claims; returns how many went. */
  removeUnclaimed(store: LoaderContext['store']): number {
    let removed = 0;
    for (const entryId of store.keys()) {
      if (this.claimed.has(entryId)) continue;
      store.delete(entryId);
      removed++;
    }
    return removed;
  }
}
