import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RobowriteSyncError,
  robowriteDevRefresh,
  robowriteLiveLoader,
  robowriteLoader,
} from '../src/index.ts';
import { startDevServer } from './support/dev-server.ts';
import { type Emulator, fastEmulator, listRequests } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';

const VARIABLES = ['ROBOWRITE_API_KEY', 'ROBOWRITE_BASE_URL'] as const;

/**
 * The key only in the Astro project's `.env`, as a newcomer who ran `robowrite pull` has it:
 * every loader must find it there, the way the CLI does (core's `resolveCredentials`).
 */
describe('the loaders read ROBOWRITE_API_KEY from the project .env', () => {
  let emu: Emulator;
  let root: string;
  const saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};

  beforeEach(async () => {
    emu = await fastEmulator();
    root = await mkdtemp(join(tmpdir(), 'robowrite-astro-project-'));
    // Nothing from the environment of the test run: the `.env` file is the only source.
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(async () => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await emu.close();
    await rm(root, { recursive: true, force: true });
  });

  const writeDotenv = (apiKey: string) =>
    writeFile(join(root, '.env'), `ROBOWRITE_API_KEY=${apiKey}\nROBOWRITE_BASE_URL=${emu.url}\n`);

  it('robowriteLoader() syncs with the key from <config.root>/.env', async () => {
    await writeDotenv(emu.apiKey);
    const context = mockContext(undefined, { root });
    await robowriteLoader().load(context);
    expect(context.entries.size).toBeGreaterThan(0);
  });

  it('the environment wins over .env', async () => {
    await writeDotenv('rw_test_stale_key_in_dotenv');
    process.env.ROBOWRITE_API_KEY = emu.apiKey;
    const context = mockContext(undefined, { root });
    await robowriteLoader().load(context);
    expect(context.entries.size).toBeGreaterThan(0);
  });

  it('a wrong key from .env fails the sync without the key in the message, the logs or the store', async () => {
    const wrongKey = 'rw_test_wrong_key_in_dotenv';
    await writeDotenv(wrongKey);
    const context = mockContext(undefined, { root });
    const failure = await robowriteLoader()
      .load(context)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(RobowriteSyncError);
    expect((failure as Error).message).toMatch(/failed: 401 /);
    const printed = [(failure as Error).message, (failure as RobowriteSyncError).hint];
    printed.push(...context.logs.map((line) => line.message));
    for (const text of printed) expect(text).not.toContain(wrongKey);
    expect(context.entries.size).toBe(0);
    expect([...context.metaValues.values()].join('\n')).not.toContain(wrongKey);
  });

  it('no key anywhere: one line naming the .env it looked for, no request sent', async () => {
    const context = mockContext(undefined, { root });
    await expect(robowriteLoader().load(context)).rejects.toThrow(
      `RoboWrite sync of collection "api" failed: missing API key: set ROBOWRITE_API_KEY in the environment or in ${join(root, '.env')}, or pass \`apiKey\` to the loader`,
    );
    expect(emu.stats().requests).toBe(0);
  });

  it('robowriteLiveLoader() reads the .env of the directory the server runs in', async () => {
    await writeDotenv(emu.apiKey);
    const before = process.cwd();
    process.chdir(root);
    try {
      const result = await robowriteLiveLoader().loadCollection({ collection: 'preview' });
      if ('error' in result) throw result.error;
      expect(result.entries.length).toBeGreaterThan(0);
    } finally {
      process.chdir(before);
    }
  });

  it('robowriteDevRefresh() polls with the key from the Astro root .env', async () => {
    await writeDotenv(emu.apiKey);
    const dev = startDevServer(robowriteDevRefresh({ intervalMs: 20 }), 'dev', root);
    try {
      await vi.waitFor(() => expect(listRequests(emu)).toBeGreaterThanOrEqual(6), {
        timeout: 5000,
      });
    } finally {
      dev.stop();
    }
    expect(dev.logs.filter((line) => line.startsWith('warn: '))).toEqual([]);
  });
});
