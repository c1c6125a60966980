import { createHash } from 'node:crypto';

/**
 * How an item is named on a site: the CLI's file stem and the loader's entry id are both this
 * name, decided here once. A name is safe as a file name on any common file system and as a
 * route parameter (no `/`, no `.`/`..`, nothing Astro's router could reject).
 */

/** Names stay well under common 255-byte file name limits even with a suffix and extension. */
const MAX_NAME_BYTES = 96;

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
 * A safe name from a slug: NFC, lower case (so names cannot collide on case-insensitive file
 * systems), letters/digits/`-`/`_` only, no leading or trailing dots or dashes (so no `..`, no
 * hidden files), not a reserved device name, bounded in bytes. Empty results fall back to `item`.
 */
export function safeEntryName(slug: string): string {
  let name = slug
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  name = truncateToBytes(name, MAX_NAME_BYTES).replace(/[-_]+$/g, '');
  if (name === '') name = 'item';
  if (RESERVED.test(name)) name = `${name}-item`;
  return name;
}

/** Stable suffix for colliding names, derived only from the item id. */
export function entryNameSuffix(itemId: string, length = 8): string {
  return createHash('sha256').update(itemId).digest('hex').slice(0, length);
}

export interface EntryNameInput {
  id: string;
  slug: string;
}

/**
 * What names an entry: the item's slug (default) or its id. The CLI's `filename: 'slug' | 'id'`
 * and the loader's `id: 'slug' | 'itemId'` both resolve through `entryNameInput`.
 */
export type EntryNameSource = 'slug' | 'id';

/**
 * The input `assignEntryNames` takes for one item (a listed summary or a read draft), named by
 * `by`: its slug, or its id when naming by id or when the item has no slug (`''`). Null when
 * naming by slug and the slug is not known yet (a listing that leaves it out, `slug: null`): the
 * caller reads the draft and asks again, since the name must not change once the draft is read.
 */
export function entryNameInput(
  item: { id: string; slug: string },
  by: EntryNameSource,
): EntryNameInput;
export function entryNameInput(
  item: { id: string; slug: string | null },
  by: EntryNameSource,
): EntryNameInput | null;
export function entryNameInput(
  item: { id: string; slug: string | null },
  by: EntryNameSource,
): EntryNameInput | null {
  if (by === 'id') return { id: item.id, slug: item.id };
  if (item.slug === null) return null;
  return { id: item.id, slug: item.slug || item.id };
}

const byId = (a: EntryNameInput, b: EntryNameInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Names for a whole set of items at once (item id -> name). Items whose names collide get a
 * suffix derived from their own id, except the one that already holds the plain name (from
 * `current`, item id -> name it has now) or, failing that, the smallest id: the result never
 * depends on the order the API lists items in.
 */
export function assignEntryNames(
  items: readonly EntryNameInput[],
  current: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const groups = new Map<string, EntryNameInput[]>();
  for (const item of items) {
    const name = safeEntryName(item.slug);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const assign = (item: EntryNameInput, name: string) => {
    taken.add(name);
    names.set(item.id, name);
  };
  // Plain names first, so a suffixed name can never take a slug some item really has.
  const rest: [string, EntryNameInput][] = [];
  for (const [name, group] of groups) {
    const open = group.filter((item) => heldSuffix(name, item, current) === null);
    const holder = open.find((item) => current.get(item.id) === name) ?? [...open].sort(byId)[0];
    for (const item of group) {
      if (item === holder) assign(item, name);
      else rest.push([name, item]);
    }
  }
  rest.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : byId(x, y)));
  for (const [name, item] of rest) {
    const held = heldSuffix(name, item, current);
    if (held !== null && !taken.has(held)) {
      assign(item, held);
      continue;
    }
    // 8 hex digits almost always; longer only if that exact name is somehow taken.
    const hash = entryNameSuffix(item.id, 64);
    let length = 8;
    while (taken.has(`${name}-${hash.slice(0, length)}`) && length < hash.length) length *= 2;
    assign(item, `${name}-${hash.slice(0, length)}`);
  }
  return names;
}

/**
 * An item keeps a suffixed name it already has, even once it is alone: renaming it would change
 * its slug, and so its URL.
 */
function heldSuffix(
  name: string,
  item: EntryNameInput,
  current: ReadonlyMap<string, string>,
): string | null {
  const held = current.get(item.id);
  if (!held?.startsWith(`${name}-`)) return null;
  return entryNameSuffix(item.id, 64).startsWith(held.slice(name.length + 1)) ? held : null;
}
