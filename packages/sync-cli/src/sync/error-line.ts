import { AuthenticationError, InvalidEntryError } from '@robowrite/core';

/** A failure as the one line a pull reports for it (the caller names the item). */
export function errorLine(error: unknown): string {
  // Already one line, and the caller names the item.
  if (error instanceof InvalidEntryError) return error.reason;
  if (error instanceof AuthenticationError) {
    return `${error.message.split('\n')[0]} (check ROBOWRITE_API_KEY in the environment or .env)`;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
