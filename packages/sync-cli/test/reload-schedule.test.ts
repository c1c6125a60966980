import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readProjectEnv } from '@robowrite/core';
import { DEMO_API_KEY, WRITER_DEMO_API_KEY } from '@robowrite/emulator';
import { describe, expect, it } from 'vitest';
import { createContext, type SyncContext } from '../src/sync/context.ts';
import { closeReplaced, jobScheduleFor } from '../src/sync/watch.ts';
import { emulator, project, upstream } from './helpers.ts';

/**
 * A config reload during `pull --watch`, as `watchLoop` does it (`createContext` reusing the old
 * context, then `jobScheduleFor` continuing the old schedule), in a real temp project. No
 * request is made: building a provider does not call its API.
 */
async function configure(dir: string, config: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, 'robowrite.config.mjs'), `export default ${JSON.stringify(config)};\n`);
}

describe('a config reload mid-watch and the learned job durations', () => {
  it('keeps them while the provider and base URL stay, drops them when either changes', async () => {
    const dir = await project('rw-reload-schedule-');
    const env = await readProjectEnv(dir, {
      ROBOWRITE_API_KEY: DEMO_API_KEY,
      WRITER_API_KEY: WRITER_DEMO_API_KEY,
    });
    const baseURL = 'http://127.0.0.1:9/v1';
    const watch = (intervalMs: number) => ({ intervalMs, requestsPerMinute: 60 });
    await configure(dir, { baseURL, watch: watch(1_000) });
    const first = await createContext(dir, { env });
    const learning = jobScheduleFor(first, 1_000);
    learning.due([['job', 0]], 1_000);
    learning.polled('job', 1_000, 'running');
    learning.polled('job', 2_000, 'landed');
    expect(learning.learned).toEqual([1_000]);

    const reload = async (config: Record<string, unknown>, before: SyncContext) => {
      await configure(dir, config);
      return createContext(dir, { env, reuse: before, fresh: true });
    };
    // Another interval and other statuses, same API: what was learned is kept.
    const second = await reload({ baseURL, statuses: ['draft'], watch: watch(2_000) }, first);
    expect(second.provider).toBe(first.provider);
    const kept = jobScheduleFor(second, 2_000, { ctx: first, schedule: learning });
    expect(kept.learned).toEqual([1_000]);

    // Another base URL: another API, whose jobs take their own time.
    const moved = await reload({ baseURL: 'http://127.0.0.1:10/v1', watch: watch(2_000) }, second);
    expect(moved.provider).not.toBe(second.provider);
    expect(jobScheduleFor(moved, 2_000, { ctx: second, schedule: kept }).learned).toEqual([]);

    // Another provider: the same.
    const writer = await reload(
      { provider: 'writer', baseURL, writer: { applicationIds: ['app'] }, watch: watch(2_000) },
      second,
    );
    expect(writer.provider.name).toBe('writer');
    expect(jobScheduleFor(writer, 2_000, { ctx: second, schedule: kept }).learned).toEqual([]);
    for (const ctx of [first, moved]) await ctx.client?.close();
  });
});

describe('a config reload that changes the API closes the old client', () => {
  it('closes the client it built, and leaves an injected one to its owner', async () => {
    const emu = await emulator();
    try {
      const dir = await project('rw-reload-close-');
      const env = await readProjectEnv(dir, { ROBOWRITE_API_KEY: emu.apiKey });
      await configure(dir, { baseURL: emu.url });
      const first = await createContext(dir, { env });
      const firstPage = (ctx: SyncContext) =>
        ctx.client?.content.list({ status: 'draft' })[Symbol.asyncIterator]().next();
      expect((await firstPage(first))?.done).toBe(false);
      // The same emulator under another name: another base URL, so another provider.
      await configure(dir, { baseURL: emu.url.replace('127.0.0.1', 'localhost') });
      const second = await createContext(dir, { env, reuse: first, fresh: true });
      expect(second.client).not.toBe(first.client);
      await closeReplaced(first, second, undefined);
      await expect(firstPage(first)).rejects.toThrow(/closed/);

      const injected = upstream(emu);
      const mine = await createContext(dir, { env, client: injected, fresh: true });
      await configure(dir, { baseURL: emu.url });
      const reloaded = await createContext(dir, { env, reuse: mine, fresh: true });
      expect(reloaded.provider).not.toBe(mine.provider);
      await closeReplaced(mine, reloaded, injected);
      expect((await firstPage(mine))?.done).toBe(false);
      for (const client of [injected, second.client, reloaded.client]) await client?.close();
    } finally {
      await emu.close();
    }
  });
});
