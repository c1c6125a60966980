import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Folders a build or an install fills; not where a pull may write. */
const GENERATED = new Set(['node_modules', 'dist', '.astro']);

/**
 * Every regular file under `root` (outside generated folders) → a hash of its bytes: taken
 * before and after a run, the difference is what the run wrote. Symlinks are not followed.
 */
export async function projectFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    if (GENERATED.has(path.split('/')[0] ?? '')) continue;
    const bytes = await readFile(join(root, path));
    files.set(path, createHash('sha256').update(bytes).digest('hex'));
  }
  return files;
}

/** The files that appeared or changed between two snapshots. */
export function writtenBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path);
}
