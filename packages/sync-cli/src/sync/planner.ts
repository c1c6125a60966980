import { hashText } from './hash.ts';
import type { ItemState } from './state.ts';

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
export interface PlanFileInput {
  /** Overwrite local edits, restore local deletions. */
  force: boolean;
  /** Reads a file in the output folder; null when it does not exist. */
  readFile: (file: string) => Promise<string | null>;
}

/** An item the state does not track: a file already there is ours only if it holds our text. */
function planUntracked(desired: DesiredFile, onDisk: string | null, force: boolean): PlanAction {
  const { itemId, file } = desired;
  if (onDisk === null) return { kind: 'create', itemId, file, desired };
  if (onDisk === desired.text) {
    return { kind: 'skip', itemId, file, reason: 'already up to date', record: desired };
  }
  if (force) return { kind: 'update', itemId, file, desired, previousFile: null, forced: true };
  const reason = 'a file robowrite did not write is in the way';
  return { kind: 'conflict', itemId, file, reason, desired };
}

/** A tracked item whose name changed upstream: the old file goes once the new one is written. */
async function planRenamed(
  desired: DesiredFile,
  known: Readonly<ItemState>,
  onDisk: string | null,
  input: PlanFileInput,
): Promise<PlanAction> {
  const { itemId, file } = desired;
  const old = await input.readFile(known.file);
  const oldEdited = old !== null && hashText(old) !== known.hash;
  if (oldEdited && !input.force) {
    const reason = `renamed upstream to ${file} but edited locally`;
    return { kind: 'conflict', itemId, file: known.file, reason, desired };
  }
  if (onDisk !== null && onDisk !== desired.text && !input.force) {
    const reason = 'renamed upstream onto a file robowrite did not write';
    return { kind: 'conflict', itemId, file, reason, desired };
  }
  return { kind: 'update', itemId, file, desired, previousFile: known.file, forced: oldEdited };
}

/** A tracked item whose file is gone locally: restored only by --force or an upstream change. */
function planMissing(desired: DesiredFile, known: Readonly<ItemState>, force: boolean): PlanAction {
  const { itemId, file } = desired;
  if (force) return { kind: 'create', itemId, file, desired };
  if (hashText(desired.text) === known.hash) {
    const reason = 'deleted locally (pull --force restores it)';
    return { kind: 'skip', itemId, file, reason, record: null };
  }
  return { kind: 'conflict', itemId, file, reason: 'deleted locally, changed upstream', desired };
}

/** A tracked item, same name, file on disk: unchanged, updated, or an edit to keep. */
function planTracked(
  desired: DesiredFile,
  known: Readonly<ItemState>,
  onDisk: string,
  force: boolean,
): PlanAction {
  const { itemId, file } = desired;
  const desiredHash = hashText(desired.text);
  if (onDisk === desired.text) {
    // Everything the state keeps, the job included: a job is collected once the tracked item
    // names it, so an item written before its job reported landed must be recorded again.
    const changed =
      known.hash !== desiredHash ||
      known.marker !== desired.marker ||
      known.versionId !== desired.versionId ||
      known.jobId !== desired.jobId ||
      known.jobStatus !== desired.jobStatus;
    return { kind: 'skip', itemId, file, reason: 'unchanged', record: changed ? desired : null };
  }
  const editedLocally = hashText(onDisk) !== known.hash;
  if (!editedLocally || force) {
    return { kind: 'update', itemId, file, desired, previousFile: null, forced: editedLocally };
  }
  if (desiredHash === known.hash) {
    // Edited here, unchanged upstream: nothing to reconcile; `status` lists the edit.
    return { kind: 'skip', itemId, file, reason: 'edited locally', record: null };
  }
  return { kind: 'conflict', itemId, file, reason: 'edited locally and changed upstream', desired };
}

/**
 * Whether `publish` reported this very version live from this file: the API's status then moved
 * because of us (and its change marker with it), and the file on this branch is what went live.
 */
function publishedHere(desired: DesiredFile, known: Readonly<ItemState>): boolean {
  const published = known.published;
  return (
    published !== undefined &&
    published.archivedAt === undefined &&
    published.versionId === desired.versionId &&
    known.file === desired.file
  );
}

/** Decides what a pull does with one item it read. Reads files but writes nothing. */
export async function planFile(
  desired: DesiredFile,
  known: Readonly<ItemState> | undefined,
  input: PlanFileInput,
): Promise<PlanAction> {
  const onDisk = await input.readFile(desired.file);
  if (!known) return planUntracked(desired, onDisk, input.force);
  if (onDisk !== null && !input.force && publishedHere(desired, known)) {
    // Nothing to write: the published file stays the baseline (its hash, the new marker), so a
    // later upstream version updates it like any unedited file.
    const record = { ...desired, text: onDisk };
    return {
      kind: 'skip',
      itemId: desired.itemId,
      file: desired.file,
      reason: 'published',
      record,
    };
  }
  if (known.file !== desired.file) return planRenamed(desired, known, onDisk, input);
  if (onDisk === null) return planMissing(desired, known, input.force);
  return planTracked(desired, known, onDisk, input.force);
}

/** What planning the items a pull did not (or could not) turn into files needs. */
export interface PlanUnreadInput extends PlanFileInput {
  /** What the state tracks, by id, once the items read were applied. */
  tracked: ReadonlyMap<string, Readonly<ItemState>>;
  /** Items already planned from what was read (by `planFile`). */
  planned: ReadonlySet<string>;
  /** Every item id the listing returned (including ones skipped by change marker). */
  listed: ReadonlySet<string>;
  /** False when the listing failed part-way (or was skipped): nothing is deleted then. */
  listingComplete: boolean;
  /** Ids that failed this run: never deleted, never rewritten. */
  failed: ReadonlySet<string>;
  /** How many items the state tracked before this pull (the deletion guard's yardstick). */
  trackedBefore: number;
}

/**
 * The rest of a pull's plan once every item read has been planned: listed items left unread
 * (unchanged by change marker) and deletions, held back when they look implausible.
 */
export async function planUnread(input: PlanUnreadInput): Promise<Plan> {
  const actions: PlanAction[] = [];
  for (const [itemId, known] of input.tracked) {
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
    for (const [itemId, known] of input.tracked) {
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
  if (
    !input.force &&
    deletionLooksSuspicious(input.trackedBefore, input.listed.size, deletions.length)
  ) {
    return { actions, guardedDeletes: deletions.length };
  }
  actions.push(...deletions);
  return { actions, guardedDeletes: 0 };
}
