import { spawn } from 'node:child_process';
import { peakRssMB } from './peak-rss.ts';

const MARK = 'BENCH_RESULT ';

/** What every measured child reports about itself: its own wall time, peak RSS and CPU time. */
export interface Measured {
  wallMs: number;
  maxRssMB: number;
  /** User + system CPU time of the whole child (start-up included). */
  cpuMs: number;
}

/**
 * Called by a child script as its last act. `peakRssMB` is the child's own peak resident set
 * (not the bench's RSS it inherits through `maxRSS`), so each build or pull is measured alone, not
 * mixed with the parent's emulator or the other runs.
 */
export function reportResult(result: { wallMs: number } & Record<string, unknown>): void {
  const usage = process.resourceUsage();
  const maxRssMB = peakRssMB();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`\n${MARK}${JSON.stringify({ ...result, maxRssMB, cpuMs })}\n`);
}

/** A script to run with the Node flags it always takes (see benchmarks/paths.ts). */
export interface ChildScript {
  script: string;
  nodeArgs: readonly string[];
}

/** Runs `node <flags> <script> ...args` and resolves to the result line it reported. */
export function runChild<T extends object>(
  target: string | ChildScript,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<T & Measured> {
  const { script, nodeArgs } =
    typeof target === 'string' ? { script: target, nodeArgs: [] } : target;
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
