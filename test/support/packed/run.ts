import { spawn } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved, as a user would see them. */
  output: string;
  stdout: string;
}

/**
 * What pnpm exports to the scripts it runs (`pnpm test`). Not the user's own npm configuration:
 * NPM_CONFIG_REGISTRY and friends pass through, so a mirror set in CI still applies.
 */
const PACKAGE_MANAGER_SCRIPT_VARIABLES =
  /^(npm_(lifecycle_|package_|command$|execpath$|node_execpath$)|npm_config_(user_agent|verify_deps_before_run)$|pnpm_)/i;

/**
 * The environment of a user's shell: without the test runner's variables (Astro and Vite behave
 * differently under VITEST or NODE_ENV=test) and without what pnpm exports to its scripts (a
 * child npm would read pnpm's user agent and settings as its own).
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('VITEST') &&
        !PACKAGE_MANAGER_SCRIPT_VARIABLES.test(name) &&
        name !== 'NODE_ENV' &&
        name !== 'TEST',
    ),
  );
  return {
    ...inherited,
    // The bins start with `#!/usr/bin/env node`: the Node running the tests answers to that name.
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: '1',
    ...extra,
  };
}

/** Runs a command to completion and keeps what it printed; never throws on a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 120_000,
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, stdout }));
  });
}
