import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createProvider,
  DEFAULT_RATE_LIMIT,
  WRITERZROOM_RATE_LIMITS,
  type WriterzRoomDialect,
} from '@robowrite/core';
import { startEmulator, WRITERZROOM_ROUTE_LIMITS } from '@robowrite/emulator';
import { describe, expect, it } from 'vitest';
import { createContext, type SyncContext } from '../src/sync/context.ts';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import { startGeneration } from '../src/sync/generate.ts';
import { cli, finish, OUT, project, startCli, tree } from './helpers.ts';

/**
 * Issue 12's "20 generations in flight are collected without one 429, within the documented
 * limits", at the CLI: the real `robowrite pull --watch` process (the config `init` writes, its
 * default pacing and client limits) against an emulator that enforces the documented limits and
 * answers `429` past them. The WriterzRoom generations are started in one process through the
 * CLI's own `startGeneration`: the generate budget (10 a minute) is a client's, so twenty
 * separate `robowrite generate` processes within a minute would not share it.
 */
const GENERATIONS = 20;

/**
 * The generate window scaled from a minute to a second, on the emulator and in the process that
 * starts the generations, so twenty starts take seconds, not two minutes. The status and other
 * limits stay the documented 60 a minute and 200 an hour: those are the ones `pull --watch` spends.
 */
const GENERATE_LIMIT = { requests: WRITERZROOM_RATE_LIMITS.generate.requests, windowMs: 1_000 };

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const ENV_NAMES = /^(ROBOWRITE|WRITERZROOM|WRITER)_/;

/** The environment without any provider variable: the project's `.env` is what counts. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!ENV_NAMES.test(name) && !(name in env)) env[name] = value;
  }
  return env;
}

/** The Markdown files in the output folder, parsed as Astro would. */
async function entries(dir: string) {
  const files = [...(await tree(join(dir, OUT))).entries()].filter(([f]) => f.endsWith('.md'));
  return files.map(([file, text]) => ({ file, ...parseLikeAstro(text) }));
}

/** Runs `pull --watch --json` until it has created `count` entries, then stops it (SIGINT). */
async function watchUntilCreated(dir: string, count: number, env: NodeJS.ProcessEnv) {
  const watch: ChildProcess = startCli(
    dir,
    ['pull', '--watch', '--json', '--interval', '100'],
    env,
  );
  const done = finish(watch);
  let created = 0;
  let stopped = false;
  let out = '';
  watch.stdout?.on('data', (chunk) => {
    out += chunk;
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    created += lines.filter((line) => line.includes('"event":"create"')).length;
    // Once: a second SIGINT would find the watch's handler gone and kill it mid-step.
    if (created >= count && !stopped) stopped = watch.kill('SIGINT');
  });
  // A watch that never gets there is stopped before the test's timeout, so no process outlives it.
  const guard = setTimeout(() => watch.kill('SIGKILL'), 100_000);
  const result = await done;
  clearTimeout(guard);
  return { ...result, created };
}

/** The CLI's own context for the project, its provider's generate budget scaled as above. */
async function scaledContext(dir: string, emu: Emulator): Promise<SyncContext> {
  const ctx = await createContext(dir);
  await ctx.provider.close();
  const provider = createProvider({
    provider: 'writerzroom',
    apiKey: emu.apiKey,
    baseURL: emu.url,
    dialect: ctx.config.writerzroom.dialect,
    rateLimit: { generate: GENERATE_LIMIT },
    knownCreatedAt: (draftId) => ctx.startedAt.get(draftId),
  });
  return { ...ctx, provider };
}

function wzrInput(dialect: WriterzRoomDialect, topic: string) {
  return dialect === 'api'
    ? {
        template: 'blog_article_generator',
        style_profile: 'general_blog',
        dynamic_parameters: { topic },
      }
    : {
        template_id: 'blog_article_generator',
        style_profile_id: 'general_blog',
        inputs: { topic },
      };
}

function statusCalls(routes: Record<string, number>): number {
  return Object.entries(routes)
    .filter(([route]) => route.includes('/generate/status/'))
    .reduce((sum, [, calls]) => sum + calls, 0);
}

