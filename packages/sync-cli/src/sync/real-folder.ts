import { lstat, realpath } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { insideRoot } from './out-dir.ts';
import { quote } from './quote.ts';

/** A folder robowrite writes into leads outside the project root; exit 2. */
export class FolderOutsideRootError extends Error {
  override name = 'FolderOutsideRootError';
}

/** Where an existing path really leads: null when nothing is there, '' for a dangling symlink. */
async function whereItLeads(path: string): Promise<string | null> {
  try {
    await lstat(path);
  } catch {
    return null;
  }
  try {
    return await realpath(path);
  } catch {
    return '';
  }
}

/**
 * Refuses a folder robowrite writes or deletes in (the output folder, `.robowrite/conflicts`)
 * when it, or a folder between it and the project root, is a symlink leading outside the root:
 * names are checked elsewhere, but a symlink committed under a good name (`.robowrite`, say)
 * would send every write and deletion to wherever it points. Folders not there yet are made
 * by robowrite itself, as real folders.
 */
export async function checkRealFolder(root: string, folder: string): Promise<void> {
  // A project root not made yet holds nothing, so no symlink either: the pull makes it.
  const realRoot = await whereItLeads(root);
  if (realRoot === null || realRoot === '') return;
  const top = resolve(root);
  for (let path = resolve(folder); path !== top && dirname(path) !== path; path = dirname(path)) {
    const real = await whereItLeads(path);
    if (real === null || insideRoot(realRoot, real)) continue;
    const shown = relative(top, resolve(folder)) || '.';
    const link = relative(top, path);
    const where = real === '' ? 'to nothing' : `to ${quote(real)}`;
    throw new FolderOutsideRootError(
      `${quote(shown)} leads outside the project root (${quote(link)} is a symlink ${where}): robowrite only writes into real folders inside the project; replace the symlink with a folder`,
    );
  }
}
