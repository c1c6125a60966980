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
  const byId = (a: NamingInput, b: NamingInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const groups = new Map<string, NamingInput[]>();
  for (const item of items) {
    const stem = safeStem(item.slug);
    const group = groups.get(stem);
    if (group) group.push(item);
    else groups.set(stem, [item]);
  }
  const names = new Map<string, AssignedName>();
  const taken = new Set<string>();
  const assign = (item: NamingInput, stem: string) => {
    taken.add(stem);
    names.set(item.id, { file: `${stem}${EXTENSION}`, slug: stem });
  };
  // An item keeps a suffixed name it already has, even once it is alone: renaming it would
  // change its slug, and so its URL.
  const heldSuffix = (stem: string, item: NamingInput): string | null => {
    const file = current.get(item.id);
    if (!file?.startsWith(`${stem}-`) || !file.endsWith(EXTENSION)) return null;
    const held = file.slice(0, -EXTENSION.length);
    return shortId(item.id, 64).startsWith(held.slice(stem.length + 1)) ? held : null;
  };
  // Plain names first, so a suffixed name can never take a slug some item really has.
  const rest: [string, NamingInput][] = [];
  for (const [stem, group] of groups) {
    const open = group.filter((item) => heldSuffix(stem, item) === null);
    const holder =
      open.find((item) => current.get(item.id) === `${stem}${EXTENSION}`) ??
      [...open].sort(byId)[0];
    for (const item of group) {
      if (item === holder) assign(item, stem);
      else rest.push([stem, item]);
    }
  }
  rest.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : byId(x, y)));
  for (const [stem, item] of rest) {
    const held = heldSuffix(stem, item);
    if (held !== null && !taken.has(held)) {
      assign(item, held);
      continue;
    }
    // 8 hex digits almost always; longer only if that exact name is somehow taken.
    const hash = shortId(item.id, 64);
    let length = 8;
    while (taken.has(`${stem}-${hash.slice(0, length)}`) && length < hash.length) length *= 2;
    assign(item, `${stem}-${hash.slice(0, length)}`);
  }
  return names;
}
