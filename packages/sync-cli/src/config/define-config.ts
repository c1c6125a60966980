import { DEFAULT_DRAFT_STATUSES } from '@robowrite/core';
import { z } from 'zod';
import { BOUNDS, type Bound } from './bounds.ts';

export const DEFAULT_OUT_DIR = 'src/content/robowrite';
export const DEFAULT_STATUSES = DEFAULT_DRAFT_STATUSES;
export const CONFIG_FILE = 'robowrite.config.mjs';

/** A whole number inside one of the shared bounds. */
function bounded(bound: Bound) {
  return z.number().int().min(bound.min).max(bound.max);
}

export const configSchema = z
  .object({
    /** Output folder, relative to the project root. */
    outDir: z.string().min(1).default(DEFAULT_OUT_DIR),
    /** Only pull (and generate for) this brand id. */
    brand: z.string().min(1).optional(),
    /** Content item statuses to pull; any status name (the guide does not close the set). */
    statuses: z
      .array(z.string().min(1))
      .min(1)
      .default([...DEFAULT_STATUSES]),
    /** `slug`: `<slug>.md`; `id`: `<item id>.md` (never changes when a slug is edited). */
    filename: z.enum(['slug', 'id']).default('slug'),
    frontmatter: z
      .object({
        /** Fetch and write scoring (`robowrite.scoring`). */
        scoring: z.boolean().default(true),
        /** Fetch and write cited sources (`robowrite.sources`). */
        sources: z.boolean().default(true),
      })
      .strict()
      .default({ scoring: true, sources: true }),
    /**
     * Write raw HTML in draft bodies to the files as it is, for a source you trust. Off by
     * default: raw HTML is escaped so it shows as text, since Astro's Markdown pipeline would
     * pass it (scripts, `on*=` attributes) to the page. Unsafe link URLs are dropped either way.
     */
    allowRawHtml: z.boolean().default(false),
    /** API base URL; `ROBOWRITE_BASE_URL` overrides it. The key never goes here. */
    baseURL: z.string().url().optional(),
    generate: z
      .object({
        /** Publishing target for the brief flow; default: the brand's first property. */
        propertyId: z.string().min(1).optional(),
        flow: z.enum(['topic', 'brief']).default('topic'),
      })
      .strict()
      .default({ flow: 'topic' }),
    watch: z
      .object({
        /** Pause between polls when there is budget to spare. */
        intervalMs: bounded(BOUNDS.watchIntervalMs).default(5000),
        /** Requests per minute the watcher may spend; stays under the API's 120 / 60 s. */
        requestsPerMinute: bounded(BOUNDS.requestsPerMinute).default(60),
      })
      .strict()
      .default({ intervalMs: 5000, requestsPerMinute: 60 }),
  })
  .strict();

export type RobowriteConfigInput = z.input<typeof configSchema>;
export type ResolvedConfig = z.output<typeof configSchema>;

/** Typed helper for `robowrite.config.mjs`. */
export function defineConfig(config: RobowriteConfigInput): RobowriteConfigInput {
  return config;
}
