import { posix } from 'node:path';
import { type Draft, scrubText } from '@robowrite/core';
import type { Git } from './git.ts';
import type { BranchState } from './state.ts';

/** The trailer every commit robowrite makes on a draft's branch carries: finds our last one. */
export function itemTrailer(itemId: string): string {
  return `Robowrite-Item: ${itemId}`;
}

/** One line naming the draft, the item and the version (API text: no controls, no key). */
export function commitMessage(itemId: string, draft: Draft, secrets: readonly string[]): string {
  const title = scrubText(draft.title, secrets).replace(/\s+/g, ' ').trim().slice(0, 100);
  const version = draft.versionNumber ?? draft.versionId ?? 'none';
  return [
    `robowrite: ${title || itemId}`,
    '',
    `Item ${itemId}, version ${version}, from ${draft.provider}.`,
    '',
    itemTrailer(itemId),
    `Robowrite-Version: ${draft.versionId ?? 'none'}`,
    '',
  ].join('\n');
}

/** Where robowrite last committed on the branch: the state's record, or the tip's history. */
export interface OurCommit {
  commit: string;
  /** The blob of the file in that commit; null when that commit does not hold it. */
  blob: string | null;
}

/**
 * What robowrite last committed on an existing branch. The state says it; without a record (a
 * fresh CI checkout that fetched the branches but not a state that tracks them) the newest
 * commit on the branch with the item's trailer does. Null: a branch robowrite never wrote to.
 */
export async function ourLastCommit(
  git: Git,
  input: { itemId: string; tip: string; path: string; known: Readonly<BranchState> | undefined },
): Promise<OurCommit | null> {
  if (input.known) return { commit: input.known.commit, blob: input.known.blob };
  const commit = await git.lastCommitWith(input.tip, itemTrailer(input.itemId));
  if (commit === null) return null;
  return { commit, blob: await git.blobAt(commit, input.path) };
}

/** The file's path in the repository: `/`-separated, relative to the work tree's top. */
export function repoPath(outDirInRepo: string, file: string): string {
  return posix.join(outDirInRepo.split('\\').join('/'), file);
}
