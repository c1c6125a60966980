import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createProvider, type ProviderV1 } from '@robowrite/core';
import { BLOG_POST_APPLICATION_ID, type Stats, startEmulator } from '@robowrite/emulator';
import {
  CONFIG_FILE,
  createContext,
  readState,
  type SyncContext,
  startGeneration,
  watchLoop,
} from '@robowrite/sync-cli';
import { ms } from '../harness/report.ts';
import { percentile, sleep } from '../harness/stats.ts';

/** The two other providers' many-jobs runs: the same watch, their own emulator personality. */
export type OtherProvider = 'writerzroom' | 'writer';

export interface ProviderJobsParams {
  jobs: number;
  /** The documented minute, scaled to this window (as the RoboWrite row scales its 120 / 60 s). */
  windowMs: number;
  jobDurationMs: number;
  intervalMs: number;
  /** Pause between two starts, as the RoboWrite row's (the limiters may space them further). */
  staggerMs: number;
}

export interface ProviderJobsRun {
  provider: OtherProvider;
  jobs: number;
  collected: number;
  created: number;
  delays: number[];
  median: number;
  p95: number;
  requests: number;
  rateLimited: number;
  routes: Record<string, number>;
  cycles: number;
  /** One line: the limits this run used. */
  bound: string;
  /** The watch budget, requests a minute. */
  requestsPerMinute: number;
  /** From the first job accepted to the last: landings arrive about as fast as starts did. */
  startSpreadMs: number;
}

interface Setup {
  /** The emulator's limits and the client's, both the documented ones scaled to the window. */
  emulator: Parameters<typeof startEmulator>[0];
  config: Record<string, unknown>;
  provider: (url: string, apiKey: string) => ProviderV1;
  input: (i: number) => Record<string, unknown>;
  /** The watch budget: what one minute of the polled route allows, scaled. */
  requestsPerMinute: number;
  bound: string;
}

/**
 * WriterzRoom (seed 000): generate 10 / min, status 60 / min, the rest 200 / hour, per key; the
 * api dialect has no listing, so drafts are found by polling. Writer documents no limit: the
 * decision in providers.md is core's default, 120 / min (the SDK's), and it lists completed jobs.
 */
function setupFor(provider: OtherProvider, p: ProviderJobsParams, applicationId: string): Setup {
  const scale = 60_000 / p.windowMs;
  if (provider === 'writerzroom') {
    const limits = {
      generate: { requests: 10, windowMs: p.windowMs },
      status: { requests: 60, windowMs: p.windowMs },
      other: { requests: 200, windowMs: p.windowMs * 60 },
    };
    return {
      emulator: { provider, port: 0, jobDurationMs: p.jobDurationMs, routeLimits: limits },
      config: { provider, writerzroom: { dialect: 'api' } },
      provider: (baseURL, apiKey) =>
        createProvider({ provider, apiKey, baseURL, dialect: 'api', rateLimit: limits }),
      input: (i) => ({
        template: 'blog_article_generator',
        style_profile: 'general_blog',
        dynamic_parameters: { topic: `Bench topic ${i}` },
      }),
      requestsPerMinute: Math.round(60 * scale),
      bound: `generate 10, status 60 per ${p.windowMs} ms, the rest 200 per ${p.windowMs * 60} ms (seed 000's per-minute and per-hour limits scaled ${scale}x), on the emulator and the client; api dialect (no listing)`,
    };
  }
  const limit = { requests: 120, windowMs: p.windowMs };
  return {
    emulator: { provider, port: 0, jobDurationMs: p.jobDurationMs, rateLimit: limit },
    config: { provider, writer: { applicationIds: [applicationId] } },
    provider: (baseURL, apiKey) =>
      createProvider({
        provider,
        apiKey,
        baseURL,
        applicationIds: [applicationId],
        rateLimit: limit,
      }),
    input: (i) => ({ inputs: { topic: `Bench topic ${i}` } }),
    requestsPerMinute: Math.round(60 * scale),
    bound: `120 per ${p.windowMs} ms (core's and the SDK's 120 / min, providers.md; scaled ${scale}x), on the emulator and the client; completed jobs listed`,
  };
}

/** A watch on `root` whose cycles' writes are timed, until `stop` aborts it. */
function timedWatch(root: string, ctx: SyncContext, signal: AbortSignal) {
  const writes = new Map<string, number>();
  let cycles = 0;
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const done = watchLoop(
    root,
    { reuse: ctx },
    {
      signal,
      onReady: () => ready(),
      onCycle: (result) => {
        cycles++;
        const now = Date.now();
        for (const action of result.actions) {
          const wrote = action.kind === 'create' || action.kind === 'update';
          if (wrote && !action.error && !writes.has(action.itemId)) writes.set(action.itemId, now);
        }
      },
    },
  );
  return { writes, isReady, done, cycles: () => cycles };
}

