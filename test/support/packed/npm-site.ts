import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackedPackage } from './pack-workspace.ts';
import { runCommand, userEnv } from './run.ts';

/**
 * Fails with one line when npm cannot reach its registry: the packed-package test installs astro
 * from it, and a silent skip would hide that the packages were never checked.
 */
export async function assertRegistryReachable(cwd: string, astroVersion: string): Promise<void> {
  const registry = (await runCommand('npm', ['config', 'get', 'registry'], { cwd })).stdout.trim();
  const probe = await runCommand(
    'npm',
    ['view', `astro@${astroVersion}`, 'version', '--fetch-retries', '1'],
    { cwd, timeoutMs: 90_000 },
  );
  if (probe.code !== 0 || probe.stdout.trim() !== astroVersion) {
    const reason =
      probe.code === null
        ? 'no answer within 90 s'
        : (probe.output.split('\n').find((line) => line.trim()) ?? `exit ${probe.code}`);
    throw new Error(`npm cannot reach the registry ${registry}: ${reason.trim()}`);
  }
}

/**
 * A new Astro site, the way a user starts one: a package.json with astro and the packed tarballs
 * as `file:` dependencies, installed by npm (not pnpm: nothing of the workspace may leak in).
 */
export async function createNpmSite(
  root: string,
  packed: readonly PackedPackage[],
  astroVersion: string,
): Promise<void> {
  await mkdir(root, { recursive: true });
  const dependencies: Record<string, string> = { astro: astroVersion };
  for (const pkg of packed) dependencies[pkg.name] = `file:${pkg.tarball}`;
  const manifest = {
    name: 'robowrite-packed-site',
    version: '1.0.0',
    private: true,
    type: 'module',
    scripts: { build: 'astro build' },
    dependencies,
  };
  await writeFile(join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = await runCommand('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    env: userEnv(),
    timeoutMs: 300_000,
  });
  if (install.code !== 0) throw new Error(`npm install failed in ${root}:\n${install.output}`);
}
