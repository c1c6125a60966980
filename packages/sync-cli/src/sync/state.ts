import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

export const STATE_DIR = '.robowrite';
export const STATE_VERSION = 1;

/** One synced item: where it went and what exactly we wrote there. */
export interface ItemState {
  /** File name inside the output folder. */
  file: string;
  versionId: string | null;
  /** The list's change marker when we last read the item, if the list carries one. */
  marker: string | null;
  /** Hash of the text we wrote; a file that no longer hashes to this was edited locally. */
  hash: string;
  jobId: string | null;
  jobStatus: string | null;
}

export type GenerateFlow = 'topic' | 'brief';

/**
 * A generation we started. Written before each spend-sensitive request, so a run killed
 * mid-request replays with the same idempotency keys instead of paying twice.
 */
export interface JobState {
  flow: GenerateFlow;
  /** Hash of the request parameters: the same `generate` command finds its own record. */
  fingerprint: string;
  request: Record<string, unknown>;
  /** Idempotency keys per step (`topic`, `item`, `generate`). */
  keys: Record<string, string>;
  /** Ids created on the way (topic, brief, item). */
  created: Record<string, string>;
  jobId: string | null;
  status: string;
  itemId: string | null;
  error: string | null;
  /** Set once the draft has been written by a pull. */
  collected: boolean;
}

/** Files we wrote that must go (deleted upstream or renamed), removed only if unmodified. */
export interface OrphanState {
  file: string;
  hash: string;
}

export interface SyncState {
  version: typeof STATE_VERSION;
  outDir: string;
  items: Record<string, ItemState>;
  jobs: Record<string, JobState>;
  orphans: OrphanState[];
}

export function emptyState(outDir: string): SyncState {
  return { version: STATE_VERSION, outDir, items: {}, jobs: {}, orphans: [] };
}

export function statePath(root: string): string {
  return join(root, STATE_DIR, 'state.json');
}

export class StateFileError extends Error {
  override name = 'StateFileError';
}

export async function readState(root: string, outDir: string): Promise<SyncState> {
  let text: string;
  try {
    text = await readFile(statePath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState(outDir);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(
      `${STATE_DIR}/state.json is not valid JSON; restore it from git or delete it to start over`,
    );
  }
  const state = parsed as Partial<SyncState>;
  if (state.version !== STATE_VERSION) {
    throw new StateFileError(
      `${STATE_DIR}/state.json has format version ${String(state.version)}; this robowrite reads version ${STATE_VERSION}`,
    );
  }
  return {
    version: STATE_VERSION,
    outDir: state.outDir ?? outDir,
    items: state.items ?? {},
    jobs: state.jobs ?? {},
    orphans: state.orphans ?? [],
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Deterministic text: sorted ids, two-space JSON, one trailing newline, no timestamps. */
export function serializeState(state: SyncState): string {
  return `${JSON.stringify(
    {
      version: state.version,
      outDir: state.outDir,
      items: sortKeys(state.items),
      jobs: sortKeys(state.jobs),
      orphans: [...state.orphans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    },
    null,
    2,
  )}\n`;
}

/** Writes atomically, and not at all when nothing changed (so git and mtimes stay quiet). */
export async function writeState(root: string, state: SyncState): Promise<boolean> {
  const text = serializeState(state);
  const path = statePath(root);
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === text) return false;
  await mkdir(join(root, STATE_DIR), { recursive: true });
  await writeFileAtomic(path, text);
  return true;
}
