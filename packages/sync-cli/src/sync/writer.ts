import { existsSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { sweepTempFiles, writeFileAtomic } from './atomic-write.ts';
import { hashText } from './hash.ts';
import { confinedPath, insideFolder } from './inside-folder.ts';
import type { PlanAction } from './planner.ts';
import { STATE_DIR } from './state.ts';
import type { SyncStateStore } from './sync-state.ts';

export interface Paths {
  /** Project root: where `robowrite.config.mjs` and `.robowrite/` live. */
  root: string;
  /** Absolute output folder. */
  outDir: string;
}

export type ActionOutcome = PlanAction & { error?: string };

/**
 * What a pull reports about an action: no rendered text, so a pull over thousands of items
 * does not hold every file's text until it returns.
 */
export interface ActionReport {
  kind: PlanAction['kind'];
  itemId: string;
  file: string;
  reason?: string;
  /** A conflict whose incoming version is saved (or, dry run, would be) under conflicts/. */
  incoming: boolean;
  error?: string;
}

export function reportOf(outcome: ActionOutcome): ActionReport {
  return {
    kind: outcome.kind,
    itemId: outcome.itemId,
    file: outcome.file,
    ...('reason' in outcome ? { reason: outcome.reason } : {}),
    incoming: outcome.kind === 'conflict' && outcome.desired !== null,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}

export function conflictsDir(root: string): string {
  return join(root, STATE_DIR, 'conflicts');
}

export async function readTextOrNull(path: string): Promise<string | null> {
  // Most files a cold pull asks about do not exist yet: a stat says so without the cost of a
  // rejected read (an error object with its stack, per file). A file removed in between still
  // ends in the ENOENT branch below.
  if (!existsSync(path)) return null;
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes files we queued for removal, only while they still hold exactly what we wrote.
 * Orphans are saved in the state before any unlink, so a run killed here finishes the job next time.
 */
async function removeOrphans(paths: Paths, store: SyncStateStore): Promise<void> {
  const remaining = [];
  const tracked = new Set(store.items().map(([, item]) => item.file));
  for (const orphan of store.orphans()) {
    const confined = insideFolder(paths.outDir, orphan.file);
    // Never acted on, and off the list: `loadState` reports such entries when it drops them.
    if (confined.reason !== undefined) continue;
    try {
      const { path } = confined;
      const text = await readTextOrNull(path);
      const stillOurs = tracked.has(orphan.file);
      // An edited orphan is no longer ours to manage: it stays on disk and leaves the list.
      if (text !== null && !stillOurs && hashText(text) === orphan.hash) await unlink(path);
    } catch {
      remaining.push(orphan);
    }
  }
  store.keepOrphans(remaining);
}

export async function clearConflict(root: string, file: string): Promise<void> {
  const path = confinedPath(conflictsDir(root), file);
  if (existsSync(path)) await unlink(path).catch(() => {});
}

/** Files written at once. See `applyActions` for why parallel writes keep the guarantees. */
export const WRITE_CONCURRENCY = 16;

/** Before the first write of a run: the folder exists, a killed run's leftovers are gone. */
export async function prepareOutput(paths: Paths, store: SyncStateStore): Promise<void> {
  await mkdir(paths.outDir, { recursive: true });
  await sweepTempFiles(paths.outDir);
  await removeOrphans(paths, store);
}

/**
 * Applies some of a plan's actions (a batch of a streaming pull) to the files, recording each in
 * the state store; the caller saves it afterwards (`saveApplied`). Returns each action's outcome.
 *
 * Writes run `WRITE_CONCURRENCY` at a time. Each is still whole-or-nothing on its own (temp file
 * in the same folder, fsync, rename), and the actions of one plan never share a file (names are
 * assigned over the whole set first), so order within a batch cannot matter.
 *
 * Durability, decided per step:
 * - each temp file is fsynced before its rename, so after a power loss the name holds the old
 *   or the new text, never a renamed-but-empty file (what "old or new, never partial" needs on
 *   file systems that do not order data before renames). In parallel these fsyncs overlap and
 *   the file system commits them together, which is where the time went when they ran one by one;
 * - the renames themselves become durable with one fsync of the folder per batch, done here
 *   before returning, so the state saved next never records a file whose rename a crash could
 *   still undo (that would read as a local edit on the next run).
 */
export async function applyActions(
  paths: Paths,
  store: SyncStateStore,
  actions: readonly PlanAction[],
  onAction: (outcome: ActionOutcome) => void = () => {},
): Promise<ActionOutcome[]> {
  let renamed = false;
  const outcomes = await pLimit(WRITE_CONCURRENCY).map(actions, async (action) => {
    const outcome = await applyAction(paths, store, action).catch(
      (error: Error): ActionOutcome => ({ ...action, error: error.message }),
    );
    if ((outcome.kind === 'create' || outcome.kind === 'update') && !outcome.error) renamed = true;
    onAction(outcome);
    return outcome;
  });
  if (renamed) await syncFolder(paths.outDir);
  return outcomes;
}

async function applyAction(
  paths: Paths,
  store: SyncStateStore,
  action: PlanAction,
): Promise<ActionOutcome> {
  switch (action.kind) {
    case 'create':
    case 'update': {
      const path = confinedPath(paths.outDir, action.file);
      // Last look, once the new text is durable and just before it replaces the old: an edit
      // (or a new file) since planning makes this a conflict after all.
      const forced = action.kind === 'update' && action.forced;
      const check = !forced && (action.kind === 'create' || action.previousFile === null);
      const expected = action.kind === 'create' ? null : (store.item(action.itemId)?.hash ?? null);
      const { text } = action.desired;
      const untouched = async () => {
        const current = await readTextOrNull(path);
        return (
          current === null ||
          current === text ||
          (expected !== null && hashText(current) === expected)
        );
      };
      if (!(await writeFileAtomic(path, text, check ? untouched : undefined))) {
        await writeConflict(paths, action.file, text);
        return {
          kind: 'conflict',
          itemId: action.itemId,
          file: action.file,
          reason: 'edited locally while syncing',
          desired: action.desired,
        };
      }
      if (action.kind === 'update' && action.previousFile) {
        store.recordRenamed(action.itemId, action.previousFile);
      }
      store.recordWritten(action.desired);
      await clearConflict(paths.root, action.file);
      return action;
    }
    case 'skip':
      if (action.record) store.recordWritten(action.record);
      return action;
    case 'conflict':
      if (action.desired) await writeConflict(paths, action.file, action.desired.text);
      return action;
    case 'delete':
      store.recordRemoved(action.itemId, action.file, action.hash);
      return action;
  }
}

/** Makes the renames in a folder durable. Not every platform can open a folder (Windows). */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: where a folder cannot be fsynced, renames are as durable as the OS makes them.
  } finally {
    await handle?.close();
  }
}

/** Saves the state after applied actions, then removes the orphans that state now lists. */
export async function saveApplied(paths: Paths, store: SyncStateStore): Promise<void> {
  await store.save();
  if (store.orphans().length > 0) {
    await removeOrphans(paths, store);
    await store.save();
  }
}

export async function writeConflict(paths: Paths, file: string, text: string): Promise<void> {
  const dir = conflictsDir(paths.root);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(confinedPath(dir, file), text);
}
