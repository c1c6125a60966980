import { assignEntryNames, type Draft, entryNameInput } from '@robowrite/core';
import { entryNameSource, type IdStrategy } from './options.ts';
import type { SyncedItem } from './sync-state.ts';

/**
 * Entry ids for the drafts a sync fetched (item id -> entry id), by the rule the CLI names files
 * with (core's `entryNameInput` and `assignEntryNames`): every id is core's safe name, and when
 * two items want the same one, the item that holds it already keeps it (else the smallest item
 * id) and the other gets a suffix from its own item id. Entries kept from the last sync hold
 * their ids. Ids from your own function are used as returned; a clash there falls back to the
 * item id.
 */
export function assignEntryIds(
  drafts: readonly Draft[],
  kept: Readonly<Record<string, SyncedItem>>,
  strategy: IdStrategy,
): Map<string, string> {
  if (typeof strategy === 'function') {
    return new Map(drafts.map((draft) => [draft.id, strategy(draft)]));
  }
  const items = Object.entries(kept).map(([id, entry]) => ({ id, slug: entry.entryId }));
  const current = new Map(items.map((item) => [item.id, item.slug]));
  const by = entryNameSource(strategy);
  for (const draft of drafts) items.push(entryNameInput(draft, by));
  const names = assignEntryNames(items, current);
  return new Map(drafts.map((draft) => [draft.id, names.get(draft.id) ?? draft.id]));
}
