import pc from 'picocolors';

/** Our own coloured prefixes of a live line, with the columns each takes on screen. */
export interface LivePrefix {
  text: string;
  width: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const BAR_WIDTH = 24;

/** The spinner's `frame`th picture and a space. */
export function spinnerPrefix(frame: number): LivePrefix {
  return { text: `${pc.cyan(SPINNER[frame % SPINNER.length] ?? '')} `, width: 2 };
}

/** A bar `done / total` full, and a space. */
export function progressBarPrefix(done: number, total: number): LivePrefix {
  const filled = Math.round((done / total) * BAR_WIDTH);
  return {
    text: `${pc.cyan('█'.repeat(filled))}${pc.dim('░'.repeat(BAR_WIDTH - filled))} `,
    width: BAR_WIDTH + 1,
  };
}
