import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { peakRssReporter } from './peak-rss.ts';

const RSS_MARK = '@bench-rss ';
/**
 * Preloaded into both sides of a pair: at exit the process writes its own peak RSS to stderr.
 * The same few lines run in `node -e 0` and in the CLI, so the ratio is not skewed by them.
 */
const RSS_REPORTER = peakRssReporter(RSS_MARK);

export interface StartUp {
  wallMs: number;
  maxRssMB: number;
  code: number | null;
  stdout: string;
}

/** Runs `node <args>` once: wall time seen from here (spawn to exit), peak RSS from the child. */
export function timeStartUp(args: readonly string[], cwd: string): Promise<StartUp> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_REPORTER, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const line = stderr.split('\n').find((l) => l.startsWith(RSS_MARK));
      if (!line) {
        reject(new Error(`node ${args.join(' ')} reported no RSS (exit ${code}): ${stderr}`));
        return;
      }
      resolve({ wallMs, maxRssMB: Number(line.slice(RSS_MARK.length)), code, stdout });
    });
  });
}
