import { z } from 'zod';
import { ApiError } from '../errors.ts';
import type { Application, JobInput } from './types.ts';

/** Bounds the guide does not give; generous for a real agent, small enough to keep state sane. */
export const MAX_INPUTS = 50;
export const MAX_VALUES = 50;
export const MAX_VALUE_LENGTH = 10_000;

const createBody = z.object({
  inputs: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        value: z.array(z.string().max(MAX_VALUE_LENGTH)).max(MAX_VALUES),
      }),
    )
    .max(MAX_INPUTS),
});

const badRequest = (message: string): ApiError => new ApiError(400, message);

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid request body');
}

/**
 * A create body checked against the application's declared inputs: every `id` must be one of
 * them (once), and each required input needs at least one non-blank value. A failure is a 400
 * naming the input, since Writer answers validation errors with 400.
 */
export function parseJobInputs(app: Application, body: unknown): JobInput[] {
  const parsed = createBody.safeParse(body);
  if (!parsed.success) throw badRequest(firstIssue(parsed.error));
  const declared = app.inputs.map((input) => input.name);
  const seen = new Set<string>();
  for (const input of parsed.data.inputs) {
    if (!declared.includes(input.id)) {
      throw badRequest(
        `Unknown input "${input.id}" for this application; its inputs are: ${declared.map((n) => `"${n}"`).join(', ')}`,
      );
    }
    if (seen.has(input.id)) throw badRequest(`Input "${input.id}" is given more than once`);
    seen.add(input.id);
  }
  for (const input of app.inputs) {
    if (!input.required) continue;
    const given = parsed.data.inputs.find((i) => i.id === input.name);
    if (!given?.value.some((v) => v.trim() !== '')) {
      throw badRequest(`Input "${input.name}" is required and needs at least one non-empty value`);
    }
  }
  return parsed.data.inputs.map((input) => ({ id: input.id, value: [...input.value] }));
}
