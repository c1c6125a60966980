import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { robowriteSchema } from '@robowrite/core';
import { parseLikeAstro } from '@robowrite/sync-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robowriteLiveLoader, robowriteLoader } from '../src/index.ts';
import { mockContext } from './support/mock-context.ts';
import {
  generateDrafts,
  type ProviderWorld,
  writerWorld,
  writerzroomWorld,
} from './support/provider-emulators.ts';

const OUT = 'src/content/robowrite';

/** The real `robowrite` bin, as the sync-cli package declares it. */
function cliBin(): string {
  const manifest = createRequire(import.meta.url).resolve('@robowrite/sync-cli/package.json');
  return join(dirname(manifest), 'src/bin.ts');
}

/** `robowrite pull` in a real process in `root`, its provider's variables from `.env` only. */
function cliPull(root: string): Promise<{ code: number; stderr: string }> {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ROBOWRITE|WRITERZROOM|WRITER)_/.test(name)) env[name] = value;
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [cliBin(), 'pull', '--cwd', root], { env }, (error, _out, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

/** The CLI's files as Astro's `glob()` + `robowriteSchema` collection reads them: id is the slug. */
async function syncedEntries(root: string) {
  const entries = new Map<string, { data: unknown; body: string }>();
  for (const file of (await readdir(join(root, OUT))).filter((name) => name.endsWith('.md'))) {
    const { data, body } = parseLikeAstro(await readFile(join(root, OUT, file), 'utf8'));
    entries.set(String(data.slug), { data: robowriteSchema.parse(data), body });
  }
  return entries;
}

/** The config `robowrite init` would write for this world, naming the same provider settings. */
function configFor(world: ProviderWorld): string {
  const section =
    world.admin.name === 'writer'
      ? { provider: 'writer' }
      : { provider: 'writerzroom', writerzroom: { dialect: 'v1' } };
  return `export default ${JSON.stringify(section)};\n`;
}

/**
 * Issues 12 and 13: `robowriteLoader({ provider })` and the live loader load the same entries the
 * CLI writes. The CLI pulls into a project in a real process; the loaders, configured from the
 * same `.env`, must give every file's entry the same id and the same data, and the same body.
 */
describe.each([
  ['WriterzRoom v1', writerzroomWorld],
  ['Writer', writerWorld],
])('the CLI’s files and the loaders’ entries, %s', (_label, makeWorld) => {
  let world: ProviderWorld;
  let root: string;
  let synced: Map<string, { data: unknown; body: string }>;

  beforeAll(async () => {
    world = await makeWorld();
    await generateDrafts(world, ['Sourdough at scale', 'Night markets and local SEO']);
    root = await mkdtemp(join(tmpdir(), 'rw-loader-cli-'));
    const dotenv = Object.entries(world.dotenv).map(([name, value]) => `${name}=${value}\n`);
    await writeFile(join(root, '.env'), dotenv.join(''));
    await writeFile(join(root, 'robowrite.config.mjs'), configFor(world));
    const pulled = await cliPull(root);
    if (pulled.code !== 0) throw new Error(`robowrite pull failed: ${pulled.stderr}`);
    synced = await syncedEntries(root);
  });
  afterAll(async () => {
    await world?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('the build loader, reading the same .env, stores each file’s entry: same id, data and body', async () => {
    expect(synced.size).toBeGreaterThanOrEqual(2);
    const context = mockContext(undefined, { root });
    await robowriteLoader({ provider: world.admin.name as 'writer' }).load(context);
    expect([...context.entries.keys()].sort()).toEqual([...synced.keys()].sort());
    for (const [id, file] of synced) {
      const entry = context.entries.get(id);
      expect(entry?.data).toEqual(file.data);
      expect(entry?.body?.trim()).toBe(file.body.trim());
    }
  });

  it('the live loader serves the same ids and data', async () => {
    const live = robowriteLiveLoader({ ...world.options, limit: 50 });
    const collection = await live.loadCollection({ collection: 'preview', filter: {} });
    if ('error' in collection) throw collection.error;
    expect(collection.entries.map((entry) => entry.id).sort()).toEqual([...synced.keys()].sort());
    for (const entry of collection.entries) {
      expect(entry.data).toEqual(synced.get(entry.id)?.data);
    }
  });
});
