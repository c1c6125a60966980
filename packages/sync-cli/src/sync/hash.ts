import { createHash } from 'node:crypto';

/** Content hash recorded for every file the CLI writes; a mismatch later means a local edit. */
export function hashText(text: string | Buffer): string {
  return `sha256-${createHash('sha256').update(text).digest('hex')}`;
}

/** Stable suffix for names, derived only from the item id (core's rule, shared with the loader). */
export { entryNameSuffix as shortId } from '@robowrite/core';
