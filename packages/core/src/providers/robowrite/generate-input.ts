import { z } from 'zod';
import { RequestValidationError } from '../../core/errors.ts';
import { briefCreateParams } from '../../schemas/brief.ts';
import { generateItemParams } from '../../schemas/content.ts';
import { topicCreateParams } from '../../schemas/topic.ts';

/** Where a generation goes when its input names no brand or property (the CLI's config). */
const target = {
  brandId: z.string().min(1).optional(),
  propertyId: z.string().min(1).optional(),
};

/**
 * A RoboWrite generation request, checked with core's own request schemas (the ones the client
 * applies before sending), so a mistake is found before any request and costs nothing upstream:
 * - topic flow: create a topic in a brand, run autopilot on it;
 * - brief flow: create a brief, an item from it in a property, then generate the item.
 */
export const generateInputSchema = z.discriminatedUnion('flow', [
  z.object({ flow: z.literal('topic'), ...target, topic: topicCreateParams }),
  z.object({
    flow: z.literal('brief'),
    ...target,
    brief: briefCreateParams,
    generate: generateItemParams.optional(),
  }),
]);

export type GenerateInput = z.input<typeof generateInputSchema>;

/**
 * Untrusted input (flags, a brief file) as a `GenerateInput`, or a `RequestValidationError` for
 * the first problem. Its `path` is the field's dotted path from the input's root, camelCase as in
 * the schemas (`topic.primaryKeyword`, `brief.title`, `generate.direction.tone`), so a caller can
 * name it the way its user wrote it (a flag, a brief file's snake_case key).
 */
export function parseInput(input: unknown): GenerateInput {
  const result = generateInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  const message = `${path || 'input'}: ${issue?.message ?? 'invalid value'}`;
  throw new RequestValidationError(message, path);
}
