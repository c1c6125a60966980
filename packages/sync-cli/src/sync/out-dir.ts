import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { quote } from './quote.ts';

/** The output folder cannot be used as configured; exit 2 (it is a config or flag problem). */
export class OutDirError extends Error {
  override name = 'OutDirError';
}

/** Whether `outDir` (absolute) lies strictly inside `root`; `--out /` and `--out ..` do not. */
export function insideRoot(root: string, outDir: string): boolean {
  const rel = relative(root, outDir);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

async function kindOf(path: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Checks the output folder before anything is read or written: inside the project root unless
 * `forceOut` (a pull deletes files it once wrote, so a stray `--out /` must not get that far),
 * and a folder, or creatable as one, rather than a file standing where it should be (which
 * would otherwise surface as `EEXIST … mkdir`).
 */
export async function checkOutDir(
  root: string,
  outDir: string,
  options: { shown: string; forceOut: boolean },
): Promise<void> {
  if (!options.forceOut && !insideRoot(root, outDir)) {
    throw new OutDirError(
      `output folder ${quote(options.shown)} is not inside the project root ${quote(root)}: choose a folder inside it, or pass --force-out if it is really meant`,
    );
  }
  for (let path = outDir; ; path = dirname(path)) {
    const kind = await kindOf(path);
    if (kind === 'folder') return;
    if (kind === 'other') {
      const where = path === outDir ? '' : ` (${quote(path)} is in the way)`;
      throw new OutDirError(
        `output folder ${quote(options.shown)} is a file, not a folder${where}: move the file away or set outDir to another folder`,
      );
    }
    if (dirname(path) === path) return;
  }
}
