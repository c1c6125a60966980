import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import {
  CONFIG_FILE,
  createContext,
  readState,
  type StartedGeneration,
  startGeneration,
  watchLoop,
} from '@robowrite/sync-cli';
import { type GuidePollCounts, pollLikeTheGuide } from '../baseline/guide-job-poll.ts';
import { startBenchEmulator } from '../harness/emulator.ts';
import { type BenchResult, ms } from '../harness/report.ts';
import { percentile, sleep } from '../harness/stats.ts';
import {
  type OtherProvider,
  type ProviderJobsParams,
  type ProviderJobsRun,
  providerJobs,
  providerSetupLine,
} from './many-jobs-providers.ts';

const LIMIT = 120;

interface Params {
  jobs: number;
  windowMs: number;
  jobDurationMs: number;
  completionLagMs: number;
  intervalMs: number;
  staggerMs: number;
}

/**
 * The same jobs collected the guide's way (one polling loop per job, see
 * baseline/guide-job-poll.ts), against a fresh emulator with the same settings. The jobs are
 * started through a rate-limited client, as ours are; only the polls and reads are the guide's,
 * and only their `429`s are counted.
 */
async function guidePhase(p: Params, outDir: string) {
  const emu = await startBenchEmulator({
    fixture: 'empty',
    rateLimit: { requests: LIMIT, windowMs: p.windowMs },
    jobDurationMs: p.jobDurationMs,
    completionLagMs: p.completionLagMs,
  });
  const client = new RoboWrite({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: { requests: LIMIT, windowMs: p.windowMs },
    maxRetries: 20,
    logLevel: 'off',
  });
  const counts: GuidePollCounts = { requests: 0, rateLimited: 0, written: 0, lost: 0 };
  try {
    const brand = (await client.brands.list()).items[0]?.id;
    if (!brand) throw new Error('the emulator has no brand');
    const polls: Promise<number | null>[] = [];
    for (let i = 0; i < p.jobs; i++) {
      const topic = await client.topics.create(
        brand,
        { title: `Bench topic ${i}`, primaryKeyword: `bench keyword ${i}` },
        { idempotencyKey: randomUUID() },
      );
      const job = await client.content.generate(
        { topicId: topic.id },
        { idempotencyKey: randomUUID() },
      );
      const finishedAt = Date.now() + p.jobDurationMs + p.completionLagMs;
      const options = { url: emu.url, apiKey: emu.apiKey, intervalMs: p.intervalMs, outDir };
      polls.push(
        pollLikeTheGuide(job.job_id, options, counts).then((at) =>
          at === null ? null : at - finishedAt,
        ),
      );
      await sleep(p.staggerMs);
    }
    const delays = (await Promise.all(polls)).filter((d): d is number => d !== null);
    return { delays, counts };
  } finally {
    await client.close();
    await emu.close();
  }
}

const PROVIDER_NAMES: Record<OtherProvider, string> = {
  writerzroom: 'WriterzRoom',
  writer: 'Writer',
};

/** A provider's rows: its 429s, drafts collected, and the finish-to-file median. */
function providerRows(run: ProviderJobsRun, intervalMs: number): BenchResult['rows'] {
  const name = PROVIDER_NAMES[run.provider];
  return [
    {
      figure: `${name}: 429s received`,
      ours: String(run.rateLimited),
      alternative: '',
      ratio: '',
      goal: '0',
      met: run.rateLimited === 0,
    },
    {
      figure: `${name}: drafts collected`,
      ours: `${run.collected} / ${run.jobs}`,
      alternative: '',
      ratio: '',
      goal: String(run.jobs),
      met: run.collected === run.jobs,
    },
    {
      figure: `${name}: job finished → file written, median`,
      ours: ms(run.median),
      alternative: '',
      ratio: (run.median / intervalMs).toFixed(2),
      goal: '<= 1.50 x interval',
      met: run.median <= 1.5 * intervalMs,
    },
    {
      figure: `${name}: job finished → file written, p95`,
      ours: ms(run.p95),
      alternative: '',
      ratio: (run.p95 / intervalMs).toFixed(2),
      goal: '',
      met: null,
    },
  ];
}

/**
 * What bounds a provider's delay when its budget does: each landing costs a read, and landings
 * arrive about as fast as the starts were accepted.
 */
function landingRate(run: ProviderJobsRun): string {
  const perSecond = (run.jobs * 1_000) / Math.max(1, run.startSpreadMs);
  return `${PROVIDER_NAMES[run.provider]}: ${run.jobs} jobs accepted over ${ms(run.startSpreadMs)} land at about ${perSecond.toFixed(1)} a second, each costing at least one request (its read, or its poll and read where nothing is listed); the watch budget allows ${(run.requestsPerMinute / 60).toFixed(1)} requests a second, listing and polls included.`;
}

