/**
 * The one line a terminal redraws in place (spinner, progress bar), on stderr. Anything else
 * printed first ends it (`clear`), so a live line never runs into a printed one.
 */
export interface LiveLine {
  /** Erases the live line, if one is drawn. */
  clear(): void;
  /**
   * Redraws it: `prefix` is ours (spinner, bar), `width` the columns it takes on screen, and
   * `text` is cut to what is left of the terminal's width.
   */
  draw(prefix: string, width: number, text: string): void;
}

export function createLiveLine(
  stderr: NodeJS.WriteStream,
  scrubLine: (text: string) => string,
): LiveLine {
  let live = false;
  return {
    clear() {
      if (live) {
        stderr.write('\r\x1b[2K');
        live = false;
      }
    },
    draw(prefix, width, text) {
      const room = Math.max(0, (stderr.columns || 80) - 1 - width);
      stderr.write(`\r\x1b[2K${prefix}${scrubLine(text).slice(0, room)}`);
      live = true;
    },
  };
}
