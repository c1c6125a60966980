import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { idRecord } from '@robowrite/core';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import { insideFolder } from './inside-folder.ts';
import { quote } from './quote.ts';

export const STATE_DIR = '.robowrite';
export const STATE_VERSION = 1;

/**
 * What `robowrite publish` told the API about an item: the version that went live (the
 * `robowrite.versionId` of the merged file) and when. A second publish of the same version sends
 * nothing; a pull of that same version writes nothing (the API's status change is ours).
 */
export interface PublishRecord {
  publishedAt: string;
  versionId: string | null;
  /** Set when the file was deleted on the published branch and the item archived (opt-in). */
  archivedAt?: string;
}

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
  /** Absent until `publish` reported this item live. */
  published?: PublishRecord;
}

/**
 * A draft `pull --branches` keeps on its own git branch: the branch, the last commit robowrite
 * made there and the blob of the file it wrote in it (a branch tip whose file differs was edited
 * there, and is never written over), the version that commit holds.
 */
export interface BranchState {
  /** `robowrite/<entry name>`. */
  branch: string;
  commit: string;
  /** File name inside the output folder (the same place a plain pull writes it). */
  file: string;
  /** The git blob id of the file in `commit`. */
  blob: string;
  versionId: string | null;
  /** The list's change marker when we last read the item, if the list carries one. */
  marker: string | null;
  /** Absent until `publish` reported this item live from a merged branch. */
  published?: PublishRecord;
}

export type GenerateFlow = 'topic' | 'brief';
export type JobOutcome = 'running' | 'landed' | 'failed';

/**
 * A generation we started. Written before each spend-sensitive request, so a run killed
 * mid-request replays with the same idempotency keys instead of paying twice.
 */
