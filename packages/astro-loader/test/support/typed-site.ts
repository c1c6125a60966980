import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PACKAGE_DIR = resolve(import.meta.dirname, '../..');
const FIXTURE_DIR = join(PACKAGE_DIR, 'test/fixtures/typed-site');
const TSC = join(
  dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  'bin/tsc',
);

/**
 * A private copy of the typed-site fixture in a temp dir, with a `node_modules` that holds what a
 * site that installed the loader has: `astro` and `@robowrite/astro-loader` (this package).
 */
export async function copyTypedSite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'robowrite-typed-site-'));
  await cp(FIXTURE_DIR, root, { recursive: true });
  await mkdir(join(root, 'node_modules/@robowrite'), { recursive: true });
  await symlink(join(PACKAGE_DIR, 'node_modules/astro'), join(root, 'node_modules/astro'));
  await symlink(PACKAGE_DIR, join(root, 'node_modules/@robowrite/astro-loader'));
  return root;
}

export interface RunResult {
  code: number | null;
  output: string;
}

/** `astro sync`: runs the loaders and writes `.astro/` (the `astro:content` types). */
export function astroSync(root: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run(root, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], env);
}

/** `tsc --noEmit` over the site, with the site's own tsconfig (Astro's strict preset). */
export function typecheck(root: string): Promise<RunResult> {
  return run(root, [TSC, '-p', root, '--noEmit', '--pretty', 'false'], process.env);
}

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}
