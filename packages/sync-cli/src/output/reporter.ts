import { createLiveLine } from './live-line.ts';
import { printedLines } from './printed-lines.ts';
import { progressLines } from './progress-lines.ts';
import { scrubberFor } from './scrubber.ts';

/**
 * Human output: a progress bar and a spinner on an interactive terminal, plain lines otherwise
 * (not a TTY, or `CI` set). picocolors already honours NO_COLOR / FORCE_COLOR. With `--json`
 * nothing but the final JSON document goes to stdout.
 *
 * Every text passes `scrubText` on its way out: much of it quotes the API (errors, job errors,
 * file names from slugs), so the key is removed and terminal controls are shown, not acted on.
 * A newline in a line is shown as `\n` (a server's text must not start a line that looks like
 * ours); only `block` keeps newlines, for text that is several lines on purpose. Our own colours
 * are added after scrubbing, as a `label`, so they survive it.
 */
export interface Reporter {
  readonly json: boolean;
  readonly interactive: boolean;
  /** `label` is our own (possibly coloured) prefix, printed as is before the scrubbed text. */
  line(text: string, label?: string): void;
  /** Several lines on purpose (a code snippet): newlines kept, everything else scrubbed. */
  block(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  /** Redraws one status line (TTY) or prints it when it changed (plain). */
  status(text: string): void;
  progress(done: number, total: number, label: string): void;
  /** Ends any live line. */
  clear(): void;
  /** Writes a JSON document to stdout, every string in it scrubbed; `pretty` indents it. */
  document(value: unknown, pretty?: boolean): void;
}

export interface ReporterOptions {
  json?: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Removed from every line and document (the API key, from wherever it was read). */
  secrets?: readonly (string | undefined)[];
}

/** A terminal to redraw on: stderr is one, `CI` is unset, and the output is not `--json`. */
function isInteractive(stderr: NodeJS.WriteStream, env: NodeJS.ProcessEnv, json: boolean): boolean {
  return Boolean(stderr.isTTY) && !env.CI && !json;
}

/**
 * Puts the reporter together: one scrubber and one live line shared by the lines that stay
 * (`printedLines`) and the ones redrawn in place (`progressLines`).
 */
export function createReporter(options: ReporterOptions = {}): Reporter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const json = options.json ?? false;
  const interactive = isInteractive(stderr, options.env ?? process.env, json);
  const scrub = scrubberFor(options.secrets ?? []);
  const live = createLiveLine(stderr, scrub.line);
  return {
    json,
    interactive,
    ...printedLines({ json, stdout, stderr, scrub, live }),
    ...progressLines({ json, interactive, stdout, scrub, live }),
    clear: () => live.clear(),
  };
}
