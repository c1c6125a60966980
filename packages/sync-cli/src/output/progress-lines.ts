import { progressBarPrefix, spinnerPrefix } from './live-art.ts';
import type { LiveLine } from './live-line.ts';
import type { Reporter } from './reporter.ts';
import type { Scrubber } from './scrubber.ts';

export interface ProgressLinesOptions {
  json: boolean;
  interactive: boolean;
  stdout: NodeJS.WriteStream;
  scrub: Scrubber;
  live: LiveLine;
}

/**
 * What is in progress: on a terminal a spinner and a bar redrawn in place; otherwise a status
 * printed once each time it changes, and no bar (a log would fill with them). Nothing with
 * `--json`.
 */
export function progressLines(
  options: ProgressLinesOptions,
): Pick<Reporter, 'status' | 'progress'> {
  const { json, interactive, stdout, scrub, live } = options;
  let frame = 0;
  let lastPlain = '';
  return {
    status(text) {
      if (json) return;
      if (interactive) {
        const spinner = spinnerPrefix(frame++);
        live.draw(spinner.text, spinner.width, text);
      } else if (text !== lastPlain) {
        lastPlain = text;
        stdout.write(`${scrub.line(text)}\n`);
      }
    },
    progress(done, total, label) {
      if (json || !interactive || total === 0) return;
      const bar = progressBarPrefix(done, total);
      live.draw(bar.text, bar.width, `${done}/${total} ${label}`);
      if (done >= total) live.clear();
    },
  };
}
