import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RobowriteSyncError,
  robowriteDevRefresh,
  robowriteLiveLoader,
  robowriteLoader,
} from '../src/index.ts';
import { startDevServer } from './support/dev-server.ts';
import { mockContext } from './support/mock-context.ts';
import {
  generateDrafts,
  type ProviderWorld,
  writerWorld,
  writerzroomWorld,
} from './support/provider-emulators.ts';

const VARIABLES = [
  'WRITERZROOM_API_KEY',
  'WRITERZROOM_BASE_URL',
  'WRITERZROOM_DIALECT',
  'WRITER_API_KEY',
  'WRITER_BASE_URL',
  'WRITER_APPLICATION_ID',
  'ROBOWRITE_API_KEY',
  'ROBOWRITE_BASE_URL',
] as const;

/** Nothing from the test run's environment: the project's `.env` is the only source. */
function isolateEnvironment(): void {
  const saved: Partial<Record<string, string>> = {};
  beforeEach(() => {
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
}

describe.each([
  ['WriterzRoom', writerzroomWorld],
  ['Writer', writerWorld],
])('the loaders read %s’s own variables from the project .env', (_label, makeWorld) => {
  let world: ProviderWorld;
  let root: string;
  isolateEnvironment();

  beforeAll(async () => {
    world = await makeWorld();
    await generateDrafts(world, ['Credentials from dotenv']);
  });
  afterAll(async () => {
    await world.close();
  });
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'robowrite-astro-provider-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const writeDotenv = (values: Record<string, string>) =>
    writeFile(
      join(root, '.env'),
      Object.entries(values)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
    );
  /** Only the provider: key, base URL, dialect or application from `.env`. */
  const bare = () => ({ provider: world.options.provider }) as typeof world.options;

  it('robowriteLoader({ provider }) syncs with the key, base URL and settings from <root>/.env', async () => {
    await writeDotenv(world.dotenv);
    const context = mockContext(undefined, { root });
    await robowriteLoader(bare()).load(context);
    expect(context.entries.size).toBeGreaterThan(0);
  });

  it('the environment wins over .env', async () => {
    const keyVariable = Object.keys(world.dotenv)[0] as string;
    await writeDotenv({ ...world.dotenv, [keyVariable]: 'stale_key_in_dotenv_0123' });
    process.env[keyVariable] = world.emu.apiKey;
    const context = mockContext(undefined, { root });
    await robowriteLoader(bare()).load(context);
    expect(context.entries.size).toBeGreaterThan(0);
  });

  it("RoboWrite's variables are not this provider's: no key, one line naming its own, no request", async () => {
    await writeDotenv({ ROBOWRITE_API_KEY: world.emu.apiKey, ROBOWRITE_BASE_URL: world.emu.url });
    const before = world.emu.stats().requests;
    const keyVariable = Object.keys(world.dotenv)[0] as string;
    const failure = await robowriteLoader(bare())
      .load(mockContext(undefined, { root }))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(RobowriteSyncError);
    expect((failure as Error).message).toContain(
      `failed: missing API key: set ${keyVariable} in the environment or in ${join(root, '.env')}`,
    );
    expect((failure as RobowriteSyncError).hint).toContain(`Check ${keyVariable}`);
    expect(world.emu.stats().requests).toBe(before);
  });

  it('a wrong key from .env fails the sync in one line without the key in the message, hint or logs', async () => {
    const keyVariable = Object.keys(world.dotenv)[0] as string;
    const wrongKey = 'wrong_key_in_dotenv_7f3a9c1e5b';
    await writeDotenv({ ...world.dotenv, [keyVariable]: wrongKey });
    const context = mockContext(undefined, { root });
    const failure = await robowriteLoader(bare())
      .load(context)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(RobowriteSyncError);
    expect((failure as Error).message).toMatch(/ sync of collection "api" failed: 401 GET /);
    expect((failure as RobowriteSyncError).hint).toBe(
      `Check ${keyVariable} (the environment, then the project's .env).`,
    );
    const printed = [(failure as Error).message, (failure as RobowriteSyncError).hint];
    printed.push(...context.logs.map((line) => line.message));
    for (const text of printed) expect(text).not.toContain(wrongKey);
    expect(context.entries.size).toBe(0);
  });

  it('robowriteLiveLoader({ provider }) reads the .env of the directory the server runs in', async () => {
    await writeDotenv(world.dotenv);
    const before = process.cwd();
    process.chdir(root);
    try {
      const result = await robowriteLiveLoader(bare()).loadCollection({ collection: 'preview' });
      if ('error' in result) throw result.error;
      expect(result.entries.length).toBeGreaterThan(0);
    } finally {
      process.chdir(before);
    }
  });

  it('robowriteDevRefresh({ provider }) polls the provider’s listing with the .env settings', async () => {
    await writeDotenv(world.dotenv);
    const listRoute = world.listRoutes[0] as string;
    const lists = () => (world.emu.stats().routes as Record<string, number>)[listRoute] ?? 0;
    const start = lists();
    const dev = startDevServer(robowriteDevRefresh({ ...bare(), intervalMs: 20 }), 'dev', root);
    try {
      await vi.waitFor(() => expect(lists() - start).toBeGreaterThanOrEqual(3), {
        timeout: 10_000,
      });
      // A new draft lands upstream: the poller asks Astro to refresh the loaders.
      await generateDrafts(world, ['A draft landing while astro dev runs']);
      await vi.waitFor(() => expect(dev.refreshes.length).toBeGreaterThanOrEqual(1), {
        timeout: 10_000,
      });
    } finally {
      dev.stop();
    }
    expect(dev.logs.filter((line) => line.startsWith('warn: '))).toEqual([]);
  });
});

describe('a Writer loader without an application', () => {
  isolateEnvironment();

  it('fails the sync in one line naming WRITER_APPLICATION_ID, before any request', async () => {
    const world = await writerWorld();
    const root = await mkdtemp(join(tmpdir(), 'robowrite-astro-provider-'));
    try {
      await writeFile(
        join(root, '.env'),
        `WRITER_API_KEY=${world.emu.apiKey}\nWRITER_BASE_URL=${world.emu.url}\n`,
      );
      await expect(
        robowriteLoader({ provider: 'writer' }).load(mockContext(undefined, { root })),
      ).rejects.toThrow(
        'Writer sync of collection "api" failed: no Writer application: pass `applicationIds` or set WRITER_APPLICATION_ID',
      );
      expect(world.emu.stats().requests).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
      await world.close();
    }
  });
});

describe("WriterzRoom's api dialect, which has no content listing", () => {
  isolateEnvironment();
  const refusal =
    "WriterzRoom's `api` dialect has no content listing, so a loader cannot find its drafts; " +
    "use `dialect: 'v1'` (WRITERZROOM_DIALECT=v1), or pull them with the CLI (`robowrite pull`) " +
    'and load the files with a glob() collection.';

  it('is refused when a loader is created with it, in one line', () => {
    const options = { provider: 'writerzroom', dialect: 'api' } as unknown as Parameters<
      typeof robowriteLoader
    >[0];
    expect(() => robowriteLoader(options)).toThrow(`robowrite: ${refusal}`);
    expect(() => robowriteLiveLoader(options)).toThrow(`robowrite: ${refusal}`);
    expect(() => robowriteDevRefresh(options)).toThrow(`robowrite: ${refusal}`);
  });

  it('named by .env, fails the sync with the same line and a hint, before any request', async () => {
    const world = await writerzroomWorld();
    const root = await mkdtemp(join(tmpdir(), 'robowrite-astro-provider-'));
    try {
      await writeFile(
        join(root, '.env'),
        `WRITERZROOM_API_KEY=${world.emu.apiKey}\nWRITERZROOM_BASE_URL=${world.emu.url}\nWRITERZROOM_DIALECT=api\n`,
      );
      const failure = await robowriteLoader({ provider: 'writerzroom' })
        .load(mockContext(undefined, { root }))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(RobowriteSyncError);
      expect((failure as Error).message).toBe(
        `WriterzRoom sync of collection "api" failed: ${refusal}`,
      );
      expect((failure as RobowriteSyncError).hint).toBe(
        "Set `dialect: 'v1'` on the loader, or WRITERZROOM_DIALECT=v1.",
      );
      expect(world.emu.stats().requests).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
      await world.close();
    }
  });
});
