import { type GeneratedDraft, generateDraft } from './generator/draft.ts';
import { countWords } from './generator/words.ts';
import type {
  Author,
  Brand,
  Brief,
  Category,
  ContentItem,
  DocumentRecord,
  ImportedContent,
  Pillar,
  Property,
  Tag,
  Topic,
  TopicScore,
  Version,
} from './store/types.ts';
import { AUTOPILOT_BANDS } from './store/types.ts';

/**
 * Wire shapes. Internal records carry private fields (owning organization, generation inputs,
 * soft-delete marks); presenters pick what the API shows. Field names follow the guide; where the
 * guide shows no shape, the README's "Resource shapes" section documents the choice.
 */
export function presentBrand(b: Brand) {
  return {
    id: b.id,
    name: b.name,
    domain: b.domain,
    description: b.description,
    cms_connected: b.cms_connected,
    cms_type: b.cms_type,
    created_at: b.created_at,
    updated_at: b.updated_at,
  };
}

export function presentProperty(p: Property) {
  const { org_id: _, ...rest } = p;
  return rest;
}

export function presentTopic(t: Topic) {
  const { org_id: _, ...rest } = t;
  return { ...rest, eligible_for_autopilot: AUTOPILOT_BANDS.includes(t.decision_band) };
}

export function presentTopicScore(s: TopicScore) {
  const { org_id: _, ...rest } = s;
  return rest;
}

export function presentBrief(b: Brief) {
  const { org_id: _, history: __, ...rest } = b;
  return rest;
}

// Drafts are regenerated from their seed on read; a small cache keeps repeated reads cheap
// without holding 100 000 bodies in memory.
const draftCache = new Map<string, GeneratedDraft>();
function draftOf(version: Version): GeneratedDraft {
  const key = JSON.stringify(version.gen);
  let draft = draftCache.get(key);
  if (!draft) {
    draft = generateDraft(version.gen);
    if (draftCache.size >= 500) draftCache.delete(draftCache.keys().next().value as string);
    draftCache.set(key, draft);
  }
  return draft;
}

export interface Include {
  scoring: boolean;
  sources: boolean;
}

export function presentVersion(v: Version, include: Include, now: number) {
  const generated = draftOf(v);
  // A crafted version keeps the generated metadata (SEO, tags, scoring) around its own body.
  const draft = v.crafted
    ? {
        ...generated,
        markdown_body: v.crafted.markdown_body,
        word_count: countWords(v.crafted.markdown_body),
        sources: v.crafted.sources,
      }
    : generated;
  const scored = v.scored_at_ms !== null && now >= v.scored_at_ms;
  return {
    id: v.id,
    version_number: v.version_number,
    title: v.title,
    markdown_body: draft.markdown_body,
    excerpt: draft.excerpt,
    seo_title: draft.seo_title,
    seo_description: draft.seo_description,
    seo_keywords: draft.seo_keywords,
    tags: draft.tags,
    categories: draft.categories,
    word_count: draft.word_count,
    created_at: v.created_at,
    scoring: include.scoring && scored ? draft.scoring : null,
    sources: include.sources ? (v.sources_captured === false ? [] : draft.sources) : null,
  };
}

/** The fields a content item shows in lists and in full. */
function itemFields(item: ContentItem) {
  return {
    id: item.id,
    title: item.title,
    slug: item.slug,
    status: item.status,
    format: item.format,
    brand_id: item.brand_id,
    property_id: item.property_id,
    author_id: item.author_id,
    brief_id: item.brief_id,
    topic_id: item.topic_id,
    created_at: item.created_at,
  };
}

export function presentItem(item: ContentItem, include: Include, now: number) {
  return {
    ...itemFields(item),
    updated_at: item.updated_at,
    versions: item.versions.map((v) => presentVersion(v, include, now)),
  };
}

/** `GET /content` rows: no bodies; change markers only when `listMarkers` is on. */
export function presentItemSummary(item: ContentItem, listMarkers: boolean) {
  const { brand_id, ...rest } = itemFields(item);
  const summary = item.listed_without_brand ? rest : { ...rest, brand_id };
  if (!listMarkers) return summary;
  return {
    ...summary,
    updated_at: item.updated_at,
    latest_version_id: item.versions.at(-1)?.id ?? null,
    version_count: item.versions.length,
  };
}

/** Records leave the emulator without the organization they belong to (the key implies it). */
function withoutOrg<T extends { org_id: string }>(record: T): Omit<T, 'org_id'> {
  const { org_id: _, ...rest } = record;
  return rest;
}

export const presentPillar = withoutOrg<Pillar>;

export const presentAuthor = withoutOrg<Author>;

export const presentCategory = withoutOrg<Category>;

export const presentTag = withoutOrg<Tag>;

export const presentDocument = withoutOrg<DocumentRecord>;

export function presentImportedSummary(c: ImportedContent) {
  const { org_id: _, markdown_body: __, ...rest } = c;
  return rest;
}

export const presentImported = withoutOrg<ImportedContent>;
