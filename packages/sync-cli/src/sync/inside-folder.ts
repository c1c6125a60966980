import { dirname, isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { quote } from './quote.ts';

/** A name resolved inside a folder, or why it may not be used there. */
export type Confined = { path: string; reason?: undefined } | { path?: undefined; reason: string };

/**
 * Resolves a file name from the state, the config or the API inside `folder`, or says why it
 * may not be used there. robowrite only ever writes files directly into its folders, so anything
 * else (`..`, an absolute path, a subfolder that could be a symlink leading out) was not written
 * by it and is refused before any read, write, rename or unlink.
 */
export function insideFolder(folder: string, name: string): Confined {
  if (typeof name !== 'string' || name === '') return { reason: 'is not a file name' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return { reason: 'contains control characters' };
  if (isAbsolute(name) || win32.isAbsolute(name)) return { reason: 'is an absolute path' };
  const root = resolve(folder);
  const path = resolve(root, name);
  const rel = relative(root, path);
  if (rel === '') return { reason: 'is the folder itself' };
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { reason: 'leads outside the folder' };
  }
  if (dirname(path) !== root || /[/\\]/.test(name)) {
    return { reason: 'is not a file directly in the folder' };
  }
  return { path };
}

export class OutsideFolderError extends Error {
  override name = 'OutsideFolderError';
}

/** `insideFolder` at a use site: the path, or an error before anything is touched. */
export function confinedPath(folder: string, name: string): string {
  const confined = insideFolder(folder, name);
  if (confined.reason !== undefined) {
    throw new OutsideFolderError(`refused file name ${quote(name)}: it ${confined.reason}`);
  }
  return confined.path;
}