async function collectedJobs(root: string, ctx: SyncContext): Promise<number> {
  const state = await readState(root, ctx.config.outDir);
  return Object.values(state.jobs).filter((job) => job.collected).length;
}

/**
 * `generate` (`startGeneration`) `jobs` times against the provider's emulator, with `pull
 * --watch` (`watchLoop`) collecting them. The emulators' timelines are pure functions of the
 * time since the create: a job finishes `jobDurationMs` after it was accepted.
 */
export async function providerJobs(
  provider: OtherProvider,
  p: ProviderJobsParams,
  log: (line: string) => void,
): Promise<ProviderJobsRun> {
  const setup = setupFor(provider, p, BLOG_POST_APPLICATION_ID);
  const emu = await startEmulator(setup.emulator);
  const root = await mkdtemp(join(os.tmpdir(), `rw-bench-jobs-${provider}-`));
  const controller = new AbortController();
  let ctx: SyncContext | undefined;
  try {
    const prefix = provider === 'writer' ? 'WRITER' : 'WRITERZROOM';
    await writeFile(
      join(root, '.env'),
      `${prefix}_API_KEY=${emu.apiKey}\n${prefix}_BASE_URL=${emu.url}\n`,
    );
    const watch = { intervalMs: p.intervalMs, requestsPerMinute: setup.requestsPerMinute };
    const config = { ...setup.config, watch };
    await writeFile(join(root, CONFIG_FILE), `export default ${JSON.stringify(config)};\n`);
    const built = await createContext(root);
    await built.provider.close();
    ctx = { ...built, provider: setup.provider(emu.url, emu.apiKey) };
    const before: Stats = structuredClone(emu.stats());
    const watching = timedWatch(root, ctx, controller.signal);
    await watching.isReady;

    log(`jobs: ${provider}: starting ${p.jobs} generations`);
    const accepted: { key: string; at: number }[] = [];
    for (let i = 0; i < p.jobs; i++) {
      const started = await startGeneration(ctx, setup.input(i));
      accepted.push({ key: started.key, at: Date.now() });
      await sleep(p.staggerMs);
    }
    log(`jobs: ${provider}: waiting for the watcher to collect every draft`);
    const deadline = Date.now() + p.jobDurationMs * 4 + p.jobs * 1_000;
    let collected = 0;
    while (Date.now() < deadline && collected < p.jobs) {
      collected = await collectedJobs(root, ctx);
      await sleep(250);
    }
    controller.abort();
    await watching.done;
    const after = emu.stats();
    const state = await readState(root, ctx.config.outDir);
    const delays: number[] = [];
    for (const { key, at } of accepted) {
      const itemId = state.jobs[key]?.itemId;
      const written = itemId ? watching.writes.get(itemId) : undefined;
      if (written !== undefined) delays.push(written - (at + p.jobDurationMs));
    }
    const routes: Record<string, number> = {};
    for (const [route, count] of Object.entries(after.routes)) {
      const delta = count - (before.routes[route] ?? 0);
      if (delta > 0) routes[route] = delta;
    }
    return {
      provider,
      jobs: p.jobs,
      collected,
      created: after.jobsCreated - before.jobsCreated,
      delays,
      median: percentile(delays, 50),
      p95: percentile(delays, 95),
      requests: after.requests - before.requests,
      rateLimited: after.rateLimited - before.rateLimited,
      routes,
      cycles: watching.cycles(),
      bound: setup.bound,
      requestsPerMinute: setup.requestsPerMinute,
      startSpreadMs: (accepted.at(-1)?.at ?? 0) - (accepted[0]?.at ?? 0),
    };
  } finally {
    controller.abort();
    await ctx?.provider.close();
    await emu.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** The setup line a provider's run adds to the benchmark's. */
export function providerSetupLine(
  run: ProviderJobsRun,
  p: Omit<ProviderJobsParams, 'jobs'>,
): string {
  return `${run.provider}: ${run.jobs} jobs of ${ms(p.jobDurationMs)}, started ${p.staggerMs} ms apart (accepted over ${ms(run.startSpreadMs)}); ${run.bound}; watch interval ${ms(p.intervalMs)}, watch budget ${run.requestsPerMinute} requests a minute (the polled route's limit, scaled); ${run.cycles} watch cycles, ${run.requests} requests in all`;
}
