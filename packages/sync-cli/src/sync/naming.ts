import { assignEntryNames, safeEntryName } from '@robowrite/core';

const EXTENSION = '.md';

/**
 * A file stem from a slug: core's `safeEntryName`, the very name the Astro loader gives the
 * item's entry, so files and loader entries are named by one rule.
 */
export const safeStem: (slug: string) => string = safeEntryName;

export interface NamingInput {
  id: string;
  slug: string;
}

export interface AssignedName {
  /** File name inside the output folder. */
  file: string;
  /** Distinct slug for the frontmatter (Astro's glob() uses it as the entry id). */
  slug: string;
}

/**
 * File names for a whole set of items at once: core's `assignEntryNames` (collisions get a
 * suffix from the item id, whatever order the API lists items in) over the stems of the files
 * items have now (`current`, item id -> file name).
 */
export function assignNames(
  items: readonly NamingInput[],
  current: ReadonlyMap<string, string> = new Map(),
): Map<string, AssignedName> {
  const stems = new Map<string, string>();
  for (const [id, file] of current) {
    if (file.endsWith(EXTENSION)) stems.set(id, file.slice(0, -EXTENSION.length));
  }
  const names = new Map<string, AssignedName>();
  for (const [id, stem] of assignEntryNames(items, stems)) {
    names.set(id, { file: `${stem}${EXTENSION}`, slug: stem });
  }
  return names;
}
