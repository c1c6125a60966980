import { z } from 'zod';
import { pageParams, undocumented } from './common.ts';

export const documentSchema = z.looseObject({
  id: z.string(),
  title: undocumented.string(),
  filename: undocumented.string(),
  mime_type: undocumented.string(),
  size_bytes: undocumented.number(),
  page_count: undocumented.number(),
  category: undocumented.string(),
  status: undocumented.string(),
  summary: undocumented.string(),
  created_at: undocumented.string(),
  updated_at: undocumented.string(),
});
export type Document = z.infer<typeof documentSchema>;

export const documentListParams = z.strictObject({
  category: z.string().optional(),
  status: z.string().optional(),
  q: z.string().optional(),
  ...pageParams,
});
export type DocumentListParams = z.input<typeof documentListParams>;

export const importedContentSchema = z.looseObject({
  id: z.string(),
  brand_id: undocumented.string(),
  property_id: undocumented.string(),
  source: undocumented.string(),
  external_id: undocumented.string(),
  url: undocumented.string(),
  title: undocumented.string(),
  excerpt: undocumented.string(),
  markdown_body: undocumented.string(),
  word_count: undocumented.number(),
  published_at: undocumented.string(),
  imported_at: undocumented.string(),
});
export type ImportedContent = z.infer<typeof importedContentSchema>;

export const importedContentListParams = z.looseObject({ ...pageParams });
export type ImportedContentListParams = z.input<typeof importedContentListParams>;
