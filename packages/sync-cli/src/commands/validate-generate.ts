import { briefCreateParams, generateItemParams, topicCreateParams } from '@robowrite/core';
import type { GenerateInput } from '../sync/jobs.ts';
import { UsageError } from './exit-codes.ts';

/** Something with zod's `safeParse`: core's request schemas, the API guide's rules. */
interface RequestSchema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

/** The flag a user typed for a request field, so the message names what they wrote. */
const FLAG_FOR: ReadonlyMap<string, string> = new Map([
  ['title', '--title'],
  ['primaryKeyword', '--keyword'],
  ['secondaryKeywords', '--secondary'],
  ['premise', '--premise'],
  ['tone', '--tone'],
  ['direction.tone', '--tone'],
  ['citationMode', '--citation-mode'],
]);

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Checks one request body against core's schema for it (the same check core makes before
 * sending, so the rules live in one place) and turns the first problem into one line naming
 * the field as the user wrote it: the brief file's snake_case key, or the flag.
 */
function check(schema: RequestSchema, value: unknown, briefFile: string | null): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error?.issues[0];
  const path = (issue?.path ?? []).map(String);
  const dotted = path.join('.');
  const field =
    briefFile === null
      ? (FLAG_FOR.get(dotted) ?? dotted)
      : `"${path.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : `${i ? '.' : ''}${snakeCase(part)}`)).join('')}"`;
  const where = briefFile === null ? 'generate' : briefFile;
  throw new UsageError(`${where}: ${field || 'input'}: ${issue?.message ?? 'invalid value'}`);
}

/**
 * Every generate input, checked locally before any request or state record: a mistake costs
 * nothing upstream (no spare brief, item or topic) and leaves no job behind to retry.
 */
export function validateGenerateInput(input: GenerateInput, briefFile: string | null): void {
  if (input.flow === 'topic') {
    check(topicCreateParams, input.topic, briefFile);
    return;
  }
  check(briefCreateParams, input.brief, briefFile);
  check(generateItemParams, input.generate ?? {}, briefFile);
}
