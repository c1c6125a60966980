import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temp files are dot-files with a marker no real file has, so Astro's glob() and our watcher
 * skip them, and a run can sweep the leftovers of a run that was killed mid-write.
 */
const TEMP_MARKER = '.robowrite-tmp-';

export function isTempFile(path: string): boolean {
  return basename(path).includes(TEMP_MARKER);
}

/**
 * Writes a whole file or nothing: temp file in the same folder (so rename is atomic), fsync,
 * then rename over the target. Hand-rolled rather than write-file-atomic so the temp names are
 * ours to recognise and clean up, and so `beforeRename` runs at the last moment: once the new
 * text is durable, just before it replaces the old (false keeps the old file and returns false).
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  beforeRename?: () => Promise<boolean>,
): Promise<boolean> {
  const temp = join(
    dirname(path),
    `.${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    if (beforeRename && !(await beforeRename())) {
      await unlink(temp);
      return false;
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  return true;
}

/** Removes temp files left by a killed run; returns how many. */
export async function sweepTempFiles(dir: string): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (isTempFile(entry)) {
      await unlink(join(dir, entry)).catch(() => {});
      removed++;
    }
  }
  return removed;
}
