import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { type Measured, runChild } from '../harness/child.ts';
import {
  ALL_STATUSES,
  type BenchEmulator,
  expectedListPages,
  startBenchEmulator,
} from '../harness/emulator.ts';
import { writeFixtureSite } from '../harness/fixture-site.ts';
import { type BenchResult, mb, ms, type Row, ratio } from '../harness/report.ts';
import { ASTRO_BUILD, BENCH_NODE_MODULES, CLI_PULL } from './paths.ts';

interface Build extends Measured {
  requests: number;
  pages: number;
}

async function countPages(site: string): Promise<number> {
  const entries = await readdir(join(site, 'dist/posts')).catch(() => [] as string[]);
  return entries.length;
}

async function build(emu: BenchEmulator, site: string): Promise<Build> {
  const before = emu.snapshot();
  const report = await runChild<Measured>(ASTRO_BUILD, [site], emu.env);
  return { ...report, requests: emu.since(before).requests, pages: await countPages(site) };
}

export async function loaderVsGlob(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  const items = smoke ? 50 : 1_000;
  const temp = await mkdtemp(join(os.tmpdir(), 'rw-bench-sites-'));
  const emu = await startBenchEmulator({ fixture: 'empty', items, rateLimit: false });
  try {
    const { pages } = await expectedListPages(emu, ALL_STATUSES);
    const loaderSite = join(temp, 'loader');
    const globSite = join(temp, 'glob');
    await writeFixtureSite(loaderSite, 'loader', ALL_STATUSES, BENCH_NODE_MODULES);
    await writeFixtureSite(globSite, 'glob', ALL_STATUSES, BENCH_NODE_MODULES);
    log(
      `loader: writing the ${items} drafts as Markdown with robowrite pull (the glob site's files)`,
    );
    const pulled = await runChild<Measured & { failures: number; firstFailure: string | null }>(
      CLI_PULL,
      [globSite, 'src/content/posts', ALL_STATUSES.join(','), 'off'],
      emu.env,
    );
    if (pulled.failures > 0) throw new Error(`pull failed: ${pulled.firstFailure}`);

    // One untimed build first, its caches then removed, so neither side's cold build also pays
    // for the OS's first read of astro and vite from disk. Interleaved after that, so drift in the
    // machine's load hits both sides alike.
    log('loader: warm-up build (untimed), then cold builds (glob, then loader)');
    await build(emu, globSite);
    for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
      await rm(join(globSite, cache), { recursive: true, force: true });
    }
    const globCold = await build(emu, globSite);
    const loaderCold = await build(emu, loaderSite);
    log('loader: no-change rebuilds (glob, then loader)');
    const globAgain = await build(emu, globSite);
    const loaderAgain = await build(emu, loaderSite);

    const timeRow = (figure: string, ours: Build, alt: Build, goal: number): Row => ({
      figure,
      ours: ms(ours.wallMs),
      alternative: ms(alt.wallMs),
      ratio: ratio(ours.wallMs, alt.wallMs),
      goal: `<= ${goal.toFixed(2)}`,
      met: ours.wallMs <= goal * alt.wallMs,
    });
    const rssRow = (figure: string, ours: Build, alt: Build): Row => ({
      figure,
      ours: mb(ours.maxRssMB),
      alternative: mb(alt.maxRssMB),
      ratio: ratio(ours.maxRssMB, alt.maxRssMB),
      goal: '',
      met: null,
    });
    return {
      title: '1. Loader vs glob: `robowriteLoader()` vs Astro’s `glob()` over the same drafts',
      setup: [
        `N = ${items} drafts (every status), emulator rate limit off, loader client \`rateLimit: false\``,
        'two generated sites like examples/blog: one collection, a page per post (body rendered), an index; they differ only in the loader',
        "glob site's files written by `robowrite pull` (the CLI's own serializer); each build is `build()` from astro in its own child process",
      ],
      rows: [
        timeRow('cold build wall time', loaderCold, globCold, 1.15),
        timeRow('no-change rebuild wall time', loaderAgain, globAgain, 1.05),
        rssRow('cold build peak RSS', loaderCold, globCold),
        rssRow('rebuild peak RSS', loaderAgain, globAgain),
        {
          figure: 'API requests, cold / rebuild',
          ours: `${loaderCold.requests} / ${loaderAgain.requests}`,
          alternative: `${globCold.requests} / ${globAgain.requests}`,
          ratio: '',
          goal: '',
          met: null,
        },
        {
          figure: 'post pages built, cold / rebuild',
          ours: `${loaderCold.pages} / ${loaderAgain.pages}`,
          alternative: `${globCold.pages} / ${globAgain.pages}`,
          ratio: '',
          goal: `${items} / ${items}`,
          met: [loaderCold, loaderAgain, globCold, globAgain].every((b) => b.pages === items),
        },
      ],
      checks: [
        { what: 'loader site pages (cold)', expected: items, actual: loaderCold.pages },
        { what: 'glob site pages (cold)', expected: items, actual: globCold.pages },
        {
          what: 'loader cold build requests (list pages + N)',
          expected: pages + items,
          actual: loaderCold.requests,
        },
        {
          what: 'loader rebuild requests (list pages only)',
          expected: pages,
          actual: loaderAgain.requests,
        },
      ],
      notes: [
        `The glob side's files were pulled beforehand (${ms(pulled.wallMs)}), outside its build times: its build reads files, the loader's reads the API. That is the trade the table shows.`,
      ],
    };
  } finally {
    await emu.close();
    await rm(temp, { recursive: true, force: true });
  }
}
