import { PUBLISHED_STATUS } from '@robowrite/core';
import { z } from 'zod';
import { errorLine } from './error-line.ts';
import { parseLikeAstro } from './frontmatter.ts';
import type { PublishRecord } from './state.ts';

/** A synced item `publish` looks at: the file the state says it lives in, and what went live. */
export interface PublishTarget {
  itemId: string;
  /** File name inside the output folder. */
  file: string;
  published: Readonly<PublishRecord> | undefined;
}

export type PublishDecision =
  | { kind: 'publish'; versionId: string | null }
  | { kind: 'archive' }
  | { kind: 'skip'; reason: string }
  | { kind: 'fail'; reason: string };

/**
 * The frontmatter fields `publish` decides on. The file is whatever the merged branch holds, so
 * it is checked like any untrusted input; everything else in it is the site's business.
 */
const publishedFields = z.object({
  draft: z.boolean(),
  robowrite: z.object({
    itemId: z.string(),
    versionId: z.string().nullable(),
    status: z.string(),
  }),
});

function deleted(target: PublishTarget, archiveDeleted: boolean): PublishDecision {
  const { published } = target;
  // Only a file that went live from here counts as deleted: an unmerged draft's file is simply
  // not on this branch yet.
  if (published === undefined || published.archivedAt !== undefined) {
    return { kind: 'skip', reason: 'not on this branch' };
  }
  if (!archiveDeleted) {
    return { kind: 'skip', reason: 'deleted here (publish --archive-deleted archives it)' };
  }
  return { kind: 'archive' };
}

/** What `publish` does for one tracked item, given its file's text on this checkout (or null). */
export function decidePublish(
  target: PublishTarget,
  text: string | null,
  archiveDeleted: boolean,
): PublishDecision {
  if (text === null) return deleted(target, archiveDeleted);
  let data: unknown;
  try {
    data = parseLikeAstro(text).data;
  } catch (error) {
    return { kind: 'fail', reason: `frontmatter cannot be read: ${errorLine(error)}` };
  }
  const fields = publishedFields.safeParse(data);
  if (!fields.success) {
    return { kind: 'fail', reason: 'frontmatter lacks draft or robowrite.itemId/versionId/status' };
  }
  const { draft, robowrite } = fields.data;
  if (robowrite.itemId !== target.itemId) {
    return { kind: 'fail', reason: 'the file names another item than the state tracks there' };
  }
  if (draft) return { kind: 'skip', reason: 'draft: true' };
  // Pulled while the API already had it published (topic autopilot on a brand with a CMS):
  // nothing to tell it.
  if (robowrite.status === PUBLISHED_STATUS) {
    return { kind: 'skip', reason: 'published upstream already' };
  }
  const { published } = target;
  if (
    published !== undefined &&
    published.archivedAt === undefined &&
    published.versionId === robowrite.versionId
  ) {
    return { kind: 'skip', reason: 'already published' };
  }
  return { kind: 'publish', versionId: robowrite.versionId };
}
