import { z } from 'zod';
import { pageParams, undocumented } from './common.ts';

export const topicSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  primary_keyword: z.string(),
  /** null for a fresh topic (eligible for autopilot). */
  decision_band: z.string().nullable(),
  eligible_for_autopilot: z.boolean(),
  brand_id: undocumented.string(),
  pillar_id: undocumented.string(),
  secondary_keywords: undocumented.strings(),
  premise: undocumented.string(),
  intent: undocumented.string(),
  funnel_stage: undocumented.string(),
  suggested_format: undocumented.string(),
  status: undocumented.string(),
  search_volume: undocumented.number(),
  keyword_difficulty: undocumented.number(),
  cpc: undocumented.number(),
  total_score: undocumented.number(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Topic = z.infer<typeof topicSchema>;

export const topicScoreSchema = z.looseObject({
  id: undocumented.string(),
  topic_id: undocumented.string(),
  total_score: undocumented.number(),
  demand_score: undocumented.number(),
  fit_score: undocumented.number(),
  competition_score: undocumented.number(),
  decision_band: undocumented.string(),
  model_version: undocumented.string(),
  scored_at: undocumented.string(),
});
export type TopicScore = z.infer<typeof topicScoreSchema>;

/** Closed by the guide (Topics: `sort_by`); any other filter value is sent as given. */
export const TOPIC_SORT_FIELDS = [
  'total_score',
  'search_volume',
  'keyword_difficulty',
  'created_at',
] as const;

export const topicListParams = z.strictObject({
  /** Required by the API (omitting it is a 422). */
  brandId: z.string().min(1),
  pillarId: z.string().min(1).optional(),
  keyword: z.string().optional(),
  status: z.string().optional(),
  minScore: z.number().optional(),
  minVolume: z.number().optional(),
  maxDifficulty: z.number().optional(),
  intent: z.string().optional(),
  decisionBand: z.string().optional(),
  sortBy: z.enum(TOPIC_SORT_FIELDS).optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
  ...pageParams,
});
export type TopicListParams = z.input<typeof topicListParams>;

export const topicCreateParams = z.strictObject({
  title: z.string().min(1).max(500),
  primaryKeyword: z.string().min(1).max(200),
  premise: z.string().optional(),
  intent: z.string().optional(),
  funnelStage: z.string().optional(),
  suggestedFormat: z.string().optional(),
  secondaryKeywords: z.array(z.string()).optional(),
});
export type TopicCreateParams = z.input<typeof topicCreateParams>;
