import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { robowriteDevRefresh, robowriteLiveLoader } from '../src/index.ts';
import { startDevServer } from './support/dev-server.ts';
import { type Emulator, fastEmulator, listRequests } from './support/emulator.ts';

const collection = 'preview';

describe('one client per loader factory', () => {
  let emu: Emulator;
  afterEach(async () => {
    await emu.close();
  });

  describe('without a rate limit upstream', () => {
    beforeEach(async () => {
      emu = await fastEmulator();
    });

    it('a live loader serves request after request over the same keep-alive connection', async () => {
      // `listingMaxAgeMs: 0`: every call lists, so the calls make requests one after another.
      const loader = robowriteLiveLoader({
        apiKey: emu.apiKey,
        baseURL: emu.url,
        listingMaxAgeMs: 0,
      });
      const calls = 5;
      for (let call = 0; call < calls; call++) {
        // `limit: 0`: the list requests only, one after another, nothing to render in between.
        const result = await loader.loadCollection({ collection, filter: { limit: 0 } });
        if (!result || 'error' in result) throw new Error('expected a collection');
      }
      expect(listRequests(emu)).toBe(calls * 3);
      // A client per request opens at least one connection per request; one client reuses its
      // socket (a second one only if the machine stalled past the 4 s keep-alive).
      expect(emu.stats().connections).toBeLessThan(calls);
      expect(emu.stats().connections).toBeGreaterThanOrEqual(1);
    });

    it('the dev poller polls again and again over the same connection', async () => {
      const dev = startDevServer(
        robowriteDevRefresh({ apiKey: emu.apiKey, baseURL: emu.url, intervalMs: 10 }),
      );
      const polls = 5;
      try {
        // Each poll lists the three default statuses, one after another.
        await vi.waitFor(() => expect(listRequests(emu)).toBeGreaterThanOrEqual(polls * 3), {
          timeout: 10_000,
        });
      } finally {
        dev.stop();
      }
      expect(emu.stats().connections).toBeLessThan(polls);
      expect(emu.stats().connections).toBeGreaterThanOrEqual(1);
    });

    it('a process that loaded through both loaders exits by itself (no handle left open)', async () => {
      const script = fileURLToPath(new URL('./support/load-then-return.ts', import.meta.url));
      const run = await new Promise<{ code: number | null; output: string }>((done, fail) => {
        const child = spawn(process.execPath, [script, emu.url, emu.apiKey], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.on('error', fail);
        // 'close' only comes once the child has exited: a leaked socket or timer hangs the test.
        child.on('close', (code) => done({ code, output }));
      });
      expect(run.output).toMatch(/^loaded [1-9]\d*$/m);
      expect(run.code).toBe(0);
    }, 30_000);
  });

  it('the live loader and the dev poller of one site share the rate limit budget', async () => {
    // The API's window per organization, enforced by the emulator; the loaders are told the same.
    const rateLimit = { requests: 6, windowMs: 400 };
    emu = await fastEmulator({ rateLimit });
    const options = { apiKey: emu.apiKey, baseURL: emu.url, clientOptions: { rateLimit } };
    const loader = robowriteLiveLoader(options);
    const dev = startDevServer(robowriteDevRefresh({ ...options, intervalMs: 0 }));
    try {
      // Each loader alone would stay within 6 per window, but two budgets together would not:
      // 4 live collections (12 requests) while the poller lists as fast as it is let.
      for (let call = 0; call < 4; call++) {
        const result = await loader.loadCollection({ collection, filter: { limit: 0 } });
        if (!result || 'error' in result) throw new Error(`live request failed: ${result?.error}`);
      }
      await vi.waitFor(() => expect(listRequests(emu)).toBeGreaterThanOrEqual(24), {
        timeout: 20_000,
      });
    } finally {
      dev.stop();
    }
    expect(dev.logs.filter((line) => line.startsWith('warn: '))).toEqual([]);
    // No request ever got a 429: no window on the server saw more than 6.
    expect(emu.stats().rateLimited).toBe(0);
  }, 30_000);
});
