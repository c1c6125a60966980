import { createHash } from 'node:crypto';

/** Content hash recorded for every file the CLI writes; a mismatch later means a local edit. */
export function hashText(text: string | Buffer): string {
  return `sha256-${createHash('sha256').update(text).digest('hex')}`;
}

/** Stable suffix for names, derived only from the item id. */
export function shortId(id: string, length = 8): string {
  return createHash('sha256').update(id).digest('hex').slice(0, length);
}
