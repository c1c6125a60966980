import { type Draft, entryData, neutralizeMarkdown } from '@robowrite/core';
import { renderMarkdown } from './frontmatter.ts';
import type { AssignedName } from './naming.ts';
import type { DesiredFile } from './planner.ts';

/** What an entry's file records besides its text (kept in the state, never in the file). */
export interface EntryRecord {
  marker: string | null;
  job: { jobId: string; status: string | null } | null;
}

/**
 * The file an item's draft becomes: the entry the site's build will read (core's `entryData`,
 * what the loader stores too), checked against the shared schema before writing; throws core's
 * `InvalidEntryError` when it does not fit. The job stays in the state only.
 */
export function renderEntry(
  id: string,
  draft: Draft,
  name: AssignedName,
  record: EntryRecord,
  allowRawHtml: boolean,
): DesiredFile {
  const data = entryData(draft, name.slug);
  return {
    itemId: id,
    file: name.file,
    // The file must be safe on disk: the site's own Markdown pipeline renders it and passes raw
    // HTML through. Core's neutralizeMarkdown is the one the Astro loaders apply too.
    text: renderMarkdown(
      data as Record<string, unknown>,
      neutralizeMarkdown(draft.body, { allowRawHtml }),
    ),
    versionId: draft.versionId,
    marker: record.marker,
    jobId: record.job?.jobId ?? null,
    jobStatus: record.job?.status ?? null,
  };
}
