import { type DraftSummary, type EntryNameSource, entryNameInput } from '@robowrite/core';
import { listedFreshness } from './listed-freshness.ts';
import { type AssignedName, assignNames, type NamingInput } from './naming.ts';
import type { ItemState } from './state.ts';

/** Why a pull reads an item. */
export type ReadReason =
  /** Named by the caller (`generate --wait` collecting its draft). */
  | 'requested'
  /** A job this project started landed on it. */
  | 'job landed'
  | 'new'
  /** Its change marker moved since the last read. */
  | 'changed'
  /** The listing carries no marker to compare. */
  | 'no marker'
  | 'forced'
  /** Tracked files were written under other render rules. */
  | 'rerender'
  /** Its file name changes (a slug change, or a collision resolved differently). */
  | 'renamed';

export interface ReadPlanInput {
  /** The listing, by id (empty for a targeted pull). */
  listed: ReadonlyMap<string, DraftSummary>;
  /** What the state tracks, by id. */
  tracked: ReadonlyMap<string, Readonly<ItemState>>;
  /** Items of jobs that landed: read whatever the listing says. */
  jobItems: Iterable<string>;
  /** Only these items (a targeted pull). */
  only: readonly string[] | undefined;
  force: boolean;
  rerender: boolean;
  filename: EntryNameSource;
}

export interface ReadPlan {
  /** Items to read, each with its reason (the first that applied). */
  reads: Map<string, ReadReason>;
  /** Tracked items whose stored marker is the legacy form of the current one: marker only. */
  upgrades: Map<string, string>;
  /** What names are assigned over: every tracked item (by its file) and every listed one. */
  naming: Map<string, NamingInput>;
  /** Names from what is known before any read. */
  names: Map<string, AssignedName>;
  /** Items to read whose name the listing does not settle: read first, sorted. */
  unnamed: string[];
}

function readReason(
  input: ReadPlanInput,
  known: Readonly<ItemState> | undefined,
  summary: DraftSummary,
  freshness: 'read' | 'unchanged' | 'upgrade',
): ReadReason | null {
  if (input.force) return 'forced';
  if (input.rerender) return 'rerender';
  if (freshness !== 'read') return null;
  if (known === undefined) return 'new';
  return summary.marker === null ? 'no marker' : 'changed';
}

/** Whether the listing alone settles an item's name (no read needed to name it). */
function nameSettled(input: ReadPlanInput, id: string): boolean {
  const summary = input.listed.get(id);
  return summary !== undefined && entryNameInput(summary, input.filename) !== null;
}

/** Listed tracked items whose file name changes under `names`: read them, to rename them. */
function addRenamed(
  input: ReadPlanInput,
  reads: Map<string, ReadReason>,
  names: ReadonlyMap<string, AssignedName>,
): void {
  for (const [id, name] of names) {
    if (!input.listed.has(id) || reads.has(id)) continue;
    const known = input.tracked.get(id);
    if (known && known.file !== name.file) reads.set(id, 'renamed');
  }
}

function currentFiles(input: ReadPlanInput): Map<string, string> {
  return new Map([...input.tracked].map(([id, item]) => [id, item.file]));
}

/**
 * The pure first step of a pull: from the listing and the state, which items to read and why,
 * which markers to upgrade, and the names the listing settles. Names are assigned over
 * everything known, files already on disk included (items not listed this run still hold their
 * names until removed), so collisions resolve the same way whatever subset a run reads.
 */
export function planReads(input: ReadPlanInput): ReadPlan {
  const reads = new Map<string, ReadReason>();
  for (const id of input.only ?? []) reads.set(id, 'requested');
  for (const id of input.jobItems) if (!reads.has(id)) reads.set(id, 'job landed');
  const upgrades = new Map<string, string>();
  for (const [id, summary] of input.listed) {
    const known = input.tracked.get(id);
    const freshness = listedFreshness(known, summary.marker);
    const reason = readReason(input, known, summary, freshness);
    if (reason !== null) {
      if (!reads.has(id)) reads.set(id, reason);
    } else if (freshness === 'upgrade' && summary.marker !== null) {
      upgrades.set(id, summary.marker);
    }
  }
  const naming = new Map<string, NamingInput>();
  for (const [id, item] of input.tracked)
    naming.set(id, { id, slug: item.file.replace(/\.md$/, '') });
  for (const summary of input.listed.values()) {
    // Core's rule, the loader's too; a listing without the slug leaves the tracked name for now.
    const name = entryNameInput(summary, input.filename);
    if (name) naming.set(summary.id, name);
  }
  const names = assignNames([...naming.values()], currentFiles(input));
  addRenamed(input, reads, names);
  const unnamed = [...reads.keys()].filter((id) => !nameSettled(input, id)).sort();
  return { reads, upgrades, naming, names, unnamed };
}

export interface SettledNames {
  /** Every name, final for this run: no batch is renamed after it is written. */
  names: Map<string, AssignedName>;
  /** The plan's reads, plus listed items the final names move (reason 'renamed'). */
  reads: Map<string, ReadReason>;
  /** Items to read as they stream in, sorted (the plan's reads, less those read first). */
  streamed: string[];
}

/**
 * Names once the unnamed items are read (`slugs`: their drafts' slugs). Settled before anything
 * is written, so no batch is ever renamed afterwards; a listed item the new names move is read
 * too.
 */
export function settleNames(
  input: ReadPlanInput,
  plan: ReadPlan,
  slugs: ReadonlyMap<string, string>,
): SettledNames {
  let names = plan.names;
  const reads = new Map(plan.reads);
  if (slugs.size > 0) {
    const naming = new Map(plan.naming);
    for (const [id, slug] of slugs) {
      const name = entryNameInput({ id, slug }, input.filename);
      if (name) naming.set(id, name);
    }
    names = assignNames([...naming.values()], currentFiles(input));
    addRenamed(input, reads, names);
  }
  const first = new Set(plan.unnamed);
  const streamed = [...reads.keys()].filter((id) => !first.has(id)).sort();
  return { names, reads, streamed };
}
