import { hashText } from './hash.ts';
import type { ItemState, SyncStateFile } from './state.ts';

/** The file an item should have, fully rendered. */
export interface DesiredFile {
  itemId: string;
  file: string;
  text: string;
  versionId: string | null;
  marker: string | null;
  jobId: string | null;
  jobStatus: string | null;
}

export type PlanAction =
  | { kind: 'create'; itemId: string; file: string; desired: DesiredFile }
  | {
      kind: 'update';
      itemId: string;
      file: string;
      desired: DesiredFile;
      /** Set when the name changed: the old file is removed once the new one is in place. */
      previousFile: string | null;
      /** Set when --force overwrites a local edit. */
      forced: boolean;
    }
  | { kind: 'delete'; itemId: string; file: string; hash: string }
  | { kind: 'conflict'; itemId: string; file: string; reason: string; desired: DesiredFile | null }
  | {
      kind: 'skip';
      itemId: string;
      file: string;
      reason: string;
      /** What to record in the state (adopting a file that already holds exactly our text). */
      record: DesiredFile | null;
    };

export interface PlanInput {
  state: SyncStateFile;
  /** Items read from the API this run, with their rendered files. */
  desired: readonly DesiredFile[];
  /** Every item id the listing returned (including ones skipped by change marker). */
  listed: ReadonlySet<string>;
  /** False when the listing failed part-way: nothing is deleted then. */
  listingComplete: boolean;
  /** Ids that failed this run: never deleted, never rewritten. */
  failed: ReadonlySet<string>;
  force: boolean;
  /** Reads a file in the output folder; null when it does not exist. */
  readFile: (file: string) => Promise<string | null>;
}

export interface Plan {
  actions: PlanAction[];
  /** Set when the deletion guard held back deletions. */
  guardedDeletes: number;
}

/** Deletions are held back when the listing looks implausibly small compared with the state. */
export function deletionLooksSuspicious(
  tracked: number,
  listed: number,
  deleting: number,
): boolean {
  if (deleting === 0) return false;
  if (listed === 0) return true;
  return deleting > 2 && deleting * 2 > tracked;
}

/** What planning one file needs besides the file itself. */
export type PlanFileInput = Pick<PlanInput, 'force' | 'readFile'>;

/** Decides what a pull does with one item it read. Reads files but writes nothing. */
export async function planFile(
  desired: DesiredFile,
  known: ItemState | undefined,
  input: PlanFileInput,
): Promise<PlanAction> {
  const { itemId, file } = desired;
  const desiredHash = hashText(desired.text);
  const onDisk = await input.readFile(file);

  if (!known) {
    if (onDisk === null) return { kind: 'create', itemId, file, desired };
    if (onDisk === desired.text) {
      return { kind: 'skip', itemId, file, reason: 'already up to date', record: desired };
    }
    if (input.force) {
      return { kind: 'update', itemId, file, desired, previousFile: null, forced: true };
    }
    return {
      kind: 'conflict',
      itemId,
      file,
      reason: 'a file robowrite did not write is in the way',
      desired,
    };
  }

  if (known.file !== file) {
    const old = await input.readFile(known.file);
    const oldEdited = old !== null && hashText(old) !== known.hash;
    if (oldEdited && !input.force) {
      return {
        kind: 'conflict',
        itemId,
        file: known.file,
        reason: `renamed upstream to ${file} but edited locally`,
        desired,
      };
    }
    if (onDisk !== null && onDisk !== desired.text && !input.force) {
      return {
        kind: 'conflict',
        itemId,
        file,
        reason: 'renamed upstream onto a file robowrite did not write',
        desired,
      };
    }
    return { kind: 'update', itemId, file, desired, previousFile: known.file, forced: oldEdited };
  }

  if (onDisk === null) {
    if (input.force) return { kind: 'create', itemId, file, desired };
    if (desiredHash === known.hash) {
      return {
        kind: 'skip',
        itemId,
        file,
        reason: 'deleted locally (pull --force restores it)',
        record: null,
      };
    }
    return { kind: 'conflict', itemId, file, reason: 'deleted locally, changed upstream', desired };
  }
  if (onDisk === desired.text) {
    const changed = known.hash !== desiredHash || known.marker !== desired.marker;
    return {
      kind: 'skip',
      itemId,
      file,
      reason: 'unchanged',
      record: changed || known.versionId !== desired.versionId ? desired : null,
    };
  }
  const editedLocally = hashText(onDisk) !== known.hash;
  if (!editedLocally) {
    return { kind: 'update', itemId, file, desired, previousFile: null, forced: false };
  }
  if (input.force) {
    return { kind: 'update', itemId, file, desired, previousFile: null, forced: true };
  }
  if (desiredHash === known.hash) {
    // Edited here, unchanged upstream: nothing to reconcile; `status` lists the edit.
    return { kind: 'skip', itemId, file, reason: 'edited locally', record: null };
  }
  return { kind: 'conflict', itemId, file, reason: 'edited locally and changed upstream', desired };
}

