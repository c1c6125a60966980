import { mkdir, readdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Gives a generated site in a temp dir its dependencies without an install: a real
 * `node_modules` folder whose entries link to an installed one. The folder itself is the site's
 * own, so Astro's cache (`node_modules/.astro`) and Vite's are never shared between sites.
 */
export async function linkNodeModules(siteDir: string, installed: string): Promise<void> {
  const target = join(siteDir, 'node_modules');
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(installed)) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    await symlink(join(installed, entry), join(target, entry));
  }
}

/** `path → mtime:size` of every Markdown file below `dir`, to count files a run rewrote. */
export async function fileSnapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.endsWith('.md')) continue;
    const info = await stat(join(dir, entry));
    result.set(entry, `${info.mtimeMs}:${info.size}`);
  }
  return result;
}

/** Files created, changed or removed between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): number {
  let changed = 0;
  for (const [file, sig] of after) if (before.get(file) !== sig) changed++;
  for (const file of before.keys()) if (!after.has(file)) changed++;
  return changed;
}
