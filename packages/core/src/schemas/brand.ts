import { z } from 'zod';
import { undocumented } from './common.ts';

export const brandSchema = z.looseObject({
  id: z.string(),
  name: undocumented.string(),
  domain: undocumented.string(),
  description: undocumented.string(),
  cms_connected: undocumented.boolean(),
  cms_type: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Brand = z.infer<typeof brandSchema>;

export const keywordSchema = z.looseObject({
  keyword: z.string(),
  search_volume: undocumented.number(),
  keyword_difficulty: undocumented.number(),
  cpc: undocumented.number(),
  intent: undocumented.string(),
});

export const keywordClusterSchema = z.looseObject({
  id: undocumented.string(),
  name: undocumented.string(),
  pillar_id: undocumented.string(),
  keywords: z.array(keywordSchema).nullish(),
});

/** `GET /brands/{id}/keywords`: the documented custom shape `{ brand_id, clusters, counts }`. */
export const brandKeywordsSchema = z.looseObject({
  brand_id: z.string(),
  clusters: z.array(keywordClusterSchema),
  counts: z.looseObject({}),
});
export type BrandKeywords = z.infer<typeof brandKeywordsSchema>;
