import { z } from 'zod';
import { pageParams, undocumented } from './common.ts';
import { scoringWarningSchema } from './scoring-warning.ts';

export const scoringSchema = z.looseObject({
  geo_score: z.number(),
  draft_score: z.number(),
  warnings: z.array(scoringWarningSchema),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const sourceSchema = z.looseObject({
  marker: z.number().nullable(),
  source_name: z.string().nullable(),
  source_url: z.string(),
});
export type Source = z.infer<typeof sourceSchema>;

export const contentVersionSchema = z.looseObject({
  id: z.string(),
  version_number: z.number().int(),
  title: z.string(),
  markdown_body: z.string(),
  excerpt: z.string().nullable(),
  seo_title: z.string().nullable(),
  seo_description: z.string().nullable(),
  seo_keywords: z.array(z.string()),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  word_count: z.number().int().nullable(),
  created_at: z.string(),
  /** null without `include: ['scoring']`, and until self-scoring completes. */
  scoring: scoringSchema.nullable(),
  /** null without `include: ['sources']`; [] when requested and none were cited. */
  sources: z.array(sourceSchema).nullable(),
});
export type ContentVersion = z.infer<typeof contentVersionSchema>;

const itemFields = {
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.string(),
  brand_id: z.string(),
  property_id: z.string().nullable(),
  author_id: z.string().nullable(),
  brief_id: undocumented.string(),
  topic_id: undocumented.string(),
  format: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
};

/** `GET /content/{id}`: the item with all its versions. */
export const contentItemSchema = z.looseObject({
  ...itemFields,
  versions: z.array(contentVersionSchema),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

/**
 * An entry of `GET /content`. The guide shows bodies only on the single-item read, so list
 * entries are summaries; a change marker (`updated_at`, latest version) may or may not be there.
 */
export const contentItemSummarySchema = z.looseObject({
  ...itemFields,
  slug: undocumented.string(),
  brand_id: undocumented.string(),
  property_id: undocumented.string(),
  author_id: undocumented.string(),
  latest_version_id: undocumented.string(),
  latest_version_number: undocumented.number(),
});
export type ContentItemSummary = z.infer<typeof contentItemSummarySchema>;

/** Closed by the guide (`?include=scoring,sources`); checked before sending. */
export const CONTENT_INCLUDES = ['scoring', 'sources'] as const;
export type ContentInclude = (typeof CONTENT_INCLUDES)[number];

export const contentRetrieveParams = z.strictObject({
  include: z.array(z.enum(CONTENT_INCLUDES)).optional(),
});
export type ContentRetrieveParams = z.input<typeof contentRetrieveParams>;

export const contentListParams = z.strictObject({
  status: z.string().optional(),
  contentType: z.string().optional(),
  propertyId: z.string().optional(),
  briefId: z.string().optional(),
  ...pageParams,
});
export type ContentListParams = z.input<typeof contentListParams>;

/** `POST /content/items`: the brand comes from the property, so no topic/brand ids here. */
export const contentCreateParams = z.strictObject({
  briefId: z.string().min(1),
  propertyId: z.string().min(1),
  title: z.string().min(1).max(500),
  format: z.string().optional(),
});
export type ContentCreateParams = z.input<typeof contentCreateParams>;

/** `PATCH /content/items/{id}`: title / status / format / author / slug. */
export const contentUpdateParams = z.strictObject({
  title: z.string().min(1).max(500).optional(),
  status: z.string().min(1).optional(),
  format: z.string().min(1).optional(),
  authorId: z.string().nullable().optional(),
  slug: z.string().min(1).optional(),
});
export type ContentUpdateParams = z.input<typeof contentUpdateParams>;

/** `POST /content/generate`: exactly `{ topic_id }`. */
export const generateParams = z.strictObject({ topicId: z.string().min(1) });
export type GenerateParams = z.input<typeof generateParams>;

/** Closed by the guide ("structured_only" (default) | "inline", unsupported values → 422). */
export const CITATION_MODES = ['structured_only', 'inline'] as const;
export type CitationMode = (typeof CITATION_MODES)[number];

export const generateItemParams = z.strictObject({
  direction: z
    .strictObject({
      tone: z.string().optional(),
      readingLevel: z.string().optional(),
      pointOfView: z.string().optional(),
      contentLength: z.string().optional(),
      contentStructure: z.string().optional(),
    })
    .optional(),
  citationMode: z.enum(CITATION_MODES).optional(),
});
export type GenerateItemParams = z.input<typeof generateItemParams>;
