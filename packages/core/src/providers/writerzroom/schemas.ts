import { z } from 'zod';

/**
 * Response shapes of both dialects, as the seeds show them. Fields a seed shows are required;
 * fields only the emulator adds (or no seed shows in a shape) are optional, so a real server that
 * leaves them out still parses. Objects stay loose: an added field never breaks polling.
 */

/** `202` of `POST /api/generate` and `POST /v1/generate` (seeds 000 and 001: `request_id`). */
export const submittedSchema = z.looseObject({
  request_id: z.string().min(1),
  status: z.string().optional(),
});
export type Submitted = z.infer<typeof submittedSchema>;

const progressFields = {
  stage: z.string().nullish(),
  progress: z.number().nullish(),
  error: z.string().nullish(),
};

/** `GET /api/generate/status/{id}` (seed 000): wrapped in `data`, `content` a string. */
export const apiStatusSchema = z.looseObject({
  data: z.looseObject({
    request_id: z.string().optional(),
    status: z.string(),
    content: z.string().nullish(),
    ...progressFields,
  }),
});

/** The `content` object of seed 002's completed answer. */
export const v1ContentSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullish(),
  body: z.string(),
  word_count: z.number().int().nonnegative().nullish(),
  created_at: z.string().nullish(),
  /** Only on `GET /v1/content/{id}` (the emulator's detail), not on the status answer. */
  updated_at: z.string().nullish(),
});
export type V1Content = z.infer<typeof v1ContentSchema>;

/** `GET /v1/generate/status/{id}` (seed 002): unwrapped, `content` an object. */
export const v1StatusSchema = z.looseObject({
  request_id: z.string().optional(),
  status: z.string(),
  content: v1ContentSchema.nullish(),
  ...progressFields,
});

/** A row of `GET /v1/content`: seed 001 lists the route without a shape; the emulator's is this. */
export const v1ContentSummarySchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullish(),
  word_count: z.number().int().nonnegative().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  request_id: z.string().nullish(),
});
export type V1ContentSummary = z.infer<typeof v1ContentSummarySchema>;

/** `GET /v1/content`: `{items, total}`, no pagination (none is documented). */
export const v1ContentListSchema = z.looseObject({
  items: z.array(v1ContentSummarySchema),
  total: z.number().int().nonnegative().optional(),
});
