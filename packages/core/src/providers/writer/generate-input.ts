import { z } from 'zod';
import { RequestValidationError } from '../../core/errors.ts';

/** An input's name, as the application declares it (`topic`, `Product descriptions`). */
const inputName = z.string().trim().min(1).max(200);
/** One value or several (a list input: one product per value). */
const inputValue = z.union([
  z.string().max(100_000),
  z.array(z.string().max(100_000)).min(1).max(1_000),
]);

/**
 * A Writer generation as a brief file or flags give it: the application (optional when the
 * provider is configured with one; it must be one the provider lists, or the job's draft would
 * never be listed) and its inputs, either as a map `{topic: "...", keywords: ["a", "b"]}` or as
 * the seed's wire form `[{id: "topic", value: ["..."]}]`.
 */
const applicationId = z.string().trim().min(1).max(200).optional();
const inputMap = z.strictObject({ applicationId, inputs: z.record(inputName, inputValue) });
const inputList = z.strictObject({
  applicationId,
  inputs: z
    .array(z.strictObject({ id: inputName, value: inputValue }))
    .min(1)
    .max(1_000),
});
export const writerGenerateInputSchema = z.union([inputMap, inputList]);

/** The checked input, in the wire form `POST /v1/applications/{id}/jobs` sends. */
export interface WriterGenerateInput {
  applicationId: string;
  inputs: { id: string; value: string[] }[];
}

function fail(path: string, problem: string): never {
  throw new RequestValidationError(`${path || 'input'}: ${problem}`, path);
}

function wireInputs(
  inputs: z.output<typeof writerGenerateInputSchema>['inputs'],
): WriterGenerateInput['inputs'] {
  const pairs = Array.isArray(inputs)
    ? inputs.map(({ id, value }) => [id, value] as const)
    : Object.entries(inputs);
  if (pairs.length === 0) fail('inputs', 'at least one input is required');
  const seen = new Set<string>();
  return pairs.map(([id, value], index) => {
    if (seen.has(id)) fail(Array.isArray(inputs) ? `inputs.${index}.id` : 'inputs', `${id} twice`);
    seen.add(id);
    return { id, value: typeof value === 'string' ? [value] : [...value] };
  });
}

/**
 * Untrusted input (flags, a brief file) as a `WriterGenerateInput`, or a `RequestValidationError`
 * whose `path` names the first bad field (`applicationId`, `inputs.0.value`, `inputs.topic`).
 * `applicationIds` are the provider's: the default is the first, and no other is accepted.
 */
export function parseWriterInput(
  input: unknown,
  applicationIds: readonly string[],
): WriterGenerateInput {
  // The form is chosen by the shape of `inputs`, so an error names the field, not the union.
  const listForm =
    input !== null &&
    typeof input === 'object' &&
    Array.isArray((input as { inputs?: unknown }).inputs);
  const result = (listForm ? inputList : inputMap).safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.');
    fail(path, issue?.message ?? 'invalid value');
  }
  const applicationId = result.data.applicationId ?? applicationIds[0];
  if (applicationId === undefined) fail('applicationId', 'required (no application configured)');
  if (!applicationIds.includes(applicationId)) {
    fail('applicationId', `${applicationId} is not one of the configured applications`);
  }
  return { applicationId, inputs: wireInputs(result.data.inputs) };
}
