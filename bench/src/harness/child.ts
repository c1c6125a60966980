import { spawn } from 'node:child_process';

const MARK = 'BENCH_RESULT ';

/** What every measured child reports about itself: its own wall time and peak RSS. */
export interface Measured {
  wallMs: number;
  maxRssMB: number;
}

/**
 * Called by a child script as its last act. `maxRSS` is the child's own peak resident set
 * (kilobytes on Linux), so each build or pull is measured alone, not mixed with the parent's
 * emulator or the other runs.
 */
export function reportResult(result: { wallMs: number } & Record<string, unknown>): void {
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${MARK}${JSON.stringify({ ...result, maxRssMB })}\n`);
}

/** Runs `node <script> ...args` and resolves to the result line it reported. */
export function runChild<T extends object>(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<T & Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) {
        const tail = `${err}\n${out}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${script} exited with ${code}:\n${tail}`));
        return;
      }
      resolve(JSON.parse(line.slice(MARK.length)) as T & Measured);
    });
  });
}
