import { z } from 'zod';
import { pageParams, undocumented } from './common.ts';

export const briefSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  brand_id: undocumented.string(),
  status: undocumented.string(),
  version: undocumented.number(),
  primary_keyword: undocumented.string(),
  secondary_keywords: undocumented.strings(),
  target_word_count: undocumented.number(),
  audience_details: undocumented.string(),
  tone: undocumented.string(),
  format: undocumented.string(),
  search_intent: undocumented.string(),
  funnel_stage: undocumented.string(),
  pillar_id: undocumented.string(),
  description: undocumented.string(),
  summary: undocumented.string(),
  content_goal: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Brief = z.infer<typeof briefSchema>;

export const briefSectionSchema = z.looseObject({
  id: undocumented.string(),
  heading: undocumented.string(),
  position: undocumented.number(),
});
export type BriefSection = z.infer<typeof briefSectionSchema>;

const long = z.string().max(5000);

/** The documented closed allowlist of `POST /briefs`; `brand_id` and `status` are server-set. */
const briefFields = {
  title: z.string().min(1).max(500),
  primaryKeyword: z.string().optional(),
  secondaryKeywords: z.array(z.string()).optional(),
  targetWordCount: z.number().int().min(100).max(10000).optional(),
  audienceDetails: long.optional(),
  tone: z.string().optional(),
  format: z.string().optional(),
  searchIntent: z.string().optional(),
  funnelStage: z.string().optional(),
  pillarId: z.string().optional(),
  description: long.optional(),
  summary: long.optional(),
  contentGoal: long.optional(),
};

export const briefCreateParams = z.strictObject(briefFields);
export type BriefCreateParams = z.input<typeof briefCreateParams>;

export const briefUpdateParams = z.strictObject(briefFields).partial();
export type BriefUpdateParams = z.input<typeof briefUpdateParams>;

export const briefListParams = z.strictObject({ ...pageParams });
export type BriefListParams = z.input<typeof briefListParams>;
