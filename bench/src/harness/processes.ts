import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from './site.ts';
import { sleep } from './stats.ts';

export interface Running {
  output(): string;
  stop(): Promise<void>;
}

/** A long-running child (astro dev, pull --watch); `stop()` ends this child only, by its pid. */
export function startProcess(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Running {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await closed;
      clearTimeout(timer);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `check` every `everyMs` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => null);
    if (value !== null) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const SKIP = new Set(['node_modules', 'dist', '.astro', '.robowrite']);

/** A private copy of examples/blog (without synced drafts, builds or caches). */
export async function copyBlog(blogDir: string): Promise<string> {
  const root = await mkdtemp(join(os.tmpdir(), 'rw-bench-blog-'));
  await cp(blogDir, root, {
    recursive: true,
    filter: (source) => {
      const relative = source.slice(blogDir.length + 1);
      if (SKIP.has(relative.split('/')[0] ?? '')) return false;
      return !(relative.startsWith('src/content/robowrite/') && relative.endsWith('.md'));
    },
  });
  await linkNodeModules(root, join(blogDir, 'node_modules'));
  return root;
}
