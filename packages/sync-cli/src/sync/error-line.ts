import { AuthenticationError, InvalidEntryError, errorLine as oneLine } from '@robowrite/core';

/**
 * A failure as the one line a pull reports for it (the caller names the item): core's
 * `errorLine` (whitespace folded, terminal controls removed), with the CLI's hint for a rejected
 * key; an entry that fails the shared schema is already one line naming the field.
 */
export function errorLine(error: unknown): string {
  if (error instanceof InvalidEntryError) return error.reason;
  const line = oneLine(error);
  if (error instanceof AuthenticationError) {
    return `${line} (check ROBOWRITE_API_KEY in the environment or .env)`;
  }
  return line;
}
