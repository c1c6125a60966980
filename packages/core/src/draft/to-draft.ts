import type { ContentItem, ContentVersion } from '../schemas/content.ts';
import { scoringWarningText } from '../schemas/scoring-warning.ts';
import type { Draft } from './draft.ts';

/** The version with the highest `version_number` (the array order is not promised). */
export function latestVersion(item: Pick<ContentItem, 'versions'>): ContentVersion | null {
  let latest: ContentVersion | null = null;
  for (const version of item.versions) {
    if (!latest || version.version_number > latest.version_number) latest = version;
  }
  return latest;
}

function later(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function earliestVersionTime(item: ContentItem): string | null {
  let earliest: string | null = null;
  for (const version of item.versions) {
    if (!earliest || Date.parse(version.created_at) < Date.parse(earliest)) {
      earliest = version.created_at;
    }
  }
  return earliest;
}

/**
 * A RoboWrite content item (from `content.retrieve`, ideally with
 * `include: ['scoring', 'sources']`) as the provider-neutral `Draft` of its latest version.
 * The title, slug, status and author are the item's (they are what PATCH changes); the body and
 * SEO fields are the latest version's. `updatedAt` is the later of the item's `updated_at` and the
 * latest version's `created_at`, so both an edit and a new version count as a change.
 */
export function toDraft(item: ContentItem): Draft {
  const version = latestVersion(item);
  const createdAt = item.created_at ?? earliestVersionTime(item) ?? item.updated_at ?? '';
  const updatedAt = later(item.updated_at, version?.created_at) ?? createdAt;
  const scoring = version?.scoring ?? null;
  const sources = version?.sources ?? null;
  return {
    provider: 'robowrite',
    id: item.id,
    versionId: version?.id ?? null,
    versionNumber: version?.version_number ?? null,
    slug: item.slug,
    title: item.title,
    status: item.status,
    body: version?.markdown_body ?? '',
    excerpt: version?.excerpt ?? null,
    seoTitle: version?.seo_title ?? null,
    seoDescription: version?.seo_description ?? null,
    seoKeywords: [...(version?.seo_keywords ?? [])],
    tags: [...(version?.tags ?? [])],
    categories: [...(version?.categories ?? [])],
    authorId: item.author_id ?? null,
    wordCount: version?.word_count ?? null,
    createdAt,
    updatedAt,
    scoring: scoring
      ? {
          score: scoring.geo_score,
          metrics: { geo_score: scoring.geo_score, draft_score: scoring.draft_score },
          warnings: scoring.warnings.map(scoringWarningText),
        }
      : null,
    sources: sources
      ? sources.map((s) => ({ marker: s.marker, name: s.source_name, url: s.source_url }))
      : null,
  };
}
