import { EventEmitter } from 'node:events';
import type { RefreshContentOptions } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { robowriteDevRefresh } from '../src/index.ts';
import { adminClient, type Emulator, fastEmulator, listRequests } from './support/emulator.ts';

type SetupHook = (options: {
  server: { httpServer: EventEmitter };
  logger: { info: (m: string) => void; warn: (m: string) => void };
  refreshContent?: (options: RefreshContentOptions) => Promise<void>;
}) => void;

type ConfigHook = (options: {
  command: 'dev' | 'build' | 'preview' | 'sync';
  updateConfig: (config: unknown) => void;
}) => void;

/** Runs the integration's hooks the way `astro dev` (or another command) does, with a stand-in server. */
function startDevServer(
  integration: ReturnType<typeof robowriteDevRefresh>,
  command: 'dev' | 'build' = 'dev',
) {
  (integration.hooks['astro:config:setup'] as unknown as ConfigHook)({
    command,
    updateConfig: () => {},
  });
  const httpServer = new EventEmitter();
  const refreshes: RefreshContentOptions[] = [];
  const logs: string[] = [];
  const setup = integration.hooks['astro:server:setup'] as unknown as SetupHook;
  setup({
    server: { httpServer },
    logger: { info: (m) => logs.push(m), warn: (m) => logs.push(`warn: ${m}`) },
    refreshContent: async (options) => {
      refreshes.push(options);
    },
  });
  return { refreshes, logs, stop: () => httpServer.emit('close') };
}

describe('robowriteDevRefresh', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('refreshes the robowrite loaders when a draft lands, and not before', async () => {
    const client = adminClient(emu);
    const dev = startDevServer(
      robowriteDevRefresh({ apiKey: emu.apiKey, baseURL: emu.url, intervalMs: 20 }),
    );
    try {
      // Several polls with nothing new upstream: no refresh.
      await vi.waitFor(() => expect(listRequests(emu)).toBeGreaterThanOrEqual(6), {
        timeout: 5000,
      });
      expect(dev.refreshes).toHaveLength(0);

      const [draft] = (await client.content.list({ status: 'draft' })).items;
      if (!draft) throw new Error('the demo fixture has a draft item');
      await client.content.update(draft.id, { status: 'in_review' });

      await vi.waitFor(() => expect(dev.refreshes).toHaveLength(1), { timeout: 5000 });
      expect(dev.refreshes[0]).toEqual({
        loaders: ['robowrite'],
        context: { source: 'robowrite' },
      });
      expect(dev.logs).toContain('RoboWrite drafts changed: refreshing content');
    } finally {
      dev.stop();
    }
    // Stopping the dev server stops the polling (a poll already in flight may still land).
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(50);
    const polls = listRequests(emu);
    await sleep(150);
    expect(listRequests(emu)).toBe(polls);
  });

  it("does not poll outside `astro dev` (Astro runs the hook for the build's own Vite servers too)", async () => {
    const dev = startDevServer(
      robowriteDevRefresh({ apiKey: emu.apiKey, baseURL: emu.url, intervalMs: 10 }),
      'build',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    dev.stop();
    expect(emu.stats().requests).toBe(0);
  });

  it('warns once while the API is unreachable and does not refresh', async () => {
    const dev = startDevServer(
      robowriteDevRefresh({ apiKey: 'rw_wrong_key', baseURL: emu.url, intervalMs: 20 }),
    );
    try {
      await vi.waitFor(() => expect(listRequests(emu)).toBeGreaterThanOrEqual(3), {
        timeout: 5000,
      });
    } finally {
      dev.stop();
    }
    expect(dev.refreshes).toHaveLength(0);
    const warnings = dev.logs.filter((line) => line.startsWith('warn: '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warn: polling RoboWrite failed: 401 /);
    expect(warnings[0]).not.toContain('rw_wrong_key');
  });
});
