import { z } from 'zod';
import type { Draft, DraftSource } from './draft.ts';
import { isSafeUrl } from './safe-url.ts';
import { PUBLISHED_STATUS } from './statuses.ts';

/**
 * The frontmatter of a synced Markdown file, and the data of a loader entry: one shape for both,
 * so a site can switch between "files in git" and "straight from the API" by changing one line.
 * Top-level keys are the ones Astro blog templates expect; provenance lives under `robowrite`.
 * Dates are ISO strings in files (so YAML never turns them into something else) and are
 * coerced to `Date` by the schema.
 */
export const robowriteSchema = z.object({
  title: z.string(),
  description: z.string().optional(),
  slug: z.string(),
  pubDate: z.coerce.date(),
  updatedDate: z.coerce.date(),
  tags: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  author: z.string().optional(),
  draft: z.boolean(),
  robowrite: z.object({
    provider: z.string(),
    itemId: z.string(),
    versionId: z.string().nullable(),
    versionNumber: z.number().int().nullable(),
    status: z.string(),
    jobId: z.string().nullable(),
    jobStatus: z.string().nullable(),
    wordCount: z.number().int().nullable(),
    seo: z.object({
      title: z.string().nullable(),
      description: z.string().nullable(),
      keywords: z.array(z.string()),
    }),
    scoring: z
      .object({
        score: z.number().nullable(),
        metrics: z.record(z.string(), z.number()),
        warnings: z.array(z.string()),
      })
      .nullable(),
    sources: z
      .array(
        z.object({
          marker: z.number().int().nullable(),
          name: z.string().nullable(),
          url: z.string(),
        }),
      )
      .nullable(),
  }),
});

/** What a file's frontmatter holds before the schema runs (dates as ISO strings). */
export type RobowriteFrontmatterInput = z.input<typeof robowriteSchema>;
/** What a collection entry's `data` holds after the schema runs (dates as `Date`). */
export type RobowriteFrontmatter = z.output<typeof robowriteSchema>;

/**
 * A draft is published on the site only once the provider published the item (`published`);
 * `draft`, `in_review` (an `awaiting_review` run), `archived` and anything unknown stay
 * `draft: true`. Only the item's status counts, never the job that generated it: the Astro
 * loader never sees jobs, and the same item must be the same entry on both paths. A brief-flow
 * item therefore goes live when someone sets its status to `published`, not by itself.
 */
export function isDraft(itemStatus: string): boolean {
  return itemStatus !== PUBLISHED_STATUS;
}

/**
 * The cited sources a page may link to: a source whose URL is not http(s), mailto or relative
 * (`isSafeUrl`) is dropped whole rather than kept with its URL cleared, so every listed source
 * has a usable link and a template's `<a href={source.url}>` never gets `javascript:`. Markers
 * stay as the API numbered them (the page shows the gap, not a renumbered list).
 */
function safeSources(sources: readonly DraftSource[]): DraftSource[] {
  return sources.filter((source) => isSafeUrl(source.url)).map((source) => ({ ...source }));
}

/** The frontmatter for a draft, keys in the order they are written. */
export function toFrontmatter(draft: Draft): RobowriteFrontmatterInput {
  const description = draft.seoDescription ?? draft.excerpt ?? undefined;
  return {
    title: draft.title,
    ...(description ? { description } : {}),
    slug: draft.slug,
    pubDate: draft.createdAt,
    updatedDate: draft.updatedAt,
    tags: [...draft.tags],
    categories: [...draft.categories],
    ...(draft.authorId ? { author: draft.authorId } : {}),
    draft: isDraft(draft.status),
    robowrite: {
      provider: draft.provider,
      itemId: draft.id,
      versionId: draft.versionId,
      versionNumber: draft.versionNumber,
      status: draft.status,
      // Kept in the schema so sites and files from before stay valid; always null now, because
      // only the CLI knows jobs (it keeps them in its state) and entries must not depend on it.
      jobId: null,
      jobStatus: null,
      wordCount: draft.wordCount,
      seo: {
        title: draft.seoTitle,
        description: draft.seoDescription,
        keywords: [...draft.seoKeywords],
      },
      scoring: draft.scoring
        ? {
            score: draft.scoring.score,
            metrics: { ...draft.scoring.metrics },
            warnings: [...draft.scoring.warnings],
          }
        : null,
      sources: draft.sources ? safeSources(draft.sources) : null,
    },
  };
}