/** What planning the items a pull did not (or could not) turn into files needs. */
export interface PlanUnreadInput extends Omit<PlanInput, 'desired'> {
  /** Items already planned from what was read (by `planFile`). */
  planned: ReadonlySet<string>;
  /** How many items the state tracked before this pull (the deletion guard's yardstick). */
  tracked: number;
}

/**
 * The rest of a pull's plan once every item read has been planned: listed items left unread
 * (unchanged by change marker) and deletions, held back when they look implausible.
 */
export async function planUnread(input: PlanUnreadInput): Promise<Plan> {
  const actions: PlanAction[] = [];
  for (const [itemId, known] of Object.entries(input.state.items)) {
    if (input.planned.has(itemId) || input.failed.has(itemId)) continue;
    if (input.listed.has(itemId)) {
      // Unchanged upstream (by change marker); a local look still says whether it was edited.
      const onDisk = await input.readFile(known.file);
      const reason =
        onDisk === null
          ? 'deleted locally (pull --force restores it)'
          : hashText(onDisk) === known.hash
            ? 'unchanged'
            : 'edited locally';
      actions.push({ kind: 'skip', itemId, file: known.file, reason, record: null });
    }
  }

  const deletions: PlanAction[] = [];
  if (input.listingComplete) {
    for (const [itemId, known] of Object.entries(input.state.items)) {
      if (input.listed.has(itemId) || input.planned.has(itemId) || input.failed.has(itemId))
        continue;
      const onDisk = await input.readFile(known.file);
      if (onDisk === null) {
        deletions.push({ kind: 'delete', itemId, file: known.file, hash: known.hash });
      } else if (hashText(onDisk) === known.hash || input.force) {
        deletions.push({ kind: 'delete', itemId, file: known.file, hash: hashText(onDisk) });
      } else {
        actions.push({
          kind: 'conflict',
          itemId,
          file: known.file,
          reason: 'deleted upstream but edited locally (kept)',
          desired: null,
        });
      }
    }
  }
  if (!input.force && deletionLooksSuspicious(input.tracked, input.listed.size, deletions.length)) {
    return { actions, guardedDeletes: deletions.length };
  }
  actions.push(...deletions);
  return { actions, guardedDeletes: 0 };
}

/** Decides, for every item, what a pull does. Reads files but writes nothing. */
export async function planSync(input: PlanInput): Promise<Plan> {
  const actions: PlanAction[] = [];
  const planned = new Set<string>();
  for (const desired of input.desired) {
    planned.add(desired.itemId);
    actions.push(await planFile(desired, input.state.items[desired.itemId], input));
  }
  const rest = await planUnread({
    ...input,
    planned,
    tracked: Object.keys(input.state.items).length,
  });
  return { actions: [...actions, ...rest.actions], guardedDeletes: rest.guardedDeletes };
}
