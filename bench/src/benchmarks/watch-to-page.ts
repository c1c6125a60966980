import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import { CONFIG_FILE, createContext, readState, startGeneration } from '@robowrite/sync-cli';
import { startBenchEmulator } from '../harness/emulator.ts';
import { copyBlog, freePort, startProcess, waitFor } from '../harness/processes.ts';
import { type BenchResult, ms } from '../harness/report.ts';
import { percentile, sleep } from '../harness/stats.ts';
import { BLOG_DIR, CLI_BIN } from './paths.ts';

interface Sample {
  fileMs: number;
  pageMs: number;
}

/**
 * `astro dev` on a copy of examples/blog plus `robowrite pull --watch` (the real bin, as a user
 * runs them). A draft is generated; the time runs from the job's terminal status becoming
 * readable in the emulator to `/synced/<slug>/` answering 200 in the dev server.
 */
export async function watchToPage(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  const samples = smoke ? 1 : 5;
  const intervalMs = smoke ? 2_000 : 5_000;
  const jobDurationMs = 3_000;
  const completionLagMs = 450;
  const emu = await startBenchEmulator({ fixture: 'demo', jobDurationMs, completionLagMs });
  const site = await copyBlog(BLOG_DIR);
  const env = { ...process.env, ...emu.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  const config = { statuses: ['in_review', 'published'], watch: { intervalMs } };
  await writeFile(join(site, CONFIG_FILE), `export default ${JSON.stringify(config)};\n`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dev = startProcess(
    [
      join(site, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    site,
    env,
  );
  const watch = startProcess([CLI_BIN, '-C', site, 'pull', '--watch'], site, env);
  const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url, logLevel: 'off' });
  const before = emu.snapshot();
  const results: Sample[] = [];
  try {
    log('watch: starting astro dev and robowrite pull --watch');
    await waitFor(
      'astro dev',
      async () => ((await fetch(`${base}/`)).ok ? true : null),
      120_000,
      250,
    );
    await waitFor(
      'the first watch cycle',
      async () => (await access(join(site, '.robowrite/last-pull.json')).then(() => true)) || null,
      60_000,
    );
    const ctx = await createContext(site, { client });
    for (let i = 0; i < samples; i++) {
      // A random wait within one interval: the emulator's jobs all take exactly as long, so a
      // job started right after the previous page was served would finish at the same point of
      // the watch cycle every time. Real jobs finish at any point of it.
      if (i > 0) await sleep(Math.random() * intervalMs);
      log(`watch: sample ${i + 1} of ${samples}`);
      const started = await startGeneration(ctx, {
        flow: 'topic',
        topic: { title: `Watch to page ${i}`, primaryKeyword: `watch bench ${i}` },
      });
      const finishedAt = Date.now() + jobDurationMs + completionLagMs;
      const file = await waitFor(
        'the draft file',
        async () => {
          const state = await readState(site, ctx.config.outDir);
          const itemId = state.jobs[started.key]?.itemId;
          return (itemId && state.items[itemId]?.file) || null;
        },
        jobDurationMs + intervalMs * 4 + 30_000,
        50,
      );
      const fileAt = Date.now();
      const text = await readFile(join(ctx.outDir, file), 'utf8');
      const slug = /^slug: ['"]?(.+?)['"]?$/m.exec(text)?.[1] ?? file.replace(/\.md$/, '');
      await waitFor(
        `/synced/${slug}/`,
        async () => ((await fetch(`${base}/synced/${slug}/`)).ok ? true : null),
        60_000,
        50,
      );
      results.push({ fileMs: fileAt - finishedAt, pageMs: Date.now() - finishedAt });
    }
  } catch (error) {
    const tail = `${watch.output()}\n${dev.output()}`.trim().split('\n').slice(-10).join('\n');
    throw new Error(`${(error as Error).message}\n${tail}`);
  } finally {
    await watch.stop();
    await dev.stop();
    await client.close();
    await emu.close();
    await rm(site, { recursive: true, force: true });
  }
  const spent = emu.since(before);
  const pageMedian = percentile(
    results.map((r) => r.pageMs),
    50,
  );
  const goal = intervalMs + 2_000;
  return {
    title: '5. Watch to page: a finished job to its page in `astro dev`',
    setup: [
      `examples/blog copied to a temp dir; \`astro dev\` and \`robowrite pull --watch\` (interval ${ms(intervalMs)}) as separate processes; the emulator at the API's real limit (120 / 60 s)`,
      `${samples} drafts generated one after another (topic autopilot, ${ms(jobDurationMs)} + ${ms(completionLagMs)} completion lag); the page is the synced collection's \`/synced/<slug>/\``,
    ],
    rows: [
      {
        figure: 'job finished → page served, median',
        ours: ms(pageMedian),
        alternative: `interval ${ms(intervalMs)}`,
        ratio: (pageMedian / intervalMs).toFixed(2),
        goal: `<= interval + 2 s = ${ms(goal)}`,
        met: pageMedian <= goal,
      },
      {
        figure: 'each sample: file written / page served',
        ours: results.map((r) => `${ms(r.fileMs)} / ${ms(r.pageMs)}`).join('; '),
        alternative: '',
        ratio: '',
        goal: '',
        met: null,
      },
      {
        figure: '429s received',
        ours: String(spent.rateLimited),
        alternative: '',
        ratio: '',
        goal: '0',
        met: spent.rateLimited === 0,
      },
    ],
    checks: [
      { what: 'pages served', expected: samples, actual: results.length },
      { what: '429s received', expected: 0, actual: spent.rateLimited },
    ],
    notes: [
      'There is no alternative column: the guide offers no watch. "File written" is when the draft appears in the CLI state (polled every 50 ms), "page served" the first 200 from the dev server (polled every 50 ms).',
    ],
  };
}
