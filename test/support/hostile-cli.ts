import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const CLI_BIN = resolve(import.meta.dirname, '../../packages/sync-cli/src/bin.ts');

/**
 * How long one `robowrite pull` against the hostile server may take: generous, since the machine
 * is shared and the run pages and retrieves every case, yet far below the minutes an endless list
 * paged at the rate limit would run (issue 10 #6).
 */
export const PULL_BOUND_MS = 60_000;

export interface BoundedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The run was still going at the bound and was killed: a hang. */
  hung: boolean;
}

/**
 * The real `robowrite` bin, killed (SIGKILL) if it runs past `boundMs`, so a hang fails the
 * assertion that names it instead of leaving a process behind. Never throws for an exit code.
 */
export function boundedCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  boundMs = PULL_BOUND_MS,
): Promise<BoundedRun> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { env, maxBuffer: 64 << 20, timeout: boundMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const hung = child.signalCode === 'SIGKILL';
        if (error && typeof error.code !== 'number' && !hung) fail(error);
        else done({ code: child.exitCode, stdout, stderr, hung });
      },
    );
  });
}
