import { Random } from '../generator/random.ts';
import { KEYWORDS, makeTitle } from '../generator/titles.ts';
import { slugify } from '../generator/words.ts';
import { deterministicId, idCounter } from '../ids.ts';
import {
  CONTENT_STATUSES,
  type ContentItem,
  FORMATS,
  type SyntheticRange,
  type Version,
} from './types.ts';

/**
 * `--items N` items are not stored: each is computed from its index when read, so 100 000 items
 * start instantly and cost no memory until the API changes one (then it is materialized into
 * `overrides`). Attributes used by list filters are plain arithmetic on the index.
 */
const BASE_MS = Date.parse('2025-01-01T00:00:00Z');
const STEP_MS = 5 * 60_000;

export function syntheticId(seed: string, index: number): string {
  return deterministicId(seed, 'synthetic-item', index);
}

export function syntheticIndex(seed: string, range: SyntheticRange, id: string): number | null {
  const n = idCounter(id);
  if (n === null || n >= range.count || syntheticId(seed, n) !== id) return null;
  return n;
}

export function syntheticStatus(index: number): ContentItem['status'] {
  // Mostly published, some drafts and reviews, a few archived: what a mature site looks like.
  const bucket = index % 10;
  if (bucket < 6) return 'published';
  if (bucket < 8) return 'draft';
  if (bucket < 9) return 'in_review';
  return CONTENT_STATUSES[3];
}

export function syntheticFormat(index: number): ContentItem['format'] {
  return index % 7 === 0 ? FORMATS[2] : index % 11 === 0 ? FORMATS[1] : FORMATS[0];
}

export function syntheticPropertyId(range: SyntheticRange, index: number): string | null {
  return range.property_ids[index % Math.max(range.property_ids.length, 1)] ?? null;
}

export function syntheticItem(seed: string, range: SyntheticRange, index: number): ContentItem {
  const override = range.overrides[String(index)];
  if (override) return override;
  const rng = new Random(`${seed}:synthetic:${index}`);
  const keyword = rng.pick(KEYWORDS);
  const title = makeTitle(rng, keyword);
  const id = syntheticId(seed, index);
  const createdMs = BASE_MS + index * STEP_MS;
  const versionCount = 1 + (index % 3 === 0 ? 1 : 0);
  const versions: Version[] = Array.from({ length: versionCount }, (_, v) => ({
    id: deterministicId(seed, `synthetic-version-${v + 1}`, index),
    version_number: v + 1,
    title,
    created_at: new Date(createdMs + v * 60_000).toISOString(),
    gen: {
      seed: `${seed}:synthetic:${index}:${v + 1}`,
      title,
      primary_keyword: keyword,
      secondary_keywords: [],
      brand_name: 'Acme Cloud',
      format: syntheticFormat(index),
      citation_mode: 'structured_only',
      direction: null,
      target_word_count: 400 + (index % 5) * 200,
    },
    scored_at_ms: createdMs,
  }));
  const updatedAt = versions[versions.length - 1]?.created_at ?? new Date(createdMs).toISOString();
  return {
    id,
    org_id: range.org_id,
    brand_id: range.brand_id,
    property_id: syntheticPropertyId(range, index),
    brief_id: null,
    topic_id: null,
    author_id: range.author_ids[index % Math.max(range.author_ids.length, 1)] ?? null,
    title,
    slug: `${slugify(title)}-${index}`,
    status: syntheticStatus(index),
    format: syntheticFormat(index),
    versions,
    deleted_at: null,
    created_at: new Date(createdMs).toISOString(),
    updated_at: updatedAt,
  };
}