function providerChecks(run: ProviderJobsRun): BenchResult['checks'] {
  const name = PROVIDER_NAMES[run.provider];
  return [
    { what: `${name}: 429s received`, expected: 0, actual: run.rateLimited },
    { what: `${name}: drafts collected`, expected: run.jobs, actual: run.collected },
    { what: `${name}: jobs created in the emulator`, expected: run.jobs, actual: run.created },
  ];
}

/** WriterzRoom and Writer, one after the other, each against its own emulator personality. */
async function otherProviders(
  smoke: boolean,
  base: Omit<ProviderJobsParams, 'jobs'>,
  log: (line: string) => void,
) {
  // WriterzRoom's generate limit is 10 a minute: 40 jobs (20 in smoke runs) take four windows
  // to start, so fewer of them run at once than RoboWrite's 100.
  const writerzroom = await providerJobs('writerzroom', { ...base, jobs: smoke ? 20 : 40 }, log);
  const writer = await providerJobs('writer', { ...base, jobs: smoke ? 20 : 100 }, log);
  return [writerzroom, writer];
}

/**
 * `robowrite generate` (programmatic `startGeneration`) for many jobs, with `pull --watch`
 * (programmatic `watchLoop`) collecting them, in this process with the emulator. Both share one
 * client, as the CLI's commands of one organization share its budget. A job "finishes" when its
 * terminal status becomes readable: accepted + duration + the emulator's completion lag (the
 * emulator's job timeline is a pure function of time since the job was created).
 */
