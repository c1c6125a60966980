import { type ProviderV1, RequestValidationError } from '@robowrite/core';
import type { GenerateInput } from '../sync/jobs.ts';
import { generationOf } from '../sync/jobs.ts';
import { UsageError } from './exit-codes.ts';
import { providerFieldName } from './provider-input.ts';

/** The flag a user typed for a request field, so the message names what they wrote. */
const FLAG_FOR: ReadonlyMap<string, string> = new Map([
  ['title', '--title'],
  ['primaryKeyword', '--keyword'],
  ['secondaryKeywords', '--secondary'],
  ['premise', '--premise'],
  ['tone', '--tone'],
  ['direction.tone', '--tone'],
  ['citationMode', '--citation-mode'],
  ['propertyId', '--property'],
  ['brandId', '--brand'],
]);

/** The request bodies a generate input holds; a field's path starts with one of them. */
const BODIES: ReadonlySet<string> = new Set(['topic', 'brief', 'generate']);

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The field as the user wrote it: the brief file's snake_case key, or the flag. */
function fieldName(path: readonly string[], briefFile: string | null): string {
  const dotted = path.join('.');
  if (briefFile === null) return FLAG_FOR.get(dotted) ?? dotted;
  const key = path.map((part, i) =>
    /^\d+$/.test(part) ? `[${part}]` : `${i ? '.' : ''}${snakeCase(part)}`,
  );
  return `"${key.join('')}"`;
}

/**
 * Every generate input, checked locally before any request or state record by the provider's
 * own `parseInput` (core's request schemas, the rules core applies before sending): a mistake
 * costs nothing upstream (no spare brief, item or topic) and leaves no job behind to retry. The
 * first problem becomes one line naming the field the way the user wrote it (exit 2).
 */
export function validateGenerateInput(
  provider: ProviderV1,
  input: GenerateInput,
  briefFile: string | null,
): void {
  try {
    generationOf(provider).parseInput(input);
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const path = error.path === '' ? [] : error.path.split('.');
    const inBody = path.length > 1 && BODIES.has(path[0] ?? '') ? path.slice(1) : path;
    const message = error.message.startsWith(`${error.path}: `)
      ? error.message.slice(error.path.length + 2)
      : error.message;
    const where = briefFile === null ? 'generate' : briefFile;
    if (provider.name === 'robowrite') {
      throw new UsageError(`${where}: ${fieldName(inBody, briefFile) || 'input'}: ${message}`);
    }
    // A field neither a flag nor the config gave is missing, whatever type the schema wanted.
    const problem = /received undefined$/.test(message) ? 'required' : message;
    throw new UsageError(`${where}: ${providerFieldName(path, briefFile)}: ${problem}`);
  }
}
