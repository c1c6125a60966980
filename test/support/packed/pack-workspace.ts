import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runCommand, userEnv } from './run.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const PACKAGES_DIR = join(REPO_ROOT, 'packages');

export interface PackedPackage {
  name: string;
  /** The package's folder in the workspace. */
  dir: string;
  /** Absolute path of the .tgz. */
  tarball: string;
}

/** Every package under packages/ that is not private: what `changeset publish` releases. */
export async function publishablePackages(): Promise<{ name: string; dir: string }[]> {
  const found: { name: string; dir: string }[] = [];
  for (const entry of await readdir(PACKAGES_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(PACKAGES_DIR, entry.name);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      private?: boolean;
    };
    if (!manifest.private) found.push({ name: manifest.name, dir });
  }
  return found;
}

/**
 * `pnpm pack` in each publishable package, into `destination`. changesets publishes exactly this
 * (`pnpm pack`, then `pnpm publish <tarball>`): prepack builds dist/, and pnpm applies
 * publishConfig and rewrites `workspace:` ranges to versions.
 */
export async function packPublishable(destination: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const pkg of await publishablePackages()) {
    const out = join(destination, pkg.name.replace('@', '').replace('/', '-'));
    await mkdir(out, { recursive: true });
    const result = await runCommand('pnpm', ['pack', '--pack-destination', out], {
      cwd: pkg.dir,
      env: userEnv(),
    });
    if (result.code !== 0) throw new Error(`pnpm pack failed in ${pkg.dir}:\n${result.output}`);
    const tarballs = (await readdir(out)).filter((file) => file.endsWith('.tgz'));
    if (tarballs.length !== 1) throw new Error(`expected one tarball in ${out}, got ${tarballs}`);
    packed.push({ ...pkg, tarball: join(out, tarballs[0] as string) });
  }
  return packed;
}
