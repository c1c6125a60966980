import type { Draft } from './draft.ts';

/**
 * `value` with `remove` applied to every string in it. Whatever holds no changed string is
 * returned as it is, not copied: the key is almost never there, and this runs on every draft a
 * pull or a build reads, so the usual cost is one walk, not a second copy of each body.
 */
function mapStrings(value: unknown, remove: (text: string) => string): unknown {
  if (typeof value === 'string') return remove(value);
  if (Array.isArray(value)) {
    const mapped = value.map((entry) => mapStrings(entry, remove));
    return mapped.every((entry, index) => entry === value[index]) ? value : mapped;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const mapped = entries.map(([key, entry]) => [key, mapStrings(entry, remove)] as const);
    const same = mapped.every(([, entry], index) => entry === entries[index]?.[1]);
    return same ? value : Object.fromEntries(mapped);
  }
  return value;
}

/**
 * The draft with the API key removed from every string in it (body, title, slug, excerpt, SEO
 * fields, tags, sources, scoring warnings), by the client's `removeKey`. A draft is stored: the
 * CLI commits it to git, the loaders put it in the data store and built pages, so a server that
 * echoes the key into generated text must not get it published (issue 10 #2). Nothing else
 * changes: the draft's text stays byte for byte as the API sent it.
 */
export function draftWithoutKey(draft: Draft, removeKey: (text: string) => string): Draft {
  return mapStrings(draft, removeKey) as Draft;
}
