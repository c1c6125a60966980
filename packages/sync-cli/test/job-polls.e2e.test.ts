import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import type { EmulatorOptions, FaultRule } from '@robowrite/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../src/sync/context.ts';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import { startGeneration } from '../src/sync/generate.ts';
import type { PullResult } from '../src/sync/pull.ts';
import { readState } from '../src/sync/state.ts';
import { watchLoop } from '../src/sync/watch.ts';
import { emulator, OUT, project, type TestEmulator } from './helpers.ts';

/**
 * `pull --watch` (in-process `watchLoop`) collecting jobs that `generate` (`startGeneration`)
 * started, against the emulator over loopback, in a real temp project. Request counts are the
 * emulator's own, by route; nothing here asserts a time.
 */
let emu: TestEmulator | undefined;
let client: RoboWrite | undefined;
afterEach(async () => {
  await client?.close();
  await emu?.close();
  client = undefined;
  emu = undefined;
});

const POLL_ROUTE = 'GET /jobs/{job_id}';
const INTERVAL_MS = 100;

async function watchedProject(options: EmulatorOptions = {}) {
  emu = await emulator({ fixture: 'empty', jobDurationMs: 3_000, ...options });
  client = new RoboWrite({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: false,
    maxRetries: 0,
    logLevel: 'off',
  });
  const brand = (await client.brands.list()).items[0]?.id as string;
  const dir = await project('rw-job-polls-');
  const config = {
    // What topic jobs land as (awaiting review, or published with a CMS): an item is listed once
    // its job has ended, never half-written as a draft.
    statuses: ['in_review', 'published'],
    brand,
    watch: { intervalMs: INTERVAL_MS, requestsPerMinute: 6_000 },
  };
  await writeFile(join(dir, 'robowrite.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  return { dir, brand, client };
}

async function startJobs(dir: string, brand: string, titles: string[]) {
  const ctx = await createContext(dir, { client });
  const keys: string[] = [];
  for (const title of titles) {
    const started = await startGeneration(ctx, {
      flow: 'topic',
      brandId: brand,
      topic: { title, primaryKeyword: title.toLowerCase() },
    });
    keys.push(started.key);
  }
  return keys;
}

/** Runs the watch until `done` says so about a cycle's result; returns every cycle's result. */
async function watchUntil(dir: string, done: (result: PullResult) => Promise<boolean> | boolean) {
  const controller = new AbortController();
  const cycles: PullResult[] = [];
  const guard = setTimeout(() => controller.abort(), 60_000);
  await watchLoop(
    dir,
    {},
    {
      signal: controller.signal,
      client,
      onCycle: (result) => {
        cycles.push(result);
        void Promise.resolve(done(result)).then((stop) => stop && controller.abort());
      },
      onError: () => {},
    },
  );
  clearTimeout(guard);
  return cycles;
}

async function collectedCount(dir: string): Promise<number> {
  const state = await readState(dir, OUT);
  return Object.values(state.jobs).filter((job) => job.collected).length;
}

describe('watch collecting many jobs', () => {
  it('polls each job a bounded number of times, not once a cycle', async () => {
    const { dir, brand } = await watchedProject();
    const titles = Array.from({ length: 12 }, (_, i) => `Scheduled job ${i}`);
    const keys = await startJobs(dir, brand, titles);
    const cycles = await watchUntil(dir, async () => (await collectedCount(dir)) === keys.length);

    const routes = emu?.stats().routes ?? {};
    const polls = routes[POLL_ROUTE] ?? 0;
    // Each job runs 3 s + a 450 ms completion lag. Polled every 100 ms cycle, that is over 30
    // polls a job; the schedule's doubling gaps (100, 200, 400 ms ... before a first landing)
    // need 7, and after a loose first lesson a job is polled at growing gaps (a few more).
    expect(polls).toBeGreaterThanOrEqual(keys.length);
    expect(polls).toBeLessThanOrEqual(keys.length * 12);
    expect(cycles.length).toBeGreaterThan(polls / keys.length);
    expect(await collectedCount(dir)).toBe(keys.length);
    // Each draft is read once: whether the listing or the job's poll saw it land first, the
    // other finds it already written and only records the job.
    expect(routes['GET /content/{content_item_id}']).toBe(keys.length);
    expect(emu?.stats().rateLimited).toBe(0);
    const state = await readState(dir, OUT);
    for (const key of keys) {
      const item = state.jobs[key]?.itemId as string;
      expect(state.items[item]?.file).toMatch(/^scheduled-job-\d+\.md$/);
    }
  }, 90_000);

  it('reports a failed and a cancelled job, and collects the one that lands', async () => {
    const jobOutcomes: EmulatorOptions['jobOutcomes'] = ['failed', 'cancelled', 'awaiting_review'];
    const { dir, brand } = await watchedProject({ jobDurationMs: 600, jobOutcomes });
    const keys = await startJobs(dir, brand, ['Will fail', 'Will be cancelled', 'Will land']);
    const failures: string[] = [];
    await watchUntil(dir, async (result) => {
      failures.push(...result.failures.map((failure) => failure.message));
      const state = await readState(dir, OUT);
      return Object.values(state.jobs).every((job) => job.collected || job.outcome === 'failed');
    });
    const state = await readState(dir, OUT);
    const [failed, cancelled, landed] = keys.map((key) => state.jobs[key]);
    expect(failed?.status).toBe('failed');
    expect(cancelled?.status).toBe('cancelled');
    expect(landed?.collected).toBe(true);
    expect(failures.some((line) => line.includes(`job ${failed?.jobId} failed`))).toBe(true);
    expect(failures.some((line) => line.includes(`job ${cancelled?.jobId} cancelled`))).toBe(true);
  }, 60_000);

  it('writes a landed job from the listing even while its job cannot be polled', async () => {
    // Every poll of the job fails: the draft still arrives, through the content listing.
    const faults: FaultRule[] = [{ route: POLL_ROUTE, fault: '503', probability: 1 }];
    const { dir, brand } = await watchedProject({ faults, jobDurationMs: 300 });
    await startJobs(dir, brand, ['Listed before polled']);
    const file = join(dir, OUT, 'listed-before-polled.md');
    await watchUntil(dir, (result) =>
      result.actions.some((action) => action.kind === 'create' && !action.error),
    );
    expect(parseLikeAstro(await readFile(file, 'utf8')).data.title).toBe('Listed before polled');
    expect(emu?.stats().routes[POLL_ROUTE] ?? 0).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
