/**
 * The demo's build step: `astro build` of examples/blog with its log kept back, told as a few
 * lines of our own. Astro's warnings and the loader's own lines pass through as they are; on a
 * failure the whole log is printed.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface SiteBuild {
  code: number | null;
  /** Everything astro printed, colours off. */
  log: string;
}

/** Runs `astro build` in `blogRoot` as a child process (the emulator answers from this one). */
export function buildSite(blogRoot: string, env: NodeJS.ProcessEnv): Promise<SiteBuild> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(blogRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: blogRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, log }));
  });
}

/** The lines worth passing on: the loader's own report and any warning, without timestamps. */
export function notableLines(log: string): string[] {
  const strip = (line: string) => line.replace(/^\d\d:\d\d:\d\d /, '');
  return log
    .split('\n')
    .map(strip)
    .filter((line) => line.startsWith('[robowrite]') || /\[WARN\]|\bwarn(ing)?\b/i.test(line));
}

/** Prerendered pages per top-level folder of dist/client ('' for the index itself). */
export async function prerenderedPages(clientDir: string): Promise<Map<string, number>> {
  const pages = new Map<string, number>();
  for (const entry of await readdir(clientDir, { recursive: true })) {
    if (!entry.endsWith('index.html')) continue;
    const top = entry.includes('/') ? (entry.split('/')[0] ?? '') : '';
    pages.set(top, (pages.get(top) ?? 0) + 1);
  }
  return pages;
}

/** "13 pages: 6 under /synced/, 6 under /api/, the index" */
export function describePages(pages: Map<string, number>, clientDir: string): string {
  const total = [...pages.values()].reduce((sum, n) => sum + n, 0);
  const parts = [...pages].filter(([top]) => top !== '').map(([top, n]) => `${n} under /${top}/`);
  if (pages.has('')) parts.push('the index');
  return `${total} pages prerendered into ${clientDir}/: ${parts.join(', ')}`;
}

export const clientDirOf = (blogRoot: string): string => join(blogRoot, 'dist/client');
