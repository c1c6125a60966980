import { z } from 'zod';

/**
 * One entry of `scoring.warnings`. The guide only shows `"warnings": []`, so neither the entry
 * type nor its fields are promised: a string, or an object (say `{ code, message }`) whose
 * fields are kept as they came. Nothing else is refused either: a new shape never breaks a read.
 */
export const scoringWarningSchema = z.union([z.string(), z.looseObject({})]);
export type ScoringWarning = z.infer<typeof scoringWarningSchema>;

/** The fields, in order of preference, that hold an object warning's human-readable text. */
const TEXT_FIELDS = ['message', 'detail', 'text', 'description', 'code'] as const;

/** A warning as one line of text: a string as is, an object by its message, else as JSON. */
export function scoringWarningText(warning: ScoringWarning): string {
  if (typeof warning === 'string') return warning;
  for (const field of TEXT_FIELDS) {
    const value = warning[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return JSON.stringify(warning);
}
