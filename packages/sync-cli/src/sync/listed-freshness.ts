import type { MarkerFields } from '@robowrite/core';
import type { ItemState } from './state.ts';

/**
 * The change marker this CLI kept in state.json before it used core's `changeMarker`:
 * `${version}@${updated}`, without the status. Only read here, to recognise an old state.
 */
export function legacyMarker(summary: MarkerFields): string | null {
  const version = summary.latest_version_id ?? null;
  const updated = summary.updated_at ?? null;
  if (version === null && updated === null) return null;
  return `${version ?? ''}@${updated ?? ''}`;
}

/**
 * What a pull does with a listed item it tracks, by its listed marker (core's `changeMarker`)
 * and the legacy form of it (`legacyMarker`):
 * - `read`: new, moved, or no marker to compare: read it and render it again;
 * - `unchanged`: the stored marker is the current one;
 * - `upgrade`: the stored marker is the legacy one for the same version and update time, so the
 *   file already holds what a read would write: only the new marker is saved (no request, no
 *   write), and a state from before this rule costs nothing but one state.json change. An item
 *   a `generate` job brought in is read anyway: its file was written with the job's fields
 *   (`jobId`, and `draft: false` once completed), which entries no longer carry.
 * The legacy marker has no status; like the CLI that wrote it, it trusts the update time to move
 * with a status change (the emulator's does).
 */
export function listedFreshness(
  known: Readonly<ItemState> | undefined,
  marker: string | null,
  legacy: string | null,
): 'read' | 'unchanged' | 'upgrade' {
  if (known === undefined || marker === null) return 'read';
  if (known.marker === marker) return 'unchanged';
  if (legacy !== null && known.marker === legacy && known.jobId === null) return 'upgrade';
  return 'read';
}
