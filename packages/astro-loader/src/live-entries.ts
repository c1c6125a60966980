import {
  assignEntryNames,
  type Draft,
  type DraftScope,
  type DraftSummary,
  type EntryNameInput,
  entryNameInput,
  type ProviderV1,
} from '@robowrite/core';
import pLimit from 'p-limit';
import { listedDrafts } from './listed-drafts.ts';
import { entryNameSource, type IdStrategy } from './options.ts';

/** A listed draft and the entry id it gets; null when your own function names it, after the read. */
export interface ListedEntry {
  summary: DraftSummary;
  name: string | null;
}

/** Reads that name items the listing leaves unnamed (no slug on the row), a few at a time. */
const NAME_READS = 4;

/**
 * The drafts in scope, each with the entry id the build loader and the CLI give it: core's
 * `entryNameInput` and `assignEntryNames` over the whole listing (a name depends on every item
 * that wants it). A row without a slug is read to learn it; an item that turns out to hold no
 * draft has no entry and is left out.
 */
export async function listEntries(
  provider: ProviderV1,
  scope: DraftScope,
  strategy: IdStrategy,
): Promise<ListedEntry[]> {
  const summaries = await listedDrafts(provider, scope);
  if (typeof strategy === 'function') return summaries.map((summary) => ({ summary, name: null }));
  const by = entryNameSource(strategy);
  const inputs = await pLimit(NAME_READS).map(summaries, async (summary) => {
    const listed = entryNameInput(summary, by);
    if (listed !== null) return listed;
    const draft = await provider.retrieveDraft(summary.id);
    return draft === null ? null : entryNameInput(draft, by);
  });
  const named = inputs.filter((input): input is EntryNameInput => input !== null);
  const names = assignEntryNames(named);
  return summaries.flatMap((summary) => {
    const name = names.get(summary.id);
    return name === undefined ? [] : [{ summary, name }];
  });
}

/** The listed entry a lookup means: an item id first, then an entry id, then a raw slug. */
export function findEntry(entries: readonly ListedEntry[], lookup: string): ListedEntry | null {
  return (
    entries.find((entry) => entry.summary.id === lookup) ??
    entries.find((entry) => entry.name === lookup) ??
    entries.find((entry) => entry.summary.slug === lookup) ??
    null
  );
}

/** The entry id of a read draft: the listing's name, or your function's. */
export function entryIdOf(entry: ListedEntry, draft: Draft, strategy: IdStrategy): string {
  if (entry.name !== null) return entry.name;
  return typeof strategy === 'function' ? strategy(draft) : draft.id;
}