export async function manyJobs(smoke: boolean, log: (line: string) => void): Promise<BenchResult> {
  const jobs = smoke ? 20 : 100;
  const windowMs = smoke ? 1_000 : 2_500;
  const jobDurationMs = smoke ? 3_000 : 8_000;
  const completionLagMs = Math.round(jobDurationMs * 0.15);
  const intervalMs = smoke ? 500 : 1_000;
  const staggerMs = 50;
  // The watcher's own budget, scaled like the limit: the CLI's default 60 of the API's 120 a minute.
  const requestsPerMinute = Math.round((60 * 60_000) / windowMs);
  const root = await mkdtemp(join(os.tmpdir(), 'rw-bench-jobs-'));
  const emu = await startBenchEmulator({
    fixture: 'empty',
    rateLimit: { requests: LIMIT, windowMs },
    jobDurationMs,
    completionLagMs,
  });
  const client = new RoboWrite({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: { requests: LIMIT, windowMs },
    userAgent: 'robowrite-cli/0.1.0',
    logLevel: 'off',
  });
  const controller = new AbortController();
  try {
    const brand = (await client.brands.list()).items[0]?.id;
    if (!brand) throw new Error('the emulator has no brand');
    const config = {
      statuses: ['in_review', 'published'],
      brand,
      watch: { intervalMs, requestsPerMinute },
    };
    await writeFile(join(root, CONFIG_FILE), `export default ${JSON.stringify(config)};\n`);

    const writes = new Map<string, number[]>();
    let cycles = 0;
    const before = emu.snapshot();
    let ready: () => void = () => {};
    const isReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const watching = watchLoop(
      root,
      {},
      {
        signal: controller.signal,
        client,
        onReady: () => ready(),
        onCycle: (result) => {
          cycles++;
          const now = Date.now();
          for (const action of result.actions) {
            if ((action.kind === 'create' || action.kind === 'update') && !action.error) {
              writes.set(action.itemId, [...(writes.get(action.itemId) ?? []), now]);
            }
          }
        },
      },
    );
    await isReady;

    log(`jobs: starting ${jobs} generations (${staggerMs} ms apart, limiter permitting)`);
    const ctx = await createContext(root, { client });
    const accepted: { started: StartedGeneration; at: number }[] = [];
    for (let i = 0; i < jobs; i++) {
      const started = await startGeneration(ctx, {
        flow: 'topic',
        brandId: brand,
        topic: { title: `Bench topic ${i}`, primaryKeyword: `bench keyword ${i}` },
      });
      accepted.push({ started, at: Date.now() });
      await sleep(staggerMs);
    }
    log('jobs: waiting for the watcher to collect every draft');
    const deadline = Date.now() + jobDurationMs * 4 + jobs * 1_000;
    let collected = 0;
    while (Date.now() < deadline) {
      const state = await readState(root, ctx.config.outDir);
      collected = Object.values(state.jobs).filter((job) => job.collected).length;
      if (collected >= jobs) break;
      await sleep(250);
    }
    controller.abort();
    await watching;
    const spent = emu.since(before);

    const state = await readState(root, ctx.config.outDir);
    const delays: number[] = [];
    for (const { started, at } of accepted) {
      const itemId = state.jobs[started.key]?.itemId;
      const finishedAt = at + jobDurationMs + completionLagMs;
      const written = itemId ? writes.get(itemId)?.find((t) => t >= finishedAt) : undefined;
      if (written !== undefined) delays.push(written - finishedAt);
    }
    const median = percentile(delays, 50);
    const p95 = percentile(delays, 95);

    log(`jobs: the same ${jobs} jobs polled the guide's way (one loop per job)`);
    const guide = await guidePhase(
      { jobs, windowMs, jobDurationMs, completionLagMs, intervalMs, staggerMs },
      join(root, 'guide'),
    );
    const guideMedian = percentile(guide.delays, 50);
    const guideP95 = percentile(guide.delays, 95);
    const base = { windowMs, jobDurationMs, intervalMs, staggerMs };
    const others = await otherProviders(smoke, base, log);
    return {
      title: `4. Many jobs: ${jobs} generations in flight, collected by \`pull --watch\``,
      setup: [
        `${jobs} topic-autopilot jobs started ${staggerMs} ms apart (the shared limiter spaces them further), each running ${ms(jobDurationMs)} + ${ms(completionLagMs)} completion lag, so completions are staggered`,
        `emulator and client limit ${LIMIT} requests per ${windowMs} ms (the API's limit scaled ${60_000 / windowMs}x); watch interval ${ms(intervalMs)}, watch budget ${requestsPerMinute} requests a minute (the CLI's default half of the limit, scaled)`,
        `one client shared by generate and watch, in one process with the emulator; ${cycles} watch cycles, ${spent.requests} requests in all`,
        ...others.map((run) => providerSetupLine(run, base)),
      ],
      rows: [
        {
          figure: '429s received',
          ours: String(spent.rateLimited),
          alternative: `${guide.counts.rateLimited} (of ${guide.counts.requests} requests)`,
          ratio: '',
          goal: '0',
          met: spent.rateLimited === 0,
        },
        {
          figure: 'drafts collected',
          ours: `${collected} / ${jobs}`,
          alternative: `${guide.counts.written} / ${jobs}${guide.counts.lost ? ` (${guide.counts.lost} lost to a 429 on the item read)` : ''}`,
          ratio: '',
          goal: String(jobs),
          met: collected === jobs,
        },
        {
          figure: 'job finished → file written, median',
          ours: ms(median),
          alternative: ms(guideMedian),
          ratio: (median / intervalMs).toFixed(2),
          goal: '<= 1.50 x interval',
          met: median <= 1.5 * intervalMs,
        },
        {
          figure: 'job finished → file written, p95',
          ours: ms(p95),
          alternative: ms(guideP95),
          ratio: (p95 / intervalMs).toFixed(2),
          goal: '',
          met: null,
        },
        ...others.flatMap((run) => providerRows(run, intervalMs)),
      ],
      checks: [
        { what: '429s received', expected: 0, actual: spent.rateLimited },
        { what: 'drafts collected', expected: jobs, actual: collected },
        {
          what: 'jobs created in the emulator',
          expected: jobs,
          actual: spent.routes['POST /content/generate'] ?? 0,
        },
        ...others.flatMap(providerChecks),
      ],
      notes: [
        `Requests by route: ${Object.entries(spent.routes)
          .map(([route, n]) => `${route} ${n}`)
          .join(', ')}.`,
        `Ratios in the delay rows are to the polling interval (${ms(intervalMs)}), the goal's unit. The alternative polls each job every interval with no budget, so it is fast while it gets answers and spends ${guide.counts.requests} requests on ${jobs} jobs (ours: ${spent.requests}, job starts and listings included).`,
        'A write is timed when the watch cycle that made it reports (after its writes), so delays include the rest of that cycle.',
        ...others.map(
          (run) =>
            `${PROVIDER_NAMES[run.provider]} requests by route: ${Object.entries(run.routes)
              .map(([route, n]) => `${route} ${n}`)
              .join(', ')}.`,
        ),
        ...others.map((run) => landingRate(run)),
      ],
    };
  } finally {
    controller.abort();
    await client.close();
    await emu.close();
    await rm(root, { recursive: true, force: true });
  }
}
