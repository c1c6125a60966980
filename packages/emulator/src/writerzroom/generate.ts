import { z } from 'zod';
import {
  findStyleProfile,
  findTemplate,
  findVertical,
  GENERATION_MODES,
  type GenerationMode,
  PLAN_MODES,
  type Template,
} from './catalog.ts';
import { badRequest, notFound, WzrError } from './errors.ts';
import type { WzrContext, WzrResult } from './router.ts';
import type { Dialect, Generation } from './types.ts';

/** What both dialects' `POST .../generate` bodies mean, once their field names are mapped. */
interface Submission {
  template_id: string;
  style_profile_id: string;
  generation_mode: string;
  inputs: Record<string, unknown>;
  vertical: string | null;
  brand_voice_id: string | null;
}

const slug = z.string().trim().min(1).max(100);
const inputs = z.record(z.string().max(100), z.unknown());
const common = {
  generation_mode: slug.optional(),
  vertical: slug.nullish(),
  brand_voice_id: slug.nullish(),
};

/** Seed 000: `template`, `style_profile`, `generation_mode`, `dynamic_parameters`. */
const API_BODY = z.object({
  template: slug,
  style_profile: slug,
  dynamic_parameters: inputs.optional(),
  ...common,
});

/** Seed 001: `template_id`, `style_profile_id`, `inputs`, optional `vertical`, `brand_voice_id`. */
const V1_BODY = z.object({ template_id: slug, style_profile_id: slug, inputs, ...common });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  throw badRequest(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid request'));
}

export function readSubmission(dialect: Dialect, body: unknown): Submission {
  const rest = (b: z.infer<typeof API_BODY> | z.infer<typeof V1_BODY>) => ({
    generation_mode: b.generation_mode ?? 'standard',
    vertical: b.vertical ?? null,
    brand_voice_id: b.brand_voice_id ?? null,
  });
  if (dialect === 'api') {
    const b = parse(API_BODY, body);
    return {
      template_id: b.template,
      style_profile_id: b.style_profile,
      inputs: b.dynamic_parameters ?? {},
      ...rest(b),
    };
  }
  const b = parse(V1_BODY, body);
  return {
    template_id: b.template_id,
    style_profile_id: b.style_profile_id,
    inputs: b.inputs,
    ...rest(b),
  };
}

/** Seed 002's failure: the request is accepted, then fails early naming the input. */
function inputProblem(template: Template, values: Record<string, unknown>): string | null {
  for (const name of template.required_inputs) {
    const value = values[name];
    if (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '')
    ) {
      return `Missing required input field: ${name}`;
    }
  }
  const words = values.word_count;
  if (
    words !== undefined &&
    (!Number.isInteger(words) || (words as number) < 100 || (words as number) > 5000)
  ) {
    return 'Invalid input field: word_count must be an integer from 100 to 5000';
  }
  return null;
}

const FORCED_FAILURE =
  'Generation failed at the editor stage: the draft did not pass quality review';
const INPUT_FAILURE_AT = 0.1;

/** The checks in order: credits (402), plan (403), template and style profile (404), vertical (400). */
export function submit(ctx: WzrContext, dialect: Dialect): WzrResult {
  const s = readSubmission(dialect, ctx.body);
  const { account, store, runtime } = ctx;
  if (account.credits < 1) {
    throw new WzrError(
      402,
      'insufficient_credits',
      'Insufficient credits or inactive subscription',
    );
  }
  if (!(GENERATION_MODES as readonly string[]).includes(s.generation_mode)) {
    throw badRequest(
      `generation_mode: unknown mode "${s.generation_mode}" (${GENERATION_MODES.join(', ')})`,
    );
  }
  const mode = s.generation_mode as GenerationMode;
  if (!(PLAN_MODES[account.plan] ?? []).includes(mode)) {
    throw new WzrError(
      403,
      'mode_not_available',
      `Generation mode "${mode}" is not available on your current plan`,
    );
  }
  const template = findTemplate(s.template_id);
  if (!template) throw notFound(`Template "${s.template_id}"`);
  if (!findStyleProfile(s.style_profile_id))
    throw notFound(`Style profile "${s.style_profile_id}"`);
  if (s.vertical !== null && !findVertical(s.vertical))
    throw badRequest(`vertical: unknown vertical "${s.vertical}"`);

  const problem = inputProblem(template, s.inputs);
  const forced = runtime.outcomes.shift();
  const outcome = forced ?? (problem ? 'failed' : 'completed');
  const generation: Generation = {
    request_id: store.nextId('req'),
    account_id: account.id,
    dialect,
    template_id: template.id,
    style_profile_id: s.style_profile_id,
    generation_mode: mode,
    inputs: s.inputs,
    vertical: s.vertical,
    brand_voice_id: s.brand_voice_id,
    created_ms: ctx.now,
    duration_ms: ctx.options.jobDurationMs,
    outcome: outcome === 'failed' ? 'failed' : 'completed',
    error: outcome === 'failed' ? (problem ?? FORCED_FAILURE) : null,
    ends_at: outcome === 'failed' && problem ? INPUT_FAILURE_AT : 1,
    content_id: null,
    settled: false,
  };
  store.generations.set(generation.request_id, generation);
  account.credits -= 1;
  store.dirty = true;
  runtime.stats.jobsCreated += 1;
  return { status: 202, body: { request_id: generation.request_id, status: 'processing' } };
}
