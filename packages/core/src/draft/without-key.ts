import type { Draft } from './draft.ts';

function mapStrings(value: unknown, remove: (text: string) => string): unknown {
  if (typeof value === 'string') return remove(value);
  if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, remove));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, mapStrings(entry, remove)]),
    );
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
