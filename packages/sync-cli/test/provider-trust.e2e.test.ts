import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createProvider, type ProviderV1 } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { hashText } from '../src/sync/hash.ts';
import {
  type CliResult,
  cli,
  itemIdOf,
  OUT,
  parseJson,
  project,
  type Proxy as RewritingProxy,
  rewritingProxy,
  tree,
} from './helpers.ts';

/**
 * Issue 10's guarantees on the WriterzRoom and Writer paths of the CLI (they came after the
 * issue): job errors scrubbed before they are printed or stored (#2, #10), ids from those APIs
 * confined (#5, #14), ids named like `Object.prototype` members synced (#4), and state entries
 * pointing outside the output folder never acted on (#1). Each runs the real CLI against the
 * emulator's personality, behind a loopback proxy that answers what the emulator never would.
 */

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Json = Record<string, unknown>;

interface World {
  label: string;
  provider: 'writerzroom' | 'writer';
  dialect?: 'api' | 'v1';
  /** The provider's key and base URL variables. */
  keyVariable: string;
  urlVariable: string;
  /** `robowrite init` flags for this provider. */
  initFlags: (emu: Emulator) => string[];
  /** Core's provider on the emulator itself: generates drafts upstream, as another tool would. */
  admin: (emu: Emulator) => ProviderV1;
  generationInput: (topic: string) => unknown;
  /** The route prefix whose last segment is an id (a content item or a job). */
  itemRoute: string;
}

const WZR_INIT = ['--template', 'blog_article_generator', '--style-profile', 'general_blog'];

const worlds: Record<'wzrApi' | 'wzrV1' | 'writer', World> = {
  wzrApi: {
    label: 'WriterzRoom api',
    provider: 'writerzroom',
    dialect: 'api',
    keyVariable: 'WRITERZROOM_API_KEY',
    urlVariable: 'WRITERZROOM_BASE_URL',
    initFlags: () => ['--provider', 'writerzroom', '--dialect', 'api', ...WZR_INIT],
    admin: (emu) => wzrAdmin(emu, 'api'),
    generationInput: (topic) => ({
      template: 'blog_article_generator',
      style_profile: 'general_blog',
      generation_mode: 'standard',
      dynamic_parameters: { topic, target_audience: 'site owners' },
    }),
    itemRoute: '/api/generate/status/',
  },
  wzrV1: {
    label: 'WriterzRoom v1',
    provider: 'writerzroom',
    dialect: 'v1',
    keyVariable: 'WRITERZROOM_API_KEY',
    urlVariable: 'WRITERZROOM_BASE_URL',
    initFlags: () => ['--provider', 'writerzroom', '--dialect', 'v1', ...WZR_INIT],
    admin: (emu) => wzrAdmin(emu, 'v1'),
    generationInput: (topic) => ({
      template_id: 'blog_article_generator',
      style_profile_id: 'general_blog',
      inputs: { topic, audience: 'site owners' },
    }),
    itemRoute: '/v1/content/',
  },
  writer: {
    label: 'Writer',
    provider: 'writer',
    keyVariable: 'WRITER_API_KEY',
    urlVariable: 'WRITER_BASE_URL',
    initFlags: (emu) => ['--provider', 'writer', '--app', applicationIdOf(emu)],
    admin: (emu) =>
      createProvider({
        provider: 'writer',
        apiKey: emu.apiKey,
        baseURL: emu.url,
        applicationIds: [applicationIdOf(emu)],
        rateLimit: false,
      }),
    generationInput: (topic) => ({ inputs: { topic } }),
    itemRoute: '/v1/applications/jobs/',
  },
};

function applicationIdOf(emu: Emulator): string {
  return (emu as Emulator & { applicationId: string }).applicationId;
}

function wzrAdmin(emu: Emulator, dialect: 'api' | 'v1'): ProviderV1 {
  return createProvider({
    provider: 'writerzroom',
    dialect,
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: false,
  });
}

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** What a hostile or careless API could put in a job error: the key and terminal controls. */
const hostileError = (key: string) =>
  `generation failed for key ${key}${ESC}[2J${ESC}]0;pwned${BEL}\rall synced OK \u202Etxt.exe`;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function startWorld(world: World): Promise<Emulator> {
  const emu = await startEmulator({
    provider: world.provider,
    port: 0,
    jobDurationMs: 50,
    rateLimit: false,
  } as Parameters<typeof startEmulator>[0]);
  open.push(emu);
  return emu;
}

async function proxyFor(
  emu: Emulator,
  rewrite: (body: Json) => Json,
  forward?: (url: string) => string,
): Promise<RewritingProxy> {
  const proxy = await rewritingProxy(emu, (_path, body) => rewrite(body as Json), forward);
  open.push(proxy);
  return proxy;
}

