import { scrubText } from '@robowrite/core';

/**
 * A sync that could not finish. Astro prints an error's stack under the message; for an API
 * failure the stack is noise (the cause is remote), so this error carries none and its message is
 * one readable line.
 */
export class RobowriteSyncError extends Error {
  override name = 'RobowriteSyncError';
  /** Shown by Astro under the message. */
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
    this.stack = '';
  }
}

/** No key in the loader options, the environment or the project's `.env`. */
export class MissingApiKeyError extends Error {
  override name = 'MissingApiKeyError';

  constructor(envFile: string) {
    super(
      `missing API key: set ROBOWRITE_API_KEY in the environment or in ${envFile}, or pass \`apiKey\` to the loader`,
    );
  }
}

/**
 * One line describing what went wrong, without the key (even if a server echoed it) and without
 * terminal controls (a server's text could otherwise clear the screen or overwrite the line).
 */
export function describeError(error: unknown, apiKey: string | undefined): string {
  const raw = error instanceof Error ? error.message : String(error);
  return scrubText(raw.replace(/\s+/g, ' ').trim(), [apiKey]);
}
