import { scrubText } from './scrub-text.ts';

export interface ErrorLineOptions {
  /** Keys to remove however a server echoed them (the CLI's and the loaders' API key). */
  secrets?: readonly (string | null | undefined)[] | undefined;
}

/**
 * Any thrown value as one printable line: its message with every run of whitespace (newlines
 * included) folded to one space, without the secrets and without terminal controls (a server's
 * text could otherwise clear the screen or overwrite the line). The one formatter the CLI and the
 * loaders print failures with; an empty message falls back to the error's name.
 */
export function errorLine(error: unknown, options: ErrorLineOptions = {}): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = scrubText(raw.replace(/\s+/g, ' ').trim(), options.secrets ?? []);
  if (line !== '') return line;
  return error instanceof Error ? error.name : 'unknown error';
}
