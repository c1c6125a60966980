import { DEFAULT_DRAFT_STATUSES, defaultDraftStatuses } from '@robowrite/core';
import { z } from 'zod';
import { BOUNDS, type Bound } from './bounds.ts';

export const DEFAULT_OUT_DIR = 'src/content/robowrite';
export const DEFAULT_STATUSES = DEFAULT_DRAFT_STATUSES;
export const CONFIG_FILE = 'robowrite.config.mjs';

/** A whole number inside one of the shared bounds. */
function bounded(bound: Bound) {
  return z.number().int().min(bound.min).max(bound.max);
}

/** The APIs a site can sync from (core's provider names). */
export const PROVIDERS = ['robowrite', 'writerzroom', 'writer'] as const;
export type ProviderChoice = (typeof PROVIDERS)[number];

const id = z.string().trim().min(1).max(200);

/** WriterzRoom: which document's routes to speak, and the defaults `generate` starts from. */
const writerzroomSchema = z
  .object({
    /** `api` (the newest document) or `v1`; defaults to `WRITERZROOM_DIALECT`, then `api`. */
    dialect: z.enum(['api', 'v1']).optional(),
    /** Template and style profile `generate` uses when no flag or brief file names one. */
    template: id.optional(),
    styleProfile: id.optional(),
    /** api dialect: seed 000's `generation_mode` (the plan decides which); default the API's. */
    generationMode: id.optional(),
  })
  .strict()
  .default({});

/** An input's name as the application declares it (`topic`, `Product descriptions`). */
export const inputNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]+$/u, 'no control characters or line breaks');

/**
 * One Writer application as `robowrite init` read it (`GET /v1/applications/{id}`): its inputs,
 * so `generate` refuses a wrong input name locally, and the input `--topic` fills.
 */
const writerApplicationSchema = z
  .object({
    /** Every input the application declares; absent: the API checks input names. */
    inputs: z
      .array(z.object({ name: inputNameSchema, required: z.boolean().default(false) }).strict())
      .max(200)
      .optional(),
    /** The input `--topic` fills. Absent: `topic` without `inputs`; with them, `--topic` is refused. */
    topicInput: inputNameSchema.optional(),
  })
  .strict()
  .superRefine((app, ctx) => {
    const names = app.inputs?.map((input) => input.name) ?? [];
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['inputs'], message: `${twice} is listed twice` });
    }
    if (app.inputs && app.topicInput !== undefined && !names.includes(app.topicInput)) {
      ctx.addIssue({
        code: 'custom',
        path: ['topicInput'],
        message: `${app.topicInput} is not one of the inputs (${names.join(', ')})`,
      });
    }
  });
export type WriterApplicationConfig = z.output<typeof writerApplicationSchema>;

/** Writer: the applications whose jobs are the drafts (the first is `generate`'s default). */
const writerSchema = z
  .object({
    /** Defaults to `WRITER_APPLICATION_ID`. */
    applicationIds: z.array(id).min(1).optional(),
    /** What `init` recorded about each application, by id (optional: old configs have none). */
    applications: z.record(id, writerApplicationSchema).optional(),
  })
  .strict()
  .superRefine((writer, ctx) => {
    const ids = writer.applicationIds;
    for (const key of Object.keys(writer.applications ?? {})) {
      if (ids && !ids.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['applications', key],
          message: 'not one of writer.applicationIds',
        });
      }
    }
  })
  .default({});

const baseSchema = z
  .object({
    /** Which API drafts come from (default `robowrite`). */
    provider: z.enum(PROVIDERS).default('robowrite'),
    writerzroom: writerzroomSchema,
    writer: writerSchema,
    /** Output folder, relative to the project root. */
    outDir: z.string().min(1).default(DEFAULT_OUT_DIR),
    /** Only pull (and generate for) this brand id. */
    brand: z.string().min(1).optional(),
    /**
     * Statuses to pull; any status name (the guide does not close the set). Default: the
     * provider's (`defaultDraftStatuses`: RoboWrite's three, `completed` for the others).
     */
    statuses: z.array(z.string().min(1)).min(1).optional(),
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

export const configSchema = baseSchema.transform((config) => ({
  ...config,
  statuses: config.statuses ?? [...defaultDraftStatuses(config.provider)],
}));

export type RobowriteConfigInput = z.input<typeof configSchema>;
export type ResolvedConfig = z.output<typeof configSchema>;

/** Typed helper for `robowrite.config.mjs`. */
export function defineConfig(config: RobowriteConfigInput): RobowriteConfigInput {
  return config;
}
