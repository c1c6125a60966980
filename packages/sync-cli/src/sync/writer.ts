import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sweepTempFiles, writeFileAtomic } from './atomic-write.ts';
import { hashText } from './hash.ts';
import type { DesiredFile, Plan, PlanAction } from './planner.ts';
import { STATE_DIR, type SyncState, writeState } from './state.ts';

export interface Paths {
  /** Project root: where `robowrite.config.mjs` and `.robowrite/` live. */
  root: string;
  /** Absolute output folder. */
  outDir: string;
}

export type ActionOutcome = PlanAction & { error?: string };

export function conflictsDir(root: string): string {
  return join(root, STATE_DIR, 'conflicts');
}

export async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function record(state: SyncState, desired: DesiredFile): void {
  state.items[desired.itemId] = {
    file: desired.file,
    versionId: desired.versionId,
    marker: desired.marker,
    hash: hashText(desired.text),
    jobId: desired.jobId,
    jobStatus: desired.jobStatus,
  };
}

/**
 * Removes files we queued for removal, only while they still hold exactly what we wrote.
 * Orphans are saved in the state before any unlink, so a run killed here finishes the job next time.
 */
async function removeOrphans(paths: Paths, state: SyncState): Promise<void> {
  const remaining = [];
  for (const orphan of state.orphans) {
    try {
      const path = join(paths.outDir, orphan.file);
      const text = await readTextOrNull(path);
      const stillOurs = Object.values(state.items).some((item) => item.file === orphan.file);
      // An edited orphan is no longer ours to manage: it stays on disk and leaves the list.
      if (text !== null && !stillOurs && hashText(text) === orphan.hash) await unlink(path);
    } catch {
      remaining.push(orphan);
    }
  }
  state.orphans = remaining;
}

async function clearConflict(root: string, file: string): Promise<void> {
  await unlink(join(conflictsDir(root), file)).catch(() => {});
}

/**
 * Applies a plan: files first (each atomic), then the state that describes them, then removals.
 * Killed at any point, the next run converges: a file already holding the intended text is
 * adopted, and removals are recorded before they happen.
 */
export async function applyPlan(
  paths: Paths,
  state: SyncState,
  plan: Plan,
  onAction: (outcome: ActionOutcome) => void = () => {},
): Promise<ActionOutcome[]> {
  await mkdir(paths.outDir, { recursive: true });
  await sweepTempFiles(paths.outDir);
  await removeOrphans(paths, state);

  const outcomes: ActionOutcome[] = [];
  const done = (outcome: ActionOutcome) => {
    outcomes.push(outcome);
    onAction(outcome);
  };
  for (const action of plan.actions) {
    try {
      switch (action.kind) {
        case 'create':
        case 'update': {
          const path = join(paths.outDir, action.file);
          // Last look before replacing: an edit (or a new file) since planning makes this a
          // conflict after all.
          const forced = action.kind === 'update' && action.forced;
          if (!forced && (action.kind === 'create' || action.previousFile === null)) {
            const current = await readTextOrNull(path);
            const known = state.items[action.itemId];
            const expected = action.kind === 'create' ? null : (known?.hash ?? null);
            const changed =
              current !== null &&
              current !== action.desired.text &&
              (expected === null || hashText(current) !== expected);
            if (changed) {
              await writeConflict(paths, action.file, action.desired.text);
              done({
                kind: 'conflict',
                itemId: action.itemId,
                file: action.file,
                reason: 'edited locally while syncing',
                desired: action.desired,
              });
              break;
            }
          }
          await writeFileAtomic(path, action.desired.text);
          if (action.kind === 'update' && action.previousFile) {
            const known = state.items[action.itemId];
            if (known) state.orphans.push({ file: action.previousFile, hash: known.hash });
          }
          record(state, action.desired);
          await clearConflict(paths.root, action.file);
          done(action);
          break;
        }
        case 'skip':
          if (action.record) record(state, action.record);
          done(action);
          break;
        case 'conflict':
          if (action.desired) await writeConflict(paths, action.file, action.desired.text);
          done(action);
          break;
        case 'delete': {
          state.orphans.push({ file: action.file, hash: action.hash });
          delete state.items[action.itemId];
          done(action);
          break;
        }
      }
    } catch (error) {
      done({ ...action, error: (error as Error).message });
    }
  }
  await writeState(paths.root, state);
  if (state.orphans.length > 0) {
    await removeOrphans(paths, state);
    await writeState(paths.root, state);
  }
  return outcomes;
}

async function writeConflict(paths: Paths, file: string, text: string): Promise<void> {
  const dir = conflictsDir(paths.root);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, file), text);
}
