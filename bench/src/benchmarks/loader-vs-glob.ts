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
import { percentile } from '../harness/stats.ts';
import { ASTRO_BUILD, BENCH_NODE_MODULES, CLI_PULL } from './paths.ts';

interface Build extends Measured {
  requests: number;
  pages: number;
}

async function countPages(site: string): Promise<number> {
  const entries = await readdir(join(site, 'dist/posts')).catch(() => [] as string[]);
  return entries.length;
}

/** The median of each figure over the rounds (counts are the same in every round). */
function medianBuild(builds: readonly Build[]): Build {
  const first = builds[0];
  if (!first) throw new Error('no builds');
  return {
    ...first,
    wallMs: percentile(
      builds.map((b) => b.wallMs),
      50,
    ),
    maxRssMB: percentile(
      builds.map((b) => b.maxRssMB),
      50,
    ),
  };
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
  const rounds = smoke ? 1 : 3;
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

    // One untimed build first, so neither side's first cold build also pays for the OS's first
    // read of astro and vite from disk. Then rounds of cold build + no-change rebuild per site,
    // the order alternating, so drift in the machine's load hits both sides alike; the tables
    // show the median of the rounds.
    log(
      `loader: warm-up build (untimed), then ${rounds} round(s) of cold build + rebuild per site`,
    );
    await build(emu, globSite);
    const runs = {
      loaderCold: [] as Build[],
      loaderAgain: [] as Build[],
      globCold: [] as Build[],
      globAgain: [] as Build[],
    };
    for (let round = 0; round < rounds; round++) {
      for (const site of [globSite, loaderSite]) {
        for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
          await rm(join(site, cache), { recursive: true, force: true });
        }
      }
      const order = round % 2 === 0 ? (['glob', 'loader'] as const) : (['loader', 'glob'] as const);
      for (const kind of order) {
        const site = kind === 'glob' ? globSite : loaderSite;
        runs[`${kind}Cold`].push(await build(emu, site));
      }
      for (const kind of order) {
        const site = kind === 'glob' ? globSite : loaderSite;
        runs[`${kind}Again`].push(await build(emu, site));
      }
      log(`loader: round ${round + 1} of ${rounds} done`);
    }
    const loaderCold = medianBuild(runs.loaderCold);
    const loaderAgain = medianBuild(runs.loaderAgain);
    const globCold = medianBuild(runs.globCold);
    const globAgain = medianBuild(runs.globAgain);
    const all = Object.values(runs).flat();
    const list = (builds: Build[]) => builds.map((b) => ms(b.wallMs)).join(', ');

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
        `figures are the median of ${rounds} round(s); a cold build starts with the site's caches (dist, .astro, node_modules/.astro, node_modules/.vite) removed`,
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
          met: all.every((b) => b.pages === items),
        },
      ],
      checks: [
        {
          what: 'builds with every post page',
          expected: all.length,
          actual: all.filter((b) => b.pages === items).length,
        },
        {
          what: 'loader cold build requests (list pages + N)',
          expected: pages + items,
          actual: Math.max(...runs.loaderCold.map((b) => b.requests)),
        },
        {
          what: 'loader rebuild requests (list pages only)',
          expected: pages,
          actual: Math.max(...runs.loaderAgain.map((b) => b.requests)),
        },
      ],
      notes: [
        `Wall times per round, loader cold: ${list(runs.loaderCold)}; glob cold: ${list(runs.globCold)}; loader rebuild: ${list(runs.loaderAgain)}; glob rebuild: ${list(runs.globAgain)}.`,
        `The glob side's files were pulled beforehand (${ms(pulled.wallMs)}), outside its build times: its build reads files, the loader's reads the API. That is the trade the table shows.`,
      ],
    };
  } finally {
    await emu.close();
    await rm(temp, { recursive: true, force: true });
  }
}
