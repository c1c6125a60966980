import { z } from 'zod';
import { undocumented } from './common.ts';

export const propertySchema = z.looseObject({
  id: z.string(),
  brand_id: undocumented.string(),
  name: undocumented.string(),
  url: undocumented.string(),
  cms_type: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Property = z.infer<typeof propertySchema>;

/** The guide leaves this body undocumented; the API checks it (unknown keys are its to refuse). */
export const propertyCreateParams = z.looseObject({
  name: z.string().min(1),
  url: z.string().nullish(),
  cmsType: z.string().nullish(),
});
export type PropertyCreateParams = z.input<typeof propertyCreateParams>;
