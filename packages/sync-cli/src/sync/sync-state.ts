import type { GenerationCheckpoint } from '@robowrite/core';
import { hashText } from './hash.ts';
import type { DesiredFile } from './planner.ts';
import { quote } from './quote.ts';
import {
  type BranchState,
  type ItemState,
  type JobOutcome,
  type JobState,
  loadState,
  type OrphanState,
  type PublishRecord,
  type SyncStateFile,
  writeState,
} from './state.ts';

/** The output folder moved away from the files the state tracks: a pull would orphan them. */
export class OutDirChangedError extends Error {
  override name = 'OutDirChangedError';
}

/**
 * Items applied between state saves. Saving rewrites the whole state file (fsynced), so saving
 * after every batch would cost O(N^2 / batch); between saves a kill only costs the next run
 * re-reading those items (it adopts files that already hold what it would write).
 */
export const SAVE_EVERY = 1_000;

/**
 * The one owner of `.robowrite/state.json` during a command: every change to the tracked items,
 * the jobs and the orphans goes through a method here, and so does every save. Other modules
 * read through the getters and never assign into the file's records. A read-only store (a dry
 * run) records changes in memory and never writes.
 */
export class SyncStateStore {
  readonly #root: string;
  readonly #state: SyncStateFile;
  readonly #readOnly: boolean;
  /** Items applied since the last save (`saveIfDue`). */
  #unsaved = 0;

  private constructor(root: string, state: SyncStateFile, readOnly: boolean) {
    this.#root = root;
    this.#state = state;
    this.#readOnly = readOnly;
  }

  /**
   * Loads and checks the state (`loadState`); `rejected` holds one line per entry dropped.
   * `outDir` is the configured output folder: a state tracking files elsewhere stops here.
   */
  static async open(
    root: string,
    outDir: string,
    options: { readOnly?: boolean; checkOutDir?: boolean } = {},
  ): Promise<{ store: SyncStateStore; rejected: string[] }> {
    const { state, rejected } = await loadState(root, outDir);
    if (options.checkOutDir && state.outDir !== outDir) {
      if (Object.keys(state.items).length > 0) {
        throw new OutDirChangedError(
          `.robowrite/state.json tracks files in ${quote(state.outDir)}, not ${quote(outDir)}: move the folder and set outDir back, or delete the state's "items" to start the new folder from scratch`,
        );
      }
      state.outDir = outDir;
    }
    return { store: new SyncStateStore(root, state, options.readOnly ?? false), rejected };
  }

  /** The state as it stands (read it; change it only through this store). */
  get file(): Readonly<SyncStateFile> {
    return this.#state;
  }

  item(itemId: string): Readonly<ItemState> | undefined {
    return this.#state.items[itemId];
  }