/**
 * A project for `world` whose key is only in `.env` (so scrubbing cannot lean on the
 * environment) and whose base URL is `url`.
 */
async function providerProject(world: World, emu: Emulator, url: string) {
  const dir = await project(`rw-${world.provider}-trust-`);
  await writeFile(join(dir, '.env'), `${world.keyVariable}=${emu.apiKey}\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  for (const name of Object.keys(env)) {
    if (/^(ROBOWRITE|WRITERZROOM|WRITER)_/.test(name)) delete env[name];
  }
  env[world.urlVariable] = url;
  const init = await cli(dir, ['init', '--yes', ...world.initFlags(emu)], env);
  expect(init.code, init.stderr).toBe(0);
  return { dir, env };
}

/** Polls upstream (not through the CLI) until the job has failed. */
async function untilFailed(admin: ProviderV1, jobId: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await admin.retrieveJob(jobId)).outcome === 'failed') return;
    await sleep(25);
  }
  throw new Error(`job ${jobId} never failed`);
}

/** Replaces a job error wherever the provider puts it: `error` (v1, Writer) or `data.error`. */
function withError(body: Json, error: string): Json {
  if (typeof body.error === 'string') return { ...body, error };
  const data = body.data as Json | undefined;
  if (data && typeof data.error === 'string') return { ...body, data: { ...data, error } };
  return body;
}

const printed = (results: CliResult[]) => results.map((r) => `${r.stdout}${r.stderr}`).join('');

describe.each([worlds.wzrApi, worlds.wzrV1, worlds.writer])(
  'issue 10 #2, #10 on the $label path: a failed job error is scrubbed',
  (world) => {
    it('issue 10 #2, #10: a job error echoing the .env key with terminal controls is scrubbed from pull, status and state.json', async () => {
      const emu = await startWorld(world);
      const proxy = await proxyFor(emu, (body) => withError(body, hostileError(emu.apiKey)));
      const { dir, env } = await providerProject(world, emu, proxy.url);
      const admin = world.admin(emu);
      open.push(admin);

      (emu as Emulator & { queueJobOutcomes(...o: string[]): void }).queueJobOutcomes('failed');
      const started = await cli(dir, ['generate', '--topic', 'A doomed topic', '--json'], env);
      expect(started.code, started.stderr).toBe(0);
      const { jobId } = parseJson<{ jobId: string }>(started.stdout);
      await untilFailed(admin, jobId);

      const state = join(dir, '.robowrite', 'state.json');
      await copyFile(state, `${state}.before`);
      const pulled = await cli(dir, ['pull'], env);
      await copyFile(`${state}.before`, state);
      const pulledJson = await cli(dir, ['pull', '--json'], env);
      const status = await cli(dir, ['status'], env);
      const statusJson = await cli(dir, ['status', '--json'], env);
      const results = [pulled, pulledJson, status, statusJson];
      expect(results.map((r) => r.code)).toEqual([1, 1, 0, 0]);

      const output = printed(results);
      expect(output).toContain('generation failed for key [redacted]');
      expect(output).not.toContain(emu.apiKey);
      for (const control of [ESC, BEL, '\r', '\u202E']) expect(output).not.toContain(control);
      expect(pulled.stderr).toContain('\\x0dall synced OK \\u202etxt.exe');
      expect(pulled.stderr.trim().split('\n')).toHaveLength(1);

      const stored = await readFile(state, 'utf8');
      expect(stored).not.toContain(emu.apiKey);
      const jobs = Object.values(JSON.parse(stored).jobs) as { error: string | null }[];
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.error).toContain('generation failed for key [redacted]');
      for (const control of [ESC, BEL, '\r', '\u202E'])
        expect(jobs[0]?.error).not.toContain(control);
    });
  },
);

/** A file outside the project (so outside the output folder too) that a pull must not touch. */
async function victim(name: string, text: string): Promise<string> {
  const path = join(await project('rw-victim-'), name);
  await writeFile(path, text);
  return path;
}

describe.each([worlds.wzrV1, worlds.writer])(
  'issue 10 #1, #4, #5, #14 on the $label listing path',
  (world) => {
    it('issue 10 #5, #14, #4, #1: ids "..", "a/b" fail alone and are never sent; __proto__ and constructor sync; state entries outside the folder are never acted on', async () => {
      const emu = await startWorld(world);
      const admin = world.admin(emu);
      open.push(admin);
      const generation = admin.generation;
      if (!generation) throw new Error(`${world.label} generates`);
      const jobs: string[] = [];
      for (const topic of ['Dots', 'Slashes', 'Prototypes', 'Constructors', 'Plain']) {
        const input = generation.parseInput(world.generationInput(topic));
        jobs.push((await generation.start(input, generation.newCheckpoint(input))).jobId);
      }
      const real: string[] = [];
      for (const jobId of jobs) {
        for (let attempt = 0; ; attempt++) {
          const job = await admin.retrieveJob(jobId);
          if (job.outcome === 'landed' && job.draftId) {
            real.push(job.draftId);
            break;
          }
          if (attempt > 200) throw new Error(`job ${jobId} never landed`);
          await sleep(25);
        }
      }

      // The API answers with crafted ids; requests for the prototype names reach the real items.
      const crafted = ['..', 'a/b', '__proto__', 'constructor'];
      const toCrafted = new Map(real.slice(0, crafted.length).map((id, i) => [id, crafted[i]]));
      const toReal = new Map([...toCrafted].map(([id, name]) => [name as string, id]));
      const rename = (row: Json): Json => {
        const id = typeof row.id === 'string' ? toCrafted.get(row.id) : undefined;
        return id === undefined ? row : { ...row, id };
      };
      const seen: string[] = [];
      const proxy = await proxyFor(
        emu,
        (body) => {
          for (const list of ['items', 'result']) {
            const rows = body[list];
            if (Array.isArray(rows)) return { ...body, [list]: rows.map((row) => rename(row)) };
          }
          return rename(body);
        },
        (url) => {
          seen.push(url);
          const at = url.indexOf(world.itemRoute);
          if (at < 0) return url;
          const [segment = '', query = ''] = url.slice(at + world.itemRoute.length).split(/(?=\?)/);
          const target = toReal.get(decodeURIComponent(segment));
          return target ? `${url.slice(0, at)}${world.itemRoute}${target}${query}` : url;
        },
      );
      const { dir, env } = await providerProject(world, emu, proxy.url);

      const first = await cli(dir, ['pull'], env);
      expect(first.code, first.stderr).toBe(1);
      const errors = first.stderr.trim().split('\n');
      expect(errors, first.stderr).toHaveLength(2);
      expect(errors.filter((line) => line.startsWith('error ..: '))).toHaveLength(1);
      expect(
        errors.filter((line) => line.startsWith('error a/b: ')),
        first.stderr,
      ).toHaveLength(1);
      const notSent = seen.filter(
        (url) => url.includes(`${world.itemRoute}..`) || url.includes('a/b'),
      );
      expect(notSent).toEqual([]);
      expect(seen.some((url) => url.includes(`${world.itemRoute}a%2Fb`))).toBe(false);

      const out = join(dir, OUT);
      const synced = await tree(out);
      const ids = [...synced.entries()]
        .filter(([f]) => f.endsWith('.md'))
        .map(([, t]) => itemIdOf(t));
      expect(ids.sort()).toEqual(['__proto__', 'constructor', real[4] as string].sort());
      for (const file of synced.keys()) expect(file).toMatch(/^[\p{L}\p{N}_-]+\.md$/u);
      const statePath = join(dir, '.robowrite', 'state.json');
      const stateText = await readFile(statePath, 'utf8');
      for (const id of ['__proto__', 'constructor']) expect(stateText).toContain(`"${id}": {`);

      // What a pull request could commit: a tracked item no longer listed upstream and an orphan,
      // both pointing outside the output folder with the victims' exact hashes.
      const itemVictim = await victim('item-victim.txt', 'precious item\n');
      const orphanVictim = await victim('orphan-victim.txt', 'precious orphan\n');
      const state = JSON.parse(stateText);
      const tracked = state.items.constructor;
      state.items['gone-upstream'] = {
        ...tracked,
        file: relative(out, itemVictim),
        hash: hashText('precious item\n'),
      };
      state.orphans.push({
        file: relative(out, orphanVictim),
        hash: hashText('precious orphan\n'),
      });
      await writeFile(statePath, JSON.stringify(state, null, 2));

      const second = await cli(dir, ['pull'], env);
      expect(second.code, second.stderr).toBe(1);
      const lines = second.stderr.trim().split('\n');
      expect(lines.filter((line) => line.includes('items["gone-upstream"]'))).toHaveLength(1);
      expect(lines.filter((line) => line.includes('orphan-victim.txt'))).toHaveLength(1);
      expect(second.stdout).toContain('0 deleted');
      expect(await readFile(itemVictim, 'utf8')).toBe('precious item\n');
      expect(await readFile(orphanVictim, 'utf8')).toBe('precious orphan\n');
      expect(await tree(out)).toEqual(synced);
    });
  },
);
