import { z } from 'zod';
import { pageParams, undocumented } from './common.ts';

export const pillarSchema = z.looseObject({
  id: z.string(),
  brand_id: undocumented.string(),
  name: undocumented.string(),
  description: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Pillar = z.infer<typeof pillarSchema>;

export const authorSchema = z.looseObject({
  id: z.string(),
  name: undocumented.string(),
  slug: undocumented.string(),
  email: undocumented.string(),
  bio: undocumented.string(),
  avatar_url: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Author = z.infer<typeof authorSchema>;

export const categorySchema = z.looseObject({
  id: z.string(),
  brand_id: undocumented.string(),
  name: undocumented.string(),
  slug: undocumented.string(),
  description: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Category = z.infer<typeof categorySchema>;

export const tagSchema = z.looseObject({
  id: z.string(),
  brand_id: undocumented.string(),
  name: undocumented.string(),
  slug: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Tag = z.infer<typeof tagSchema>;

/**
 * Taxonomy bodies are not spelled out in the guide beyond `brand_id` on pillars, categories and
 * tags; the fields the API is known to take are typed, and anything else is passed through for
 * the API to judge.
 */
const nameField = z.string().min(1).max(500);
export const taxonomyListParams = z.looseObject({ brandId: z.string().optional(), ...pageParams });
export type TaxonomyListParams = z.input<typeof taxonomyListParams>;

export const pillarCreateParams = z.looseObject({
  brandId: z.string().min(1),
  name: nameField,
  description: z.string().nullish(),
});
export type PillarCreateParams = z.input<typeof pillarCreateParams>;
export const pillarUpdateParams = pillarCreateParams.omit({ brandId: true }).partial();
export type PillarUpdateParams = z.input<typeof pillarUpdateParams>;

export const categoryCreateParams = z.looseObject({
  brandId: z.string().min(1),
  name: nameField,
  slug: z.string().min(1).optional(),
  description: z.string().nullish(),
});
export type CategoryCreateParams = z.input<typeof categoryCreateParams>;
export const categoryUpdateParams = categoryCreateParams.omit({ brandId: true }).partial();
export type CategoryUpdateParams = z.input<typeof categoryUpdateParams>;

export const tagCreateParams = z.looseObject({
  brandId: z.string().min(1),
  name: nameField,
  slug: z.string().min(1).optional(),
});
export type TagCreateParams = z.input<typeof tagCreateParams>;
export const tagUpdateParams = tagCreateParams.omit({ brandId: true }).partial();
export type TagUpdateParams = z.input<typeof tagUpdateParams>;

export const authorCreateParams = z.looseObject({
  name: nameField,
  slug: z.string().min(1).optional(),
  email: z.string().nullish(),
  bio: z.string().nullish(),
  avatarUrl: z.string().nullish(),
});
export type AuthorCreateParams = z.input<typeof authorCreateParams>;
export const authorUpdateParams = authorCreateParams.partial();
export type AuthorUpdateParams = z.input<typeof authorUpdateParams>;
