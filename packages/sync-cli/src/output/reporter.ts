import pc from 'picocolors';

/**
 * Human output: a progress bar and a spinner on an interactive terminal, plain lines otherwise
 * (not a TTY, or `CI` set). picocolors already honours NO_COLOR / FORCE_COLOR. With `--json`
 * nothing but the final JSON document goes to stdout.
 */
export interface Reporter {
  readonly json: boolean;
  readonly interactive: boolean;
  line(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  /** Redraws one status line (TTY) or prints it when it changed (plain). */
  status(text: string): void;
  progress(done: number, total: number, label: string): void;
  /** Ends any live line. */
  clear(): void;
}

export interface ReporterOptions {
  json?: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Scrubs secrets from every line. */
  redact?: (text: string) => string;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createReporter(options: ReporterOptions = {}): Reporter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const json = options.json ?? false;
  const interactive = Boolean(stderr.isTTY) && !env.CI && !json;
  const redact = options.redact ?? ((text: string) => text);
  let live = false;
  let frame = 0;
  let lastPlain = '';

  const clear = () => {
    if (live) {
      stderr.write('\r\x1b[2K');
      live = false;
    }
  };
  const draw = (text: string) => {
    const width = stderr.columns || 80;
    stderr.write(`\r\x1b[2K${redact(text).slice(0, width - 1)}`);
    live = true;
  };
  return {
    json,
    interactive,
    line(text) {
      if (json) return;
      clear();
      stdout.write(`${redact(text)}\n`);
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
        draw(`${pc.cyan(SPINNER[frame++ % SPINNER.length] ?? '')} ${text}`);
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
        `${pc.cyan('█'.repeat(filled))}${pc.dim('░'.repeat(width - filled))} ${done}/${total} ${label}`,
      );
      if (done >= total) clear();
    },
    clear,
  };
}
