import { idRecord } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';

/**
 * The sync marker kept in the collection's `meta` between builds. `format` is this file's own
 * version: bump it whenever the shape or meaning of what is stored changes, and the next build
 * does a full reload instead of trusting a marker it cannot read. `scope` is a digest of the
 * options that decide what the collection holds (brand, statuses, include, id strategy), so
 * changing one of them also reloads everything.
 */
// 2: entry ids are core's safe names (issue 10), so ids stored by format 1 may have to change.
export const SYNC_STATE_FORMAT = 2;
const META_KEY = 'robowrite:sync';

export interface SyncedItem {
  /** The entry id this item is stored under (its slug by default). */
  entryId: string;
  /** The list's change marker when this item was fetched; null when the list carries none. */
  marker: string | null;
}

export interface LoaderSyncMeta {
  format: number;
  scope: string;
  syncedAt: string;
  items: Record<string, SyncedItem>;
}

export function readSyncState(meta: LoaderContext['meta']): LoaderSyncMeta | null {
  const raw = meta.get(META_KEY);
  if (raw === undefined) return null;
  try {
    const state = JSON.parse(raw) as Partial<LoaderSyncMeta>;
    const items = syncedItems(state.items);
    if (typeof state.format !== 'number' || typeof state.scope !== 'string' || items === null) {
      return null;
    }
    return { ...(state as LoaderSyncMeta), items };
  } catch {
    return null;
  }
}

/**
 * The stored items, copied into a record without a prototype and each checked: the meta is
 * read back as plain JSON, so anything unexpected there means a full reload, not a guess.
 */
function syncedItems(raw: unknown): Record<string, SyncedItem> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const items = idRecord<SyncedItem>();
  for (const [id, value] of Object.entries(raw)) {
    const item = value as Partial<SyncedItem> | null;
    if (typeof item?.entryId !== 'string') return null;
    if (item.marker !== null && typeof item.marker !== 'string') return null;
    items[id] = { entryId: item.entryId, marker: item.marker };
  }
  return items;
}

export function writeSyncState(meta: LoaderContext['meta'], state: LoaderSyncMeta): void {
  meta.set(META_KEY, JSON.stringify(state));
}

/** Why the previous marker cannot be used, or null when an incremental sync is possible. */
export function fullReloadReason(previous: LoaderSyncMeta | null, scope: string): string | null {
  if (previous === null) return 'no previous sync';
  if (previous.format !== SYNC_STATE_FORMAT) {
    return `sync marker format changed (${previous.format} -> ${SYNC_STATE_FORMAT})`;
  }
  if (previous.scope !== scope) return 'loader options changed';
  return null;
}
