import { isAbsolute, relative } from 'node:path';
import {
  AuthenticationError,
  type Draft,
  type DraftSummary,
  entryNameInput,
  isSafeUrl,
} from '@robowrite/core';
import { commitMessage, ourLastCommit, repoPath } from './branch-commit.ts';
import type { SyncContext } from './context.ts';
import { errorLine } from './error-line.ts';
import { Git } from './git.ts';
import { listInScope } from './list-in-scope.ts';
import { lockOptions, withLock } from './lock.ts';
import { type AssignedName, assignNames } from './naming.ts';
import { renderEntry } from './render-entry.ts';
import type { BranchState } from './state.ts';
import { SyncStateStore } from './sync-state.ts';
import { clearConflict, writeConflict } from './writer.ts';

/** `pull --branches` cannot run here at all (no repository, no commit to branch from). */
export class BranchesUnavailableError extends Error {
  override name = 'BranchesUnavailableError';
}

export interface BranchReport {
  itemId: string;
  branch: string;
  file: string;
  /** `created`: a new branch; `committed`: a new commit on it; `conflict`: left as it was. */
  action: 'created' | 'committed' | 'unchanged' | 'conflict' | 'failed';
  /** The commit robowrite made (created, committed). */
  commit: string | null;
  reason: string | null;
  /** What a reviewer sees first (a pull request body): absent when the draft was not read. */
  draft?: DraftFacts;
}

/** The facts of a draft a pull request body shows: title, score, word count, cited sources. */
export interface DraftFacts {
  title: string;
  score: number | null;
  wordCount: number | null;
  sources: { name: string | null; url: string }[];
}

function draftFacts(draft: Draft): DraftFacts {
  return {
    title: draft.title,
    score: draft.scoring?.score ?? null,
    wordCount: draft.wordCount,
    // Only links a page could carry (the same rule the files' frontmatter follows).
    sources: (draft.sources ?? [])
      .filter((source) => isSafeUrl(source.url))
      .map((source) => ({ name: source.name, url: source.url })),
  };
}

export interface BranchPullResult {
  reports: BranchReport[];
  /** Failures not tied to one item (the listing). */
  failures: string[];
  requests: number;
}

export interface BranchPullOptions {
  signal?: AbortSignal;
  lockWaitMs?: number;
  onNotice?: (line: string) => void;
}

interface Run {
  ctx: SyncContext;
  git: Git;
  store: SyncStateStore;
  /** The output folder relative to the work tree's top. */
  outDirInRepo: string;
  /** Where new branches start: the commit checked out now. */
  head: string;
  /** The branch checked out now (never moved under the user's work tree). */
  headRef: string | null;
  signal: AbortSignal | undefined;
}

/** Where the repository is, and that the output folder is inside it. */
async function locate(ctx: SyncContext): Promise<Omit<Run, 'store' | 'signal'>> {
  const git = new Git(ctx.root);
  const top = await git.topLevel();
  if (top === null) {
    throw new BranchesUnavailableError('pull --branches needs a git repository (run git init)');
  }
  const head = await git.resolve('HEAD');
  if (head === null) {
    throw new BranchesUnavailableError('pull --branches needs a first commit to branch from');
  }
  const outDirInRepo = relative(top, ctx.outDir);
  if (outDirInRepo.startsWith('..') || isAbsolute(outDirInRepo)) {
    throw new BranchesUnavailableError(
      'pull --branches needs the output folder inside the repository',
    );
  }
  return { ctx, git, outDirInRepo, head, headRef: await git.headRef() };
}

/** Reads the drafts whose marker moved (all of them when the list carries none). */
async function readChanged(
  run: Run,
  listed: readonly DraftSummary[],
  reports: BranchReport[],
): Promise<Map<string, Draft>> {
  const drafts = new Map<string, Draft>();
  const { scoring, sources } = run.ctx.config.frontmatter;
  for (const summary of listed) {
    const known = run.store.branch(summary.id);
    if (known && summary.marker !== null && known.marker === summary.marker) continue;
    try {
      const draft = await run.ctx.provider.retrieveDraft(summary.id, {
        scoring,
        sources,
        signal: run.signal,
      });
      if (draft !== null && draft.versionId !== null) drafts.set(summary.id, draft);
    } catch (error) {
      if (error instanceof AuthenticationError || run.signal?.aborted) throw error;
      const file = known?.file ?? '';
      const branch = known?.branch ?? '';
      reports.push({
        itemId: summary.id,
        branch,
        file,
        action: 'failed',
        commit: null,
        reason: errorLine(error),
      });
    }
  }
  return drafts;
}

/** Names for the drafts read, settled against the files the other branches already hold. */
function nameDrafts(run: Run, drafts: ReadonlyMap<string, Draft>): Map<string, AssignedName> {
  const by = run.ctx.config.filename;
  const inputs = [...drafts.values()].map((draft) => entryNameInput(draft, by));
  const current = new Map<string, string>();
  for (const [id, known] of run.store.branches()) {
    current.set(id, known.file);
    if (!drafts.has(id)) inputs.push({ id, slug: known.file.replace(/\.md$/, '') });
  }
  return assignNames(inputs, current);
}

type Outcome = Pick<BranchReport, 'action' | 'commit' | 'reason'>;

