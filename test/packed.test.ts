import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { astroBuild, type RunResult } from './support/blog-site.ts';
import { pageText } from './support/html.ts';
import { type EmulatorProcess, startEmulatorBin } from './support/packed/emulator-bin.ts';
import { assertRegistryReachable, createNpmSite } from './support/packed/npm-site.ts';
import { OLD_NODE_VERSION, oldNode } from './support/packed/old-node.ts';
import { type PackedPackage, packPublishable } from './support/packed/pack-workspace.ts';
import { attwProblems, publintProblems } from './support/packed/package-checks.ts';
import { type CommandResult, runCommand, userEnv } from './support/packed/run.ts';
import { writeSiteFiles } from './support/packed/site-files.ts';
import { brokenSourceMapLinks } from './support/packed/source-maps.ts';

// The Astro the example site and the other e2e tests use: the packages are tested on it.
const testManifest = JSON.parse(
  await readFile(join(import.meta.dirname, 'package.json'), 'utf8'),
) as { devDependencies: Record<string, string> };
const ASTRO_VERSION = testManifest.devDependencies.astro as string;

const NPM_REFUSAL =
  'publish with pnpm: `pnpm release` (changesets) — npm does not rewrite workspace: ranges or publishConfig';

/** One entry per package, so a failure names the package: `{ '@robowrite/core': [...] }`. */
async function perPackage<T>(
  packages: readonly PackedPackage[],
  check: (pkg: PackedPackage) => Promise<T>,
): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  for (const pkg of packages) results[pkg.name] = await check(pkg);
  return results;
}

interface Manifest {
  exports?: unknown;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  repository?: { url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  keywords?: string[];
  license?: string;
}

let work: string;
let packed: PackedPackage[];

// Pack once for the whole file: every check below reads these tarballs.
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'robowrite-packed-'));
  packed = await packPublishable(join(work, 'tarballs'));
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('pnpm pack: the tarballs changeset publish ships', () => {
  const unpacked = (pkg: PackedPackage) => join(work, 'unpacked', pkg.name, 'package');

  beforeAll(async () => {
    for (const pkg of packed) {
      const into = join(work, 'unpacked', pkg.name);
      await rm(into, { recursive: true, force: true });
      await mkdir(into, { recursive: true });
      const untar = await runCommand('tar', ['-xzf', pkg.tarball, '-C', into], { cwd: work });
      if (untar.code !== 0) throw new Error(`tar failed on ${pkg.tarball}: ${untar.output}`);
    }
  });

  it('packs every publishable package', () => {
    expect(packed.map((pkg) => pkg.name).sort()).toEqual([
      '@robowrite/astro-loader',
      '@robowrite/core',
      '@robowrite/emulator',
      '@robowrite/sync-cli',
    ]);
  });

  it('ships manifests that point at dist/, with versions instead of workspace: ranges', async () => {
    const manifests = await perPackage(packed, async (pkg) => {
      const manifest = JSON.parse(
        await readFile(join(unpacked(pkg), 'package.json'), 'utf8'),
      ) as Manifest;
      const targets = [JSON.stringify(manifest.exports), ...Object.values(manifest.bin ?? {})];
      const ranges = [
        manifest.dependencies,
        manifest.devDependencies,
        manifest.peerDependencies,
      ].flatMap((deps) => Object.values(deps ?? {}));
      return {
        srcTargets: targets.filter((target) => target.includes('src/')),
        workspaceRanges: ranges.filter((range) => range.startsWith('workspace:')),
        license: manifest.license,
        repository: manifest.repository?.url,
        directory: manifest.repository?.directory,
        homepage: manifest.homepage?.startsWith('https://github.com/robowrite/robowrite/'),
        bugs: manifest.bugs?.url,
        keywords: (manifest.keywords?.length ?? 0) > 0,
      };
    });
    for (const pkg of packed) {
      expect(manifests[pkg.name]).toEqual({
        srcTargets: [],
        workspaceRanges: [],
        license: 'MIT',
        repository: 'git+https://github.com/robowrite/robowrite.git',
        directory: `packages/${pkg.dir.split('/').pop()}`,
        homepage: true,
        bugs: 'https://github.com/robowrite/robowrite/issues',
        keywords: true,
      });
    }
  });

  it('declares as Astro peer range only the major every test runs on (issue 9 #6)', async () => {
    // Astro 6 was dropped untested (its dev refresh empties glob collections): a range that
    // admits a major again must come with tests that install it.
    const peers = await perPackage(packed, async (pkg) => {
      const manifest = JSON.parse(
        await readFile(join(unpacked(pkg), 'package.json'), 'utf8'),
      ) as Manifest;
      return manifest.peerDependencies?.astro ?? null;
    });
    const testedMajor = ASTRO_VERSION.split('.')[0];
    expect(peers).toEqual({
      '@robowrite/astro-loader': `^${testedMajor}`,
      '@robowrite/core': null,
      '@robowrite/emulator': null,
      '@robowrite/sync-cli': null,
    });
  });

  it('ships dist/, the README and the MIT LICENSE, and no sources or tests', async () => {
    const contents = await perPackage(packed, async (pkg) => {
      const files = await readdir(unpacked(pkg), { recursive: true });
      const license = await readFile(join(unpacked(pkg), 'LICENSE'), 'utf8');
      return {
        // npm adds a CHANGELOG.md on its own once `changeset version` has written one.
        topLevel: [...new Set(files.map((file) => file.split('/')[0]))]
          .filter((name) => name !== 'CHANGELOG.md')
          .sort(),
        mit: license.startsWith('MIT License') && license.includes('the robowrite authors'),
        typescriptSources: files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
      };
    });
    for (const pkg of packed) {
      expect(contents[pkg.name]).toEqual({
        topLevel: ['LICENSE', 'README.md', 'dist', 'package.json'],
        mit: true,
        typescriptSources: [],
      });
    }
  });

  it('has no source map that points at a file the tarball lacks', async () => {
    const broken = await perPackage(packed, (pkg) => brokenSourceMapLinks(unpacked(pkg)));
    const maps = await perPackage(packed, async (pkg) =>
      (await readdir(join(unpacked(pkg), 'dist'), { recursive: true })).filter((file) =>
        file.endsWith('.js.map'),
      ),
    );
    for (const pkg of packed) {
      expect(maps[pkg.name]?.length, `${pkg.name} ships JS maps`).toBeGreaterThan(0);
      expect(broken[pkg.name]).toEqual([]);
    }
  });

  it('passes publint --strict with zero messages', async () => {
    const problems = await perPackage(packed, (pkg) => publintProblems(pkg.tarball));
    for (const pkg of packed) expect(problems[pkg.name]).toEqual([]);
  });

  it('passes attw --profile esm-only with zero problems', async () => {
    const results = await perPackage(packed, (pkg) => attwProblems(pkg.tarball));
    for (const pkg of packed) expect(results[pkg.name]).toEqual({ code: 0, problems: [] });
  });

  it('refuses a plain npm pack with one line saying how to publish', async () => {
    const core = packed.find((pkg) => pkg.name === '@robowrite/core') as PackedPackage;
    const result = await runCommand('npm', ['pack', '--dry-run'], { cwd: core.dir });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`\n${NPM_REFUSAL}\n`);
  });
});