// The two dialects at once: each test mostly waits out the watch's pacing.
describe.concurrent.each<WriterzRoomDialect>(['api', 'v1'])(
  'WriterzRoom %s dialect, documented limits on',
  (dialect) => {
    it(`pull --watch collects ${GENERATIONS} generations in flight without one 429`, async () => {
      const emu = await startEmulator({
        provider: 'writerzroom',
        port: 0,
        // The twenty starts take about two seconds: the generations run side by side.
        jobDurationMs: 4_000,
        routeLimits: { generate: GENERATE_LIMIT },
      });
      try {
        const dir = await project(`rw-wzr-limits-${dialect}-`);
        await writeFile(
          join(dir, '.env'),
          `WRITERZROOM_API_KEY=${emu.apiKey}\nWRITERZROOM_BASE_URL=${emu.url}\n`,
        );
        // The default config `init` writes: the watch paces itself and polls as a user's would.
        const init = await cli(
          dir,
          ['init', '--yes', '--provider', 'writerzroom', '--dialect', dialect],
          cleanEnv(),
        );
        expect(init.code).toBe(0);

        const ctx = await scaledContext(dir, emu);
        try {
          for (let i = 1; i <= GENERATIONS; i++) {
            const started = await startGeneration(ctx, wzrInput(dialect, `Bakery marketing ${i}`));
            expect(started.job.jobId).toMatch(/^req_/);
          }
        } finally {
          await ctx.provider.close();
        }
        expect(emu.stats().jobsCreated).toBe(GENERATIONS);

        const watched = await watchUntilCreated(dir, GENERATIONS, cleanEnv());
        expect(watched.stderr).toBe('');
        expect(watched.code).toBe(0);
        expect(watched.created).toBe(GENERATIONS);

        const written = await entries(dir);
        expect(written).toHaveLength(GENERATIONS);
        for (const entry of written) {
          expect((entry.data.robowrite as { provider: string }).provider).toBe('writerzroom');
        }
        expect(new Set(written.map((entry) => entry.data.title)).size).toBe(GENERATIONS);
        // The emulator answers 429 to any status poll past 60 in its minute (the documented
        // window, not scaled): none came back, so the watch stayed within the status limit.
        const stats = emu.stats();
        expect(WRITERZROOM_ROUTE_LIMITS.status).toEqual(WRITERZROOM_RATE_LIMITS.status);
        // The api dialect has no listing: each draft is found by polling its request. The v1
        // dialect lists its content, so drafts land through the listing, most of them before
        // the watch's job schedule has a poll due (it stops at the twentieth file).
        const polledEach = dialect === 'api' ? GENERATIONS : 0;
        expect(statusCalls(stats.routes)).toBeGreaterThanOrEqual(polledEach);
        expect(stats.rateLimited).toBe(0);
      } finally {
        await emu.close();
      }
    }, 120_000);
  },
);

describe('Writer, its documented-by-choice limit on (120 a minute, the SDK and core default)', () => {
  it(`generate ${GENERATIONS} times, then pull --watch collects them without one 429`, async () => {
    const emu = await startEmulator({
      provider: 'writer',
      port: 0,
      jobDurationMs: 500,
      rateLimit: DEFAULT_RATE_LIMIT,
    });
    try {
      const dir = await project('rw-writer-limits-');
      await writeFile(
        join(dir, '.env'),
        `WRITER_API_KEY=${emu.apiKey}\nWRITER_BASE_URL=${emu.url}\n`,
      );
      const env = cleanEnv();
      const init = await cli(
        dir,
        ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId],
        env,
      );
      expect(init.code).toBe(0);
      // Every job started by the real `generate` command: four processes at a time, the project
      // lock taking them in turn.
      for (let batch = 0; batch < GENERATIONS; batch += 4) {
        const runs = await Promise.all(
          [1, 2, 3, 4].map((n) =>
            cli(dir, ['generate', '--topic', `Remote teams ${batch + n}`], env),
          ),
        );
        for (const run of runs) {
          expect(run.stderr).toBe('');
          expect(run.code).toBe(0);
        }
      }
      expect(emu.stats().jobsCreated).toBe(GENERATIONS);
      const watched = await watchUntilCreated(dir, GENERATIONS, env);
      expect(watched.stderr).toBe('');
      expect(watched.code).toBe(0);
      expect(watched.created).toBe(GENERATIONS);
      const written = await entries(dir);
      expect(written).toHaveLength(GENERATIONS);
      for (const entry of written) {
        expect((entry.data.robowrite as { provider: string }).provider).toBe('writer');
      }
      expect(emu.stats().rateLimited).toBe(0);
    } finally {
      await emu.close();
    }
  }, 120_000);
});
