import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderV1 } from '@robowrite/core';
import { startEmulator, type WriterEmulator } from '@robowrite/emulator';
import { loadConfig } from '@robowrite/sync-cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { astroBuild, copyBlog, type RunResult, siteEnv } from './support/blog-site.ts';
import { pageText } from './support/html.ts';
import {
  cliIn,
  type ProviderName,
  type ProviderProject,
  plainHeading,
  providerEnv,
  pulledEntry,
  pulledFiles,
  upstreamProvider,
} from './support/provider-project.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/**
 * Each case is the example's own provider project (examples/blog/providers/<folder>/) in a copied
 * site. WriterzRoom's two dialects share one collection folder, so the v1 case has a site of its
 * own: two `astro build`s cover the three cases.
 */
interface Case {
  name: string;
  provider: ProviderName;
  folder: 'writerzroom' | 'writer';
  dialect?: 'api' | 'v1';
  site: 'main' | 'v1';
}
const CASES: Case[] = [
  {
    name: 'WriterzRoom, api dialect',
    provider: 'writerzroom',
    folder: 'writerzroom',
    dialect: 'api',
    site: 'main',
  },
  {
    name: 'WriterzRoom, v1 dialect',
    provider: 'writerzroom',
    folder: 'writerzroom',
    dialect: 'v1',
    site: 'v1',
  },
  { name: 'Writer', provider: 'writer', folder: 'writer', site: 'main' },
];

interface Pulled {
  /** The file `generate --wait` wrote, and the draft it holds. */
  file: string;
  slug: string;
  itemId: string;
}

// One emulator per case: the v1 dialect lists every draft of its store, so a WriterzRoom
// emulator shared by both dialects would show the v1 project the api project's draft.
const emulators = new Map<string, Emulator | WriterEmulator>();
let writer: WriterEmulator;
let robowrite: Emulator;
const sites: Record<Case['site'], string> = { main: '', v1: '' };
const projects = new Map<string, ProviderProject>();
const upstream = new Map<string, ProviderV1>();
/** What each case pulled, by case name; the Writer retry adds `Writer (retried)`. */
const pulled = new Map<string, Pulled>();
/** The job each case's forced failure started, by case name. */
const failedJobs = new Map<string, string>();
const builds: Partial<Record<Case['site'], RunResult>> = {};

const emulatorOf = (c: Case) => emulators.get(c.name) as Emulator | WriterEmulator;
const projectOf = (c: Case) => projects.get(c.name) as ProviderProject;
const upstreamOf = (c: Case) => upstream.get(c.name) as ProviderV1;

/** Waits for the job's outcome as the API reports it (no fixed sleep: the emulator decides). */
async function outcomeOf(c: Case, jobId: string, outcome: 'landed' | 'failed'): Promise<void> {
  await vi.waitFor(
    async () => expect((await upstreamOf(c).retrieveJob(jobId)).outcome).toBe(outcome),
    { timeout: 30_000, interval: 50 },
  );
}

beforeAll(async () => {
  const options = { port: 0, jobDurationMs: 150, rateLimit: false } as const;
  writer = await startEmulator({ provider: 'writer', ...options });
  for (const c of CASES) {
    emulators.set(
      c.name,
      c.provider === 'writer'
        ? writer
        : await startEmulator({ provider: 'writerzroom', ...options }),
    );
  }
  robowrite = await startEmulator(options);
  sites.main = await copyBlog();
  sites.v1 = await copyBlog();
  for (const c of CASES) {
    const emu = emulatorOf(c);
    const project = {
      root: join(sites[c.site], 'providers', c.folder),
      env: providerEnv(c.provider, emu),
    };
    projects.set(c.name, project);
    upstream.set(
      c.name,
      upstreamProvider(c.provider, emu, {
        dialect: c.dialect,
        applicationId: writer.applicationId,
      }),
    );
  }
  // The example speaks the api dialect; the v1 site's project is initialised for v1 instead.
  const v1 = projectOf(CASES[1] as Case);
  const init = await cliIn(v1, [
    'init',
    '--yes',
    '--force',
    '--provider',
    'writerzroom',
    '--dialect',
    'v1',
    '--template',
    'blog_article_generator',
    '--style-profile',
    'general_blog',
    '--out',
    'posts',
  ]);
  if (init.code !== 0) throw new Error(`init for v1 failed: ${init.stderr}`);
});

afterAll(async () => {
  await Promise.all([...upstream.values()].map((provider) => provider.close()));
  const running = new Set([...emulators.values(), robowrite]);
  await Promise.all([...running].map((emu) => emu?.close()));
  for (const site of Object.values(sites)) {
    if (site) await rm(site, { recursive: true, force: true });
  }
});

