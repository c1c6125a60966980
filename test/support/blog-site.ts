import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The example site in the repository, copied for each test so builds never touch it. */
export const BLOG_DIR = resolve(import.meta.dirname, '../../examples/blog');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.robowrite']);

/**
 * A private copy of examples/blog in a temp dir. Its `node_modules` is a real folder of symlinks
 * to the example's dependencies, so Astro's cache (`node_modules/.astro`) lands in the copy too.
 */
export async function copyBlog(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'robowrite-blog-'));
  await cp(BLOG_DIR, root, {
    recursive: true,
    filter: (source) => {
      const relative = source.slice(BLOG_DIR.length + 1);
      if (SKIP.has(relative.split('/')[0] ?? '')) return false;
      // Drafts a demo run synced into the example, and the sync state of its provider projects
      // (providers/<name>/), are not part of the site under test.
      if (/^providers\/[^/]+\/\.robowrite(\/|$)/.test(relative)) return false;
      const synced =
        relative.startsWith('src/content/robowrite/') ||
        /^providers\/[^/]+\/posts\//.test(relative);
      return !(synced && relative.endsWith('.md'));
    },
  });
  await mkdir(join(root, 'node_modules'));
  for (const name of await readdir(join(BLOG_DIR, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    await symlink(join(BLOG_DIR, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

export interface RunResult {
  code: number | null;
  output: string;
}

/** Environment for a build or a server: the emulator's key and URL, no telemetry, no colour. */
export function siteEnv(api: { url: string; apiKey: string }): NodeJS.ProcessEnv {
  // Without the test runner's own variables (VITEST, NODE_ENV=test...): Astro and Vite change
  // behaviour under them, and the site should run as it does for a user.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
  return {
    ...inherited,
    ROBOWRITE_API_KEY: api.apiKey,
    ROBOWRITE_BASE_URL: api.url,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/** `astro build` in a real process, the way a user (or CI) runs it. */
export function astroBuild(root: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Every file under `dir` (recursively) whose contents include `needle`. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/** The built site's standalone Node server (static pages plus the on-demand preview). */
export async function serveBuiltSite(root: string, env: NodeJS.ProcessEnv): Promise<SiteServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/server/entry.mjs')], {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`:${port}`)) ready();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('close', (code) => fail(new Error(`site server exited (${code}): ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        child.removeAllListeners('close');
        child.on('close', () => done());
        child.kill('SIGTERM');
      }),
  };
}
