import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_API_KEY, WRITER_DEMO_API_KEY } from '@robowrite/emulator';
import { describe, expect, it } from 'vitest';
import { readProjectEnv } from '../src/config/project-env.ts';
import { createContext, type SyncContext } from '../src/sync/context.ts';
import { jobScheduleFor } from '../src/sync/watch.ts';
import { project } from './helpers.ts';

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