describe.each(CASES)('examples/blog, $name: generate, wait, pull', (c) => {
  it('the project config the CLI reads names the provider, its dialect or application, and posts/', async () => {
    const { config } = await loadConfig(projectOf(c).root);
    expect(config.provider).toBe(c.provider);
    expect(config.outDir).toBe('posts');
    if (c.dialect) expect(config.writerzroom.dialect).toBe(c.dialect);
    else expect(config.writer.applicationIds).toEqual([writer.applicationId]);
  });

  it('generate --wait writes the draft into posts/', async () => {
    const run = await cliIn(projectOf(c), [
      'generate',
      '--topic',
      'Remote work productivity',
      '--wait',
      '--interval',
      '50',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      itemId: string;
      pull: { counts: Record<string, number> };
    };
    expect(result.pull.counts).toMatchObject({ create: 1, update: 0, delete: 0, conflict: 0 });
    const files = [...(await pulledFiles(projectOf(c))).keys()];
    expect(files).toHaveLength(1);
    const entry = await pulledEntry(projectOf(c), files[0] as string);
    expect(entry.provider).toBe(c.provider);
    expect(entry.itemId).toBe(result.itemId);
    pulled.set(c.name, { file: files[0] as string, ...entry });
  });

  it('a re-pull writes nothing: no count, every file byte for byte and untouched', async () => {
    const before = await pulledFiles(projectOf(c));
    for (let round = 0; round < 2; round += 1) {
      const run = await cliIn(projectOf(c), ['pull', '--json']);
      expect(run.code).toBe(0);
      const { counts } = JSON.parse(run.stdout) as { counts: Record<string, number> };
      expect(counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
    }
    expect(await pulledFiles(projectOf(c))).toEqual(before);
  });

  it('a failed generation is reported in one line naming the job, exit 1, and writes nothing', async () => {
    const before = await pulledFiles(projectOf(c));
    emulatorOf(c).queueJobOutcomes('failed');
    const started = await cliIn(projectOf(c), ['generate', '--topic', 'Hybrid teams', '--json']);
    expect(started.code).toBe(0);
    const { jobId } = JSON.parse(started.stdout) as { jobId: string };
    await outcomeOf(c, jobId, 'failed');

    const run = await cliIn(projectOf(c), ['pull']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(jobId);
    expect(lines[0]).toMatch(/failed/);
    expect(await pulledFiles(projectOf(c))).toEqual(before);
    failedJobs.set(c.name, jobId);
  });

  if (c.provider === 'writer') {
    it('the failed job is retried, and the next pull collects its draft', async () => {
      const jobId = failedJobs.get(c.name) as string;
      const retried = await cliIn(projectOf(c), ['retry', jobId]);
      expect(retried.stderr).toBe('');
      expect(retried.code).toBe(0);
      await outcomeOf(c, jobId, 'landed');

      const before = await pulledFiles(projectOf(c));
      const run = await cliIn(projectOf(c), ['pull', '--json']);
      expect(run.code).toBe(0);
      const { counts } = JSON.parse(run.stdout) as { counts: Record<string, number> };
      expect(counts).toMatchObject({ create: 1, update: 0, delete: 0, conflict: 0 });
      const added = [...(await pulledFiles(projectOf(c))).keys()].filter((f) => !before.has(f));
      expect(added).toHaveLength(1);
      const entry = await pulledEntry(projectOf(c), added[0] as string);
      expect(entry.itemId).toBe(jobId);
      pulled.set('Writer (retried)', { file: added[0] as string, ...entry });
    });
  }
});

describe('examples/blog with WriterzRoom and Writer drafts: astro build', () => {
  const page = (site: string, path: string) =>
    readFile(join(site, 'dist/client', path, 'index.html'), 'utf8');

  beforeAll(async () => {
    // The RoboWrite half of the site (the `api` loader) reads its own emulator.
    const env = siteEnv(robowrite);
    builds.main = await astroBuild(sites.main, env);
    builds.v1 = await astroBuild(sites.v1, env);
  });

  // Empty pulled folders build quietly too: both sites' src/content/robowrite/ and the v1 site's
  // providers/writer/posts/ hold no draft.
  it('both sites build without a warning or an error, empty folders included', () => {
    for (const build of [builds.main, builds.v1]) {
      expect(build?.code, build?.output).toBe(0);
      expect(build?.output).not.toMatch(/\[WARN\]|error/i);
    }
  });

  it.each(CASES)('$name: the page shows the title and body the provider serves', async (c) => {
    const entry = pulled.get(c.name) as Pulled;
    const draft = await upstreamOf(c).retrieveDraft(entry.itemId);
    if (!draft) throw new Error(`${c.name}: ${entry.itemId} holds no draft upstream`);
    const html = await page(sites[c.site], `${c.folder}/${entry.slug}`);
    const text = pageText(html);
    expect(text).toContain(draft.title);
    expect(html).toContain(`<h2 id="`);
    expect(text).toContain(plainHeading(draft));
    expect(text).toContain(
      `${c.provider === 'writer' ? 'Writer' : 'WriterzRoom'}, synced into git`,
    );
    // The index lists it under its provider.
    const index = await page(sites[c.site], '');
    expect(index).toContain(`href="/${c.folder}/${entry.slug}/"`);
  });

  it('Writer: the retried job has its page too', async () => {
    const entry = pulled.get('Writer (retried)') as Pulled;
    const writerCase = CASES[2] as Case;
    const draft = await upstreamOf(writerCase).retrieveDraft(entry.itemId);
    if (!draft) throw new Error(`the retried job ${entry.itemId} holds no draft`);
    const text = pageText(await page(sites.main, `writer/${entry.slug}`));
    expect(text).toContain(draft.title);
    expect(text).toContain(plainHeading(draft));
  });
});
