import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const CLI_BIN = resolve(import.meta.dirname, '../../packages/sync-cli/src/bin.ts');

/**
 * `robowrite pull` in a real process, into the site's `src/content/robowrite/`: the files the
 * `synced` collection reads, written by the CLI itself.
 */
export async function cliPull(
  siteRoot: string,
  env: NodeJS.ProcessEnv,
  statuses: readonly string[],
): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI_BIN, 'pull', '--cwd', siteRoot, '--status', statuses.join(',')],
    { env },
  );
  return stdout;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real `robowrite` bin with any arguments; resolves with its exit code, never throws. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
