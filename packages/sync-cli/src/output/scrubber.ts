import { scrubDeep, scrubText } from '@robowrite/core';

/** How output leaves scrubbed of the keys and of terminal controls (see `Reporter`). */
export interface Scrubber {
  /** One line: newlines shown as `\n`. */
  line(text: string): string;
  /** Several lines on purpose: newlines kept, everything else scrubbed. */
  block(text: string): string;
  /** A JSON document's every string. */
  value(value: unknown): unknown;
}

export function scrubberFor(secrets: readonly (string | undefined)[]): Scrubber {
  return {
    line: (text) => scrubText(text, secrets),
    block: (text) => scrubText(text, secrets, { keepNewlines: true }),
    value: (value) => scrubDeep(value, secrets),
  };
}