  items(): [string, Readonly<ItemState>][] {
    return Object.entries(this.#state.items);
  }

  get trackedCount(): number {
    return Object.keys(this.#state.items).length;
  }

  job(key: string): Readonly<JobState> | undefined {
    return this.#state.jobs[key];
  }

  jobs(): [string, Readonly<JobState>][] {
    return Object.entries(this.#state.jobs);
  }

  orphans(): readonly Readonly<OrphanState>[] {
    return this.#state.orphans;
  }

  /** A file now holds exactly `desired.text`: track it under its name. */
  recordWritten(desired: DesiredFile): void {
    const published = this.#state.items[desired.itemId]?.published;
    this.#state.items[desired.itemId] = {
      file: desired.file,
      versionId: desired.versionId,
      marker: desired.marker,
      hash: hashText(desired.text),
      jobId: desired.jobId,
      jobStatus: desired.jobStatus,
      // What went live stays on record across new versions: it names its own version. Last, in
      // the schema's order, so a saved state reads back to the same text.
      ...(published ? { published } : {}),
    };
  }

  /** The item moved to a new name: its old file is queued for removal (if still unmodified). */
  recordRenamed(itemId: string, previousFile: string): void {
    const known = this.#state.items[itemId];
    if (known) this.#state.orphans.push({ file: previousFile, hash: known.hash });
  }

  /** The item is gone upstream: no longer tracked, its file queued for removal. */
  recordRemoved(itemId: string, file: string, hash: string): void {
    this.#state.orphans.push({ file, hash });
    delete this.#state.items[itemId];
  }

  /** The orphans still to remove after a removal pass (the others are gone or no longer ours). */
  keepOrphans(remaining: readonly OrphanState[]): void {
    this.#state.orphans = [...remaining];
  }

  /**
   * A job landed on an item the listing already brought in unchanged: the job is recorded on it
   * (state only, entries carry no job fields), so the file need not be read again.
   */
  linkJob(itemId: string, job: { jobId: string; status: string }): void {
    const known = this.#state.items[itemId];
    if (!known) return;
    known.jobId = job.jobId;
    known.jobStatus = job.status;
  }

  /** `publish` reported the item's file live (or archived it): its record, replacing the last. */
  recordPublished(itemId: string, record: PublishRecord): void {
    const known = this.#state.items[itemId];
    if (known) known.published = record;
    const branch = this.#state.branches[itemId];
    if (branch) branch.published = record;
  }

  branch(itemId: string): Readonly<BranchState> | undefined {
    return this.#state.branches[itemId];
  }

  branches(): [string, Readonly<BranchState>][] {
    return Object.entries(this.#state.branches);
  }

  /** `pull --branches` committed the item's file (or found it there): its branch record. */
  recordBranch(itemId: string, record: Omit<BranchState, 'published'>): void {
    const published = this.#state.branches[itemId]?.published;
    // Built in the schema's order, so a saved state reads back to the same text.
    this.#state.branches[itemId] = {
      branch: record.branch,
      commit: record.commit,
      file: record.file,
      blob: record.blob,
      versionId: record.versionId,
      marker: record.marker,
      ...(published ? { published } : {}),
    };
  }

  /** The listing's marker moved from the legacy form to core's, nothing else changed. */
  upgradeMarker(itemId: string, marker: string): void {
    const known = this.#state.items[itemId];
    if (known) known.marker = marker;
  }

  /** Every tracked file is written under these render rules. */
  setRendered(fingerprint: string): void {
    this.#state.rendered = fingerprint;
  }

  /** A new generation record, saved before any of its requests. */
  addJob(key: string, job: JobState): void {
    this.#state.jobs[key] = job;
  }

  /** A record the API refused outright: no job will ever come of it. */
  dropJob(key: string): void {
    delete this.#state.jobs[key];
  }

  /** Where the job stands; `status` and `error` are scrubbed API text already. */
  recordJobSnapshot(
    key: string,
    snapshot: { status: string; outcome: JobOutcome; itemId: string | null; error: string | null },
  ): void {
    const job = this.#state.jobs[key];
    if (!job) return;
    job.status = snapshot.status;
    job.outcome = snapshot.outcome;
    if (snapshot.itemId) job.itemId = snapshot.itemId;
    job.error = snapshot.error;
  }

  /** The job's requests went through: it has an id (and, for some flows, its item). */
  recordJobStarted(key: string, started: { jobId: string; status: string; itemId: string | null }) {
    const job = this.#state.jobs[key];
    if (!job) return;
    job.jobId = started.jobId;
    job.status = started.status;
    job.outcome = 'running';
    if (started.itemId) job.itemId = started.itemId;
  }

  /**
   * The record's checkpoint, live: the generation step writes each resource it creates into
   * `created`, and each unkeyed create's send time into `sent` (the one place outside this store
   * that changes the state), and saves through `save` after each step.
   */
  checkpoint(key: string): GenerationCheckpoint {
    const job = this.#state.jobs[key];
    if (!job) throw new Error(`no job record ${key}`);
    job.sent ??= {};
    return { keys: job.keys, created: job.created, sent: job.sent };
  }

  /** The job's record failed for good (reported once, then no longer pending). */
  recordJobFailed(key: string, error: string): void {
    const job = this.#state.jobs[key];
    if (!job) return;
    job.status = 'failed';
    job.outcome = 'failed';
    job.error = error;
  }

  /**
   * A failed job the API runs again under the same id (Writer's retry): pending again, its old
   * error gone. A record is created for a job this CLI did not start, so the pull collects it.
   */
  recordJobRetried(key: string, retried: { jobId: string; status: string; itemId: string | null }) {
    const job = this.#state.jobs[key];
    if (!job) return;
    this.recordJobStarted(key, retried);
    job.error = null;
    job.collected = false;
  }

  /** Nothing left to collect for this job (its draft is written, or it never will be). */
  markCollected(key: string, error?: string): void {
    const job = this.#state.jobs[key];
    if (!job) return;
    job.collected = true;
    if (error !== undefined) job.error ??= error;
  }

  /** Saves now (atomically; not at all when nothing changed). */
  async save(): Promise<void> {
    this.#unsaved = 0;
    if (!this.#readOnly) await writeState(this.#root, this.#state);
  }

  /** Counts items applied since the last save (`saveDue` says when to save). */
  countApplied(applied: number): void {
    this.#unsaved += applied;
  }

  /** `SAVE_EVERY` applied items are waiting: save now (see `SAVE_EVERY` for why not always). */
  get saveDue(): boolean {
    return this.#unsaved >= SAVE_EVERY;
  }

  /** Whether applied changes wait for a save (a stopped run records them before it ends). */
  get hasUnsaved(): boolean {
    return this.#unsaved > 0;
  }
}
