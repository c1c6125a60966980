import { shortId } from './hash.ts';

/** File names stay well under common 255-byte limits even with a suffix and extension. */
const MAX_STEM_BYTES = 96;
const EXTENSION = '.md';

// Windows device names are reserved with any extension, in any case.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function truncateToBytes(value: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  // Cut between graphemes so an emoji or a combining sequence is never split.
  for (const { segment } of segmenter.segment(value)) {
    const size = Buffer.byteLength(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  return out;
}

/**
 * A file stem from a slug: NFC, lower case (so names cannot collide on case-insensitive file
 * systems), letters/digits/`-`/`_` only, no leading or trailing dots or dashes (so no `..`, no
 * hidden files), not a reserved device name, bounded in bytes. Empty results fall back to `item`.
 */
export function safeStem(slug: string): string {
  let stem = slug
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  stem = truncateToBytes(stem, MAX_STEM_BYTES).replace(/[-_]+$/g, '');
  if (stem === '') stem = 'item';
  if (RESERVED.test(stem)) stem = `${stem}-item`;
  return stem;
}

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
 * Names for a whole set of items at once. Items whose stems collide get a suffix derived from
 * their own id, except the one that already holds the plain name (from `current`) or, failing
 * that, the smallest id: the result never depends on the order the API lists items in.
 */
export function assignNames(
  items: readonly NamingInput[],
  current: ReadonlyMap<string, string> = new Map(),
): Map<string, AssignedName> {
  const groups = new Map<string, NamingInput[]>();
  for (const item of items) {
    const stem = safeStem(item.slug);
    const group = groups.get(stem);
    if (group) group.push(item);
    else groups.set(stem, [item]);
  }
  const names = new Map<string, AssignedName>();
  for (const [stem, group] of groups) {
    const plain = `${stem}${EXTENSION}`;
    const holder =
      group.find((item) => current.get(item.id) === plain) ??
      [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
    for (const item of group) {
      const finalStem = item === holder ? stem : `${stem}-${shortId(item.id)}`;
      names.set(item.id, { file: `${finalStem}${EXTENSION}`, slug: finalStem });
    }
  }
  return names;
}