describe('a new Astro site that installs the tarballs with npm', () => {
  let site: string;
  let emulator: EmulatorProcess | undefined;
  let init: CommandResult;
  let pull: CommandResult;
  let build: RunResult;
  /** The pulled files: name without `.md`, and the parsed frontmatter. */
  let pulled: { stem: string; text: string; frontmatter: { title?: unknown } }[];

  beforeAll(async () => {
    site = join(work, 'site');
    await assertRegistryReachable(work, ASTRO_VERSION);
    await createNpmSite(site, packed, ASTRO_VERSION);
    await writeSiteFiles(site);
    emulator = await startEmulatorBin(site);
    const api = { ROBOWRITE_BASE_URL: emulator.url, ROBOWRITE_API_KEY: emulator.apiKey };
    const robowrite = join(site, 'node_modules/.bin/robowrite');
    init = await runCommand(robowrite, ['init'], { cwd: site, env: userEnv() });
    pull = await runCommand(robowrite, ['pull'], { cwd: site, env: userEnv(api) });
    const outDir = join(site, 'src/content/robowrite');
    pulled = [];
    // A failed pull leaves no folder: its test then shows the CLI's output, not an ENOENT here.
    const written = await readdir(outDir).catch(() => [] as string[]);
    for (const file of written.filter((name) => name.endsWith('.md')).sort()) {
      const text = await readFile(join(outDir, file), 'utf8');
      const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') ?? {};
      pulled.push({ stem: file.slice(0, -'.md'.length), text, frontmatter });
    }
    build = await astroBuild(site, userEnv(api));
  }, 600_000);
  afterAll(async () => {
    await emulator?.close();
  });

  it('robowrite init writes robowrite.config.mjs and exits 0', async () => {
    expect(init.code, init.output).toBe(0);
    const config = await readFile(join(site, 'robowrite.config.mjs'), 'utf8');
    expect(config).toContain("from '@robowrite/sync-cli'");
  });

  it('robowrite pull writes every draft as Markdown with frontmatter and exits 0', () => {
    expect(pull.code, pull.output).toBe(0);
    expect(pulled.length).toBeGreaterThan(0);
    for (const file of pulled) {
      expect(file.text.startsWith('---\ntitle: ')).toBe(true);
      expect(typeof file.frontmatter.title).toBe('string');
      expect(pull.output).toContain(`${file.stem}.md`);
    }
  });

  it('astro build exits 0 with no source map warnings', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/sourcemap/i);
    expect(build.output).not.toMatch(/missing source/i);
  });

  it('builds a page per pulled file and per loaded draft, each showing the draft title', async () => {
    const apiPages = (await readdir(join(site, 'dist/api'))).sort();
    expect(apiPages).toEqual(pulled.map((file) => file.stem));
    for (const file of pulled) {
      for (const collection of ['synced', 'api']) {
        const html = await readFile(
          join(site, 'dist', collection, file.stem, 'index.html'),
          'utf8',
        );
        expect(pageText(html)).toContain(file.frontmatter.title as string);
      }
    }
  });

  it(`on Node ${OLD_NODE_VERSION} each installed bin names the Node it needs, exit 2 (issue 9)`, async () => {
    // The bins start with `#!/usr/bin/env node`: the old Node first on PATH is the one they get,
    // as on a machine whose system Node is too old. Without the check, undici crashes on import.
    const node = await oldNode();
    const env = userEnv({ PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` });
    const runs = {
      robowrite: ['--version'],
      'robowrite-emulator': ['--port', '0'],
    };
    for (const [bin, args] of Object.entries(runs)) {
      const result = await runCommand(join(site, 'node_modules/.bin', bin), args, {
        cwd: site,
        env,
      });
      expect({ code: result.code, output: result.output }).toEqual({
        code: 2,
        output: `${bin} needs Node.js >= 22.22.0 (this is ${OLD_NODE_VERSION}); see https://nodejs.org\n`,
      });
    }
  }, 300_000);

  it('installs packages whose source maps all resolve', async () => {
    for (const pkg of packed) {
      expect(await brokenSourceMapLinks(join(site, 'node_modules', pkg.name))).toEqual([]);
    }
  });
});
