import pc from 'picocolors';
import type { LiveLine } from './live-line.ts';
import type { Reporter } from './reporter.ts';
import type { Scrubber } from './scrubber.ts';

export interface PrintedLinesOptions {
  json: boolean;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  scrub: Scrubber;
  live: LiveLine;
}

/**
 * The lines that stay: results on stdout (none with `--json`, where only the document goes
 * there), warnings and errors on stderr. Each ends the live line first.
 */
export function printedLines(
  options: PrintedLinesOptions,
): Pick<Reporter, 'line' | 'block' | 'warn' | 'error' | 'document'> {
  const { json, stdout, stderr, scrub, live } = options;
  return {
    line(text, label = '') {
      if (json) return;
      live.clear();
      stdout.write(`${label}${scrub.line(text)}\n`);
    },
    block(text) {
      if (json) return;
      live.clear();
      stdout.write(`${scrub.block(text)}\n`);
    },
    warn(text) {
      live.clear();
      stderr.write(`${pc.yellow('warning')} ${scrub.line(text)}\n`);
    },
    error(text) {
      live.clear();
      stderr.write(`${pc.red('error')} ${scrub.line(text)}\n`);
    },
    document(value, pretty = true) {
      live.clear();
      stdout.write(`${JSON.stringify(scrub.value(value), null, pretty ? 2 : undefined)}\n`);
    },
  };
}
