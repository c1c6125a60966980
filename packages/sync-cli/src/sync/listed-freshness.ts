import type { MarkerFields } from '@robowrite/core';
import type { ItemState } from './state.ts';

/**
 * The change marker this CLI kept in state.json before it used core's `changeMarker`:
 * `${version}@${updated}`, without the status. The old format's definition (tests write old
states with it); a pull recognises it from the current marker alone (`legacyOf`).
 */
export function legacyMarker(summary: MarkerFields): string | null {
  const version = summary.latest_version_id ?? null;
  const updated = summary.updated_at ?? null;
  if (version === null && updated === null) return null;
  return `${version ?? ''}@${updated ?? ''}`;
}

/**
 * The legacy form of one of core's markers (`version|updated|status`): the same version and
 * update time as `version@updated`. Only a RoboWrite state can hold a legacy marker (the CLI that
 * wrote them spoke to RoboWrite alone), and only RoboWrite's markers have this shape; any other
 * marker has no legacy form.
 */
export function legacyOf(marker: string): string | null {
  const parts = marker.split('|');
  if (parts.length !== 3) return null;
  return `${parts[0]}@${parts[1]}`;
}

/**
 * What a pull does with a listed item it tracks, by its listed marker (core's `changeMarker`)
 * and the legacy form of it (`legacyOf`):
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
): 'read' | 'unchanged' | 'upgrade' {
  if (known === undefined || marker === null) return 'read';
  if (known.marker === marker) return 'unchanged';
  const legacy = legacyOf(marker);
  if (legacy !== null && known.marker === legacy && known.jobId === null) return 'upgrade';
  return 'read';
}
