/**
 * V8's heap, tuned for the commands that read thousands of drafts in one process.
 *
 * A pull allocates fast and keeps a little alive across each young-generation GC (drafts in
 * flight, a batch being written). Under V8's defaults that costs far more than it holds (live
 * heap about 40 MB at 9 000 of 10 000 items, from a heap snapshot):
 * - V8 grows the young generation whenever enough has survived since it last grew, so a long
 *   pull always ends at the default maximum, 128 MB committed;
 * - what a young GC promotes dies in the old generation and waits there for a full GC, with the
 *   response Buffers it holds in external memory; V8 lets the old generation grow to up to 4 x
 *   what survived the last full GC before it runs another.
 * Measured on a cold pull of 10 000 items (same machine, paired runs): 319-339 MB peak RSS under
 * the defaults; 193-257 MB with the young generation capped alone; 159-169 MB with both flags
 * below (132-146 MB at 1 000 items). The price is a little more GC: in three alternating pairs,
 * medians of 12.3 s wall and 15.1 s CPU against 11.9 s and 14.0 s, within the machine's noise
 * (single runs ranged 9.3-13.6 s). V8 reads both when a process starts:
 * `v8.setFlagsFromString` cannot change the cap later, and a worker thread's `resourceLimits`
 * pays for a second copy of every module (237-264 MB). So the bin replaces itself, before it
 * loads anything, with the same command under these flags: `process.execve` keeps the process
 * id, stdio and environment, and leaves no parent process behind.
 *
 * Skipped (the process runs as it is) where Node has no `execve` (Windows), when the user chose
 * either flag (on the command line or in `NODE_OPTIONS`: theirs win), and under an inspector,
 * whose session an exec would cut.
 */

/** MB per semi-space (V8 keeps two, so the young generation commits twice this). */
export const PULL_SEMI_SPACE_MB = 8;

/** The old generation's limit after a full GC: what survived it, plus this percentage. */
export const PULL_HEAP_GROWING_PERCENT = 30;

/** Node's flags as the bin passes them; the bench runs its pull child with the same. */
export const PULL_NODE_FLAGS: readonly string[] = [
  `--max-semi-space-size=${PULL_SEMI_SPACE_MB}`,
  `--heap-growing-percent=${PULL_HEAP_GROWING_PERCENT}`,
];

/** Commands that handle every draft of a site in one process. */
const TUNED_COMMANDS = new Set(['pull']);

/** Node flags that mean the user chose these settings, or debugs the process: left as they are. */
const LEFT_TO_THE_USER = /^--(max[-_]semi[-_]space[-_]size|heap[-_]growing[-_]percent|inspect)/;

/** Global options that take a value, so the command is found after them. */
const VALUE_OPTIONS = new Set(['-C', '--cwd']);

/** The command a `robowrite` argv runs (`robowrite -C site pull` -> `pull`), or null. */
export function commandOf(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

interface ProcessView {
  argv: readonly string[];
  execArgv: readonly string[];
  env: NodeJS.ProcessEnv;
  execve?: ((file: string, args?: readonly string[], env?: NodeJS.ProcessEnv) => never) | undefined;
}

/**
 * The argv the bin should replace itself with, or null to run as it is. Pure, so each case is
 * tested without replacing the test's own process.
 */
export function pullArgv(proc: ProcessView, execPath: string): string[] | null {
  if (typeof proc.execve !== 'function') return null;
  if (!TUNED_COMMANDS.has(commandOf(proc.argv.slice(2)) ?? '')) return null;
  const flags = [...proc.execArgv, ...(proc.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (flags.some((flag) => LEFT_TO_THE_USER.test(flag))) return null;
  return [execPath, ...proc.execArgv, ...PULL_NODE_FLAGS, ...proc.argv.slice(1)];
}

/** Replaces this process with the same command under the flags, when `pullArgv` says so. */
export function execWithPullHeapFlags(): void {
  const argv = pullArgv(process, process.execPath);
  if (argv === null) return;
  try {
    process.execve?.(process.execPath, argv, process.env);
  } catch {
    // A failed exec leaves this process as it was (Node >= 24.x throws instead of aborting):
    // run under V8's defaults rather than not at all.
  }
}
