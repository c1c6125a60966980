import { scrubDeep, scrubText } from '@robowrite/core';
import pc from 'picocolors';

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

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createReporter(options: ReporterOptions = {}): Reporter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const json = options.json ?? false;
  const interactive = Boolean(stderr.isTTY) && !env.CI && !json;
  const secrets = options.secrets ?? [];
  const redact = (text: string) => scrubText(text, secrets);
  let live = false;
  let frame = 0;
  let lastPlain = '';

  const clear = () => {
    if (live) {
      stderr.write('\r\x1b[2K');
      live = false;
    }
  };
  /** `prefix` is ours (spinner, bar) and counted as `width` columns it takes on screen. */
  const draw = (prefix: string, width: number, text: string) => {
    const room = Math.max(0, (stderr.columns || 80) - 1 - width);
    stderr.write(`\r\x1b[2K${prefix}${redact(text).slice(0, room)}`);
    live = true;
  };
  return {
    json,
    interactive,
    line(text, label = '') {
      if (json) return;
      clear();
      stdout.write(`${label}${redact(text)}\n`);
    },
    block(text) {
      if (json) return;
      clear();
      stdout.write(`${scrubText(text, secrets, { keepNewlines: true })}\n`);
    },
    warn(text) {
      clear();
      stderr.write(`${pc.yellow('warning')} ${redact(text)}\n`);
    },
    error(text) {
      clear();
      stderr.write(`${pc.red('error')} ${redact(text)}\n`);
    },
    status(text) {
      if (json) return;
      if (interactive) {
        draw(`${pc.cyan(SPINNER[frame++ % SPINNER.length] ?? '')} `, 2, text);
      } else if (text !== lastPlain) {
        lastPlain = text;
        stdout.write(`${redact(text)}\n`);
      }
    },
    progress(done, total, label) {
      if (json || !interactive || total === 0) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      draw(
        `${pc.cyan('█'.repeat(filled))}${pc.dim('░'.repeat(width - filled))} `,
        width + 1,
        `${done}/${total} ${label}`,
      );
      if (done >= total) clear();
    },
    clear,
    document(value, pretty = true) {
      clear();
      stdout.write(`${JSON.stringify(scrubDeep(value, secrets), null, pretty ? 2 : undefined)}\n`);
    },
  };
}
