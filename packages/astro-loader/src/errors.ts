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
  /** The variable that was looked for (`ROBOWRITE_API_KEY`, `WRITER_API_KEY`...). */
  readonly variable: string;

  constructor(envFile: string, variable = 'ROBOWRITE_API_KEY') {
    super(
      `missing API key: set ${variable} in the environment or in ${envFile}, or pass \`apiKey\` to the loader`,
    );
    this.variable = variable;
  }
}

/** WriterzRoom's `api` dialect, named by the environment or `.env`: it has no listing to load. */
export class RefusedDialectError extends Error {
  override name = 'RefusedDialectError';
}