/**
 * Why the branch's tip may not get a commit from us, or null: a branch robowrite never wrote to,
 * or one whose file was edited since our last commit there. An edit is kept unless the branch
 * was merged here: its edits are then in the checked-out history, and the new version is the
 * next review on the same branch.
 */
async function editedThere(
  run: Run,
  input: {
    itemId: string;
    tip: string;
    tipBlob: string | null;
    path: string;
    known: Readonly<BranchState> | undefined;
  },
): Promise<string | null> {
  const ours = await ourLastCommit(run.git, input);
  if (ours === null) return 'a branch robowrite did not make is in the way';
  if (input.tipBlob === ours.blob || (await run.git.isAncestor(input.tip, run.head))) return null;
  return 'edited on its branch and changed upstream (kept)';
}

/** Where a conflict's incoming version waits: `.robowrite/conflicts/`, as for files. */
function paths(run: Run): { root: string; outDir: string } {
  return { root: run.ctx.root, outDir: run.ctx.outDir };
}

/** One draft onto its branch: a commit when its version is new, never over an edit there. */
async function branchOne(
  run: Run,
  id: string,
  draft: Draft,
  target: { name: AssignedName; marker: string | null },
): Promise<BranchReport> {
  const known = run.store.branch(id);
  const file = known?.file ?? target.name.file;
  const branch = known?.branch ?? `robowrite/${file.replace(/\.md$/, '')}`;
  const report = (outcome: Outcome): BranchReport => ({
    ...{ itemId: id, branch, file, ...outcome },
    draft: draftFacts(draft),
  });
  if (known && known.versionId === draft.versionId) {
    run.store.recordBranch(id, { ...known, marker: target.marker });
    return report({ action: 'unchanged', commit: null, reason: null });
  }
  if (run.headRef === `refs/heads/${branch}`) {
    const reason = 'checked out here: switch to another branch to let pull commit to it';
    return report({ action: 'conflict', commit: null, reason });
  }
  const { git, ctx } = run;
  const path = repoPath(run.outDirInRepo, file);
  const tip = await git.resolve(`refs/heads/${branch}`);
  const tipBlob = tip === null ? null : await git.blobAt(tip, path);
  const slug = known ? file.replace(/\.md$/, '') : target.name.slug;
  const record = { marker: target.marker, job: null };
  const entry = renderEntry(id, draft, { file, slug }, record, ctx.config.allowRawHtml);
  if (tip !== null) {
    const reason = await editedThere(run, { itemId: id, tip, tipBlob, path, known });
    if (reason !== null) {
      // The same rule as files: the edit stays, the incoming version waits beside it.
      await writeConflict(paths(run), file, entry.text);
      return report({ action: 'conflict', commit: null, reason });
    }
  }
  await clearConflict(run.ctx.root, file);
  const blob = await git.writeBlob(entry.text);
  const versionId = draft.versionId;
  if (tip !== null && tipBlob === blob) {
    // Already there (a checkout whose state does not track the branch yet): adopt, no commit.
    run.store.recordBranch(id, {
      branch,
      commit: tip,
      file,
      blob,
      versionId,
      marker: target.marker,
    });
    return report({ action: 'unchanged', commit: null, reason: null });
  }
  const parent = tip ?? run.head;
  const message = commitMessage(id, draft, [ctx.apiKey]);
  const commit = await git.commitFile({ parent, path, blob, message });
  await git.moveBranch(branch, commit, tip);
  run.store.recordBranch(id, { branch, commit, file, blob, versionId, marker: target.marker });
  return report({ action: tip === null ? 'created' : 'committed', commit, reason: null });
}

async function pullLocked(ctx: SyncContext, options: BranchPullOptions): Promise<BranchPullResult> {
  const requestsBefore = ctx.provider.requestCount();
  const located = await locate(ctx);
  const { store, rejected } = await SyncStateStore.open(ctx.root, ctx.config.outDir);
  const run: Run = { ...located, store, signal: options.signal };
  const failures = [...rejected];
  const reports: BranchReport[] = [];
  try {
    const listed = [
      ...(await listInScope(ctx, run.signal, (line) => failures.push(line))).listed.values(),
    ];
    const markers = new Map(listed.map((summary) => [summary.id, summary.marker]));
    const drafts = await readChanged(run, listed, reports);
    const names = nameDrafts(run, drafts);
    for (const [id, draft] of drafts) {
      const name = names.get(id);
      if (!name) continue;
      try {
        reports.push(await branchOne(run, id, draft, { name, marker: markers.get(id) ?? null }));
      } catch (error) {
        if (run.signal?.aborted) throw error;
        const file = name.file;
        reports.push({
          itemId: id,
          branch: '',
          file,
          action: 'failed',
          commit: null,
          reason: errorLine(error),
        });
      }
    }
  } finally {
    // Every branch moved so far is recorded, however the run ends.
    await store.save();
  }
  return { reports, failures, requests: ctx.provider.requestCount() - requestsBefore };
}

/**
 * `pull --branches`: each new or changed draft onto its own branch `robowrite/<entry name>`, one
 * commit per upstream version, through git's plumbing (no checkout: the current branch, its work
 * tree and its index stay as they are). Never pushes. Holds the pull lock.
 */
export async function pullToBranches(
  ctx: SyncContext,
  options: BranchPullOptions = {},
): Promise<BranchPullResult> {
  return withLock(ctx.root, lockOptions('pull --branches', options, options.onNotice), () =>
    pullLocked(ctx, options),
  );
}
