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