export interface JobState {
  /** RoboWrite's flow; absent for providers without flows. */
  flow?: GenerateFlow;
  /** Hash of the request parameters: the same `generate` command finds its own record. */
  fingerprint: string;
  request: Record<string, unknown>;
  /** Idempotency keys per step (`topic`, `item`, `generate`). */
  keys: Record<string, string>;
  /** Ids created on the way (topic, brief, item). */
  created: Record<string, string>;
  /**
   * When a create the API cannot deduplicate went out (ISO, per step; WriterzRoom, Writer):
   * with no id in `created`, its answer was lost, and it is never sent again blindly.
   * Absent in records written before the field.
   */
  sent?: Record<string, string>;
  jobId: string | null;
  /** The provider's own word for where the job stands (shown, never decided on). */
  status: string;
  /**
   * What the engine decides on (core's `JobSnapshot.outcome`). Absent in records written before
   * the field: those are RoboWrite's, and `jobOutcome` derives it from core's status lists.
   */
  outcome?: JobOutcome;
  /** When this CLI sent the generation (ISO): dates a draft whose API gives no date. */
  startedAt?: string;
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

export interface SyncStateFile {
  version: typeof STATE_VERSION;
  outDir: string;
  /**
   * The render fingerprint (`renderFingerprint`) every tracked file was written under; null when
   * unknown (a state from before the field), which makes the next pull re-render them all.
   */
  rendered: string | null;
  items: Record<string, ItemState>;
  /** `pull --branches`: per item id, its branch (absent from states before the field). */
  branches: Record<string, BranchState>;
  jobs: Record<string, JobState>;
  orphans: OrphanState[];
}

export function emptyState(outDir: string): SyncStateFile {
  return {
    version: STATE_VERSION,
    outDir,
    rendered: null,
    items: idRecord(),
    branches: idRecord(),
    jobs: idRecord(),
    orphans: [],
  };
}

export function statePath(root: string): string {
  return join(root, STATE_DIR, 'state.json');
}

const STATE_FILE = `${STATE_DIR}/state.json`;

export class StateFileError extends Error {
  override name = 'StateFileError';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * An object keyed by id, each value checked by `entry`. Built by hand rather than with
 * `z.record`, which silently drops a `__proto__` key: here every own key is kept and checked,
 * in a record without a prototype.
 */
function byId<T>(entry: z.ZodType<T>) {
  return z.unknown().transform((raw, ctx) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an object keyed by id, got ${kindOf(raw)}`,
      });
      return z.NEVER;
    }
    const out = idRecord<T>();
    for (const [id, value] of Object.entries(raw)) {
      const parsed = entry.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [id, ...issue.path] });
        }
        return z.NEVER;
      }
      out[id] = parsed.data;
    }
    return out;
  });
}

const nullableString = z.string().nullable().default(null);

const publishSchema: z.ZodType<PublishRecord> = z.object({
  publishedAt: z.string().datetime(),
  versionId: z.string().nullable(),
  archivedAt: z.string().datetime().optional(),
});

const itemSchema: z.ZodType<ItemState> = z.object({
  file: z.string(),
  versionId: nullableString,
  marker: nullableString,
  hash: z.string(),
  jobId: nullableString,
  jobStatus: nullableString,
  published: publishSchema.optional(),
});

const objectId = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'must be a git object id');

const branchSchema: z.ZodType<BranchState> = z.object({
  branch: z.string().regex(/^robowrite\/[\p{L}\p{M}\p{N}_-]+$/u, 'must be robowrite/<entry name>'),
  commit: objectId,
  file: z.string(),
  blob: objectId,
  versionId: nullableString,
  marker: nullableString,
  published: publishSchema.optional(),
});

const jobSchema: z.ZodType<JobState> = z.object({
  flow: z.enum(['topic', 'brief']).optional(),
  fingerprint: z.string(),
  request: z.record(z.string(), z.unknown()),
  keys: z.record(z.string(), z.string()),
  created: z.record(z.string(), z.string()),
  sent: z.record(z.string(), z.string().datetime()).optional(),
  jobId: nullableString,
  status: z.string(),
  outcome: z.enum(['running', 'landed', 'failed']).optional(),
  startedAt: z.string().datetime().optional(),
  itemId: nullableString,
  error: nullableString,
  collected: z.boolean(),
});

/** The whole state file. Anything it does not describe stops the command with one line. */
const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  outDir: z.string().optional(),
  rendered: z.string().nullable().optional(),
  items: byId(itemSchema).optional(),
  branches: byId(branchSchema).optional(),
  jobs: byId(jobSchema).optional(),
  orphans: z.array(z.object({ file: z.string(), hash: z.string() })).optional(),
});

/** `items["id"].hash`, `orphans[2].file`: ids quoted, so a hostile one cannot break the line. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      const isId = i === 1 && ['items', 'branches', 'jobs'].includes(String(path[0]));
      return !isId && /^[A-Za-z_]\w*$/.test(name)
        ? `${i > 0 ? '.' : ''}${name}`
        : `[${quote(name)}]`;
    })
    .join('');
}

function invalid(problem: string): StateFileError {
  return new StateFileError(
    `${STATE_FILE} is not a valid state file: ${problem}; restore it from git or delete it to start over`,
  );
}

async function readStateText(root: string): Promise<string | null> {
  try {
    return await readFile(statePath(root), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new StateFileError(`${STATE_FILE} is a directory, not a file`);
    throw new StateFileError(`${STATE_FILE} cannot be read (${code ?? 'unknown error'})`);
  }
}

/** Checks the whole file against the schema; the first problem, in one line, if it does not fit. */
function parseState(text: string, outDir: string): SyncStateFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(
      `${STATE_FILE} is not valid JSON; restore it from git or delete it to start over`,
    );
  }
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  const version = isObject ? (parsed as { version?: unknown }).version : STATE_VERSION;
  if (version !== STATE_VERSION) {
    const shown =
      version === undefined
        ? 'none'
        : typeof version === 'number'
          ? String(version)
          : quote(JSON.stringify(version));
    throw new StateFileError(
      `${STATE_FILE} has format version ${shown}; this robowrite reads version ${STATE_VERSION}`,
    );
  }
  const result = stateSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${pathText(issue.path)}: ` : '';
    throw invalid(`${where}${(issue?.message ?? 'invalid').replace(/^Invalid \w+: /, '')}`);
  }
  const state = result.data;
  return {
    version: STATE_VERSION,
    outDir: state.outDir ?? outDir,
    rendered: state.rendered ?? null,
    items: state.items ?? idRecord(),
    branches: state.branches ?? idRecord(),
    jobs: state.jobs ?? idRecord(),
    orphans: state.orphans ?? [],
  };
}

/** Why a file name from the state may not be acted on, or null. */
function entryProblem(folder: string, file: string): string | null {
  const confined = insideFolder(folder, file);
  if (confined.reason !== undefined) return confined.reason;
  return file.endsWith('.md') ? null : 'is not a Markdown file';
}

/**
 * Drops every entry whose file is not a Markdown file directly in the output folder: the state is
 * committed, so anyone who can open a pull request can edit it. What is dropped is never read,
 * written or removed, and the next save leaves it out. One line per entry says what was dropped.
 */
function confineEntries(state: SyncStateFile, folder: string): string[] {
  const rejected: string[] = [];
  const reject = (where: string, file: string, why: string) =>
    rejected.push(`${STATE_FILE}: ignored ${where}: file ${quote(file)} ${why}`);
  for (const [id, item] of Object.entries(state.items)) {
    const why = entryProblem(folder, item.file);
    if (why === null) continue;
    reject(`items[${quote(id)}]`, item.file, why);
    delete state.items[id];
  }
  for (const [id, branch] of Object.entries(state.branches)) {
    const why = entryProblem(folder, branch.file);
    if (why === null) continue;
    reject(`branches[${quote(id)}]`, branch.file, why);
    delete state.branches[id];
  }
  state.orphans = state.orphans.filter((orphan, i) => {
    const why = entryProblem(folder, orphan.file);
    if (why !== null) reject(`orphans[${i}]`, orphan.file, why);
    return why === null;
  });
  return rejected;
}

export interface LoadedState {
  state: SyncStateFile;
  /** One line per state entry that was dropped (not acted on), for the caller to report. */
  rejected: string[];
}

/**
 * Reads and checks `.robowrite/state.json` (an empty state when there is none). `outDir` is the
 * output folder the caller will use (relative to `root` or absolute); every file the state
 * names must lie directly in it.
 */
export async function loadState(root: string, outDir: string): Promise<LoadedState> {
  const text = await readStateText(root);
  if (text === null) return { state: emptyState(outDir), rejected: [] };
  const state = parseState(text, outDir);
  return { state, rejected: confineEntries(state, resolve(root, outDir)) };
}

/** `loadState` without the report: entries that fail the checks are dropped all the same. */
export async function readState(root: string, outDir: string): Promise<SyncStateFile> {
  return (await loadState(root, outDir)).state;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Deterministic text: sorted ids, two-space JSON, one trailing newline, no timestamps. */
export function serializeState(state: SyncStateFile): string {
  return `${JSON.stringify(
    {
      version: state.version,
      outDir: state.outDir,
      // Left out while unknown, so a state from before the field is not rewritten just for it.
      ...(state.rendered !== null ? { rendered: state.rendered } : {}),
      items: sortKeys(state.items),
      // Left out while empty, so a state from before the field is not rewritten just for it.
      ...(Object.keys(state.branches).length > 0 ? { branches: sortKeys(state.branches) } : {}),
      jobs: sortKeys(state.jobs),
      orphans: [...state.orphans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    },
    null,
    2,
  )}\n`;
}

/** Writes atomically, and not at all when nothing changed (so git and mtimes stay quiet). */
export async function writeState(root: string, state: SyncStateFile): Promise<boolean> {
  const text = serializeState(state);
  const path = statePath(root);
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === text) return false;
  await mkdir(join(root, STATE_DIR), { recursive: true });
  await writeFileAtomic(path, text);
  return true;
}
