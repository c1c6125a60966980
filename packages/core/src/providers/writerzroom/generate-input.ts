import { z } from 'zod';
import { RequestValidationError } from '../../core/errors.ts';
import type { WriterzRoomDialect } from './dialect.ts';

const slug = z.string().trim().min(1).max(200);
/** Template inputs: a topic, an audience, a word count... (the template says which it needs). */
const parameters = z.record(
  z.string().min(1).max(100),
  z.union([z.string().max(10_000), z.number(), z.boolean()]),
);

/**
 * Seed 000's `POST /api/generate` body, field names as the seed writes them. Strict: a v1 name
 * (`template_id`) here is a mistake in the brief, named, not silently dropped.
 */
export const apiGenerateInputSchema = z.strictObject({
  template: slug,
  style_profile: slug,
  generation_mode: slug.optional(),
  dynamic_parameters: parameters.optional(),
  vertical: slug.optional(),
  brand_voice_id: slug.optional(),
});
export type ApiGenerateInput = z.infer<typeof apiGenerateInputSchema>;

/** Seed 001's `POST /v1/generate` body (`inputs` required, as its table says). */
export const v1GenerateInputSchema = z.strictObject({
  template_id: slug,
  style_profile_id: slug,
  inputs: parameters,
  vertical: slug.optional(),
  brand_voice_id: slug.optional(),
});
export type V1GenerateInput = z.infer<typeof v1GenerateInputSchema>;

export type WriterzRoomGenerateInput = ApiGenerateInput | V1GenerateInput;

/**
 * Untrusted input (flags, a brief file) as the dialect's generate body, or a
 * `RequestValidationError` whose `path` names the first bad field (`dynamic_parameters.topic`).
 */
export function parseGenerateInput(
  dialect: WriterzRoomDialect,
  input: unknown,
): WriterzRoomGenerateInput {
  const schema = dialect === 'api' ? apiGenerateInputSchema : v1GenerateInputSchema;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.');
  const message = `${path || 'input'}: ${issue?.message ?? 'invalid value'}`;
  throw new RequestValidationError(message, path);
}

/** The topic a title falls back to (seed 000's `dynamic_parameters.topic`, v1's `inputs.topic`). */
export function inputTopic(input: WriterzRoomGenerateInput): string | null {
  const params = 'inputs' in input ? input.inputs : input.dynamic_parameters;
  const topic = params?.topic;
  return typeof topic === 'string' && topic.trim() !== '' ? topic.trim() : null;
}
