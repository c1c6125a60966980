import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import { PULL_NODE_FLAGS } from '@robowrite/sync-cli';
import { type ChildScript, type Measured, runChild } from '../harness/child.ts';
import { ALL_STATUSES, expectedListPages } from '../harness/emulator.ts';
import { type EmulatorProcess, startEmulatorProcess } from '../harness/emulator-process.ts';
import { type BenchResult, type Check, mb, ms, type Row, ratio } from '../harness/report.ts';
import { changedFiles, fileSnapshot } from '../harness/site.ts';
import { CLI_PULL, CLI_PULL_V8_DEFAULTS, GUIDE_LOOP, LOAD_ONLY } from './paths.ts';

/** A row for a count (requests, writes) whose goal is an exact number. */
function countRow(
  figure: string,
  ours: number,
  alternative: number,
  goal: string,
  expected: number,
): Row {
  return {
    figure,
    ours: String(ours),
    alternative: String(alternative),
    ratio: ratio(ours, alternative),
    goal,
    met: ours === expected,
  };
}

interface Phases {
  listMs: number;
  readMs: number;
  writeMs: number;
}

/** The most V8 committed to each generation, and the most memory outside its heap. */
interface HeapPeak {
  youngMB: number;
  oldMB: number;
  externalMB: number;
}

interface PullReport extends Measured {
  phases: Phases;
  peak: HeapPeak;
  requests: number;
  counts: Record<string, number>;
  failures: number;
  firstFailure: string | null;
}
interface LoopReport extends Measured {
  requests: number;
  written: number;
  error: string | null;
}

const OUT = 'src/content/robowrite';
const STATUSES = ALL_STATUSES.join(',');

interface Measurement {
  phases?: Phases;
  peak?: HeapPeak;
  wallMs: number;
  maxRssMB: number;
  cpuMs: number;
  /** CPU time the emulator spent while this run went on. */
  emulatorCpuMs: number;
  requests: number;
  writes: number;
}

async function ours(
  emu: EmulatorProcess,
  root: string,
  child: ChildScript = CLI_PULL,
): Promise<Measurement> {
  const before = await fileSnapshot(join(root, OUT));
  const stats = await emu.snapshot();
  const report = await runChild<PullReport>(child, [root, OUT, STATUSES, 'off'], emu.env);
  if (report.failures > 0) throw new Error(`pull failed: ${report.firstFailure}`);
  const served = await emu.since(stats);
  const after = await fileSnapshot(join(root, OUT));
  return {
    phases: report.phases,
    peak: report.peak,
    wallMs: report.wallMs,
    maxRssMB: report.maxRssMB,
    cpuMs: report.cpuMs,
    emulatorCpuMs: served.cpuMs,
    requests: served.requests,
    writes: changedFiles(before, after),
  };
}

const heapPeak = (peak: HeapPeak | undefined): string =>
  peak ? `${mb(peak.youngMB)} / ${mb(peak.oldMB)} / ${mb(peak.externalMB)}` : '';

async function baseline(emu: EmulatorProcess, outDir: string): Promise<Measurement> {
  const before = await fileSnapshot(outDir);
  const stats = await emu.snapshot();
  const report = await runChild<LoopReport>(GUIDE_LOOP, [outDir, STATUSES], emu.env);
  if (report.error) throw new Error(`baseline failed: ${report.error}`);
  const served = await emu.since(stats);
  const after = await fileSnapshot(outDir);
  return {
    wallMs: report.wallMs,
    maxRssMB: report.maxRssMB,
    cpuMs: report.cpuMs,
    emulatorCpuMs: served.cpuMs,
    requests: served.requests,
    writes: changedFiles(before, after),
  };
}

/** PATCHes the title of every 100th item (1 %), through the API. Returns how many changed. */
async function changeOnePercent(emu: EmulatorProcess): Promise<number> {
  const client = new RoboWrite({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: false,
    logLevel: 'off',
  });
  const ids: string[] = [];
  for (const status of ALL_STATUSES) {
    for await (const row of client.content.list({ status, limit: 200 })) ids.push(row.id);
  }
  ids.sort();
  const chosen = ids.filter((_, i) => i % 100 === 0);
  for (const id of chosen) await client.content.update(id, { title: `Changed title ${id}` });
  await client.close();
  return chosen.length;
}

export async function pullAtScale(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  const small = smoke ? 100 : 1_000;
  const big = smoke ? 500 : 10_000;
  const rows: Row[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  const temp = await mkdtemp(join(os.tmpdir(), 'rw-bench-pull-'));
  try {
    // Peak RSS at the small N, for the "flat in N" comparison.
    log(`pull: cold pull of ${small} items (RSS at small N)`);
    const emuSmall = await startEmulatorProcess({
      fixture: 'empty',
      items: small,
      rateLimit: false,
    });
    const smallRun = await ours(emuSmall, join(temp, 'small'));
    await emuSmall.close();

    const floor = await runChild<Measured>(LOAD_ONLY, []);

    const emu = await startEmulatorProcess({ fixture: 'empty', items: big, rateLimit: false });
    const { pages, items } = await expectedListPages(emu, ALL_STATUSES);
    const root = join(temp, 'ours');
    log(`pull: cold pull of ${big} items, ours then the guide's loop`);
    const load1 = () => os.loadavg()[0] ?? 0;
    const loadBefore = load1();
    const cold = await ours(emu, root);
    const loadBetween = load1();
    const loopOut = join(temp, 'loop');
    const loopCold = await baseline(emu, loopOut);
    const loadAfter = load1();
    log('pull: no-change re-pull, ours then the guide loop');
    const again = await ours(emu, root);
    const loopAgain = await baseline(emu, loopOut);
    log('pull: 1 % of items changed through the API');
    const changed = await changeOnePercent(emu);
    const afterChange = await ours(emu, root);
    // Diagnostic, no goal: the same cold pull under V8's defaults, without the flags the bin
    // runs a pull with (sync-cli's heap-flags.ts): what they save, and what they cost in time.
    log("pull: cold pull under V8's defaults, without the bin's heap flags (diagnostic)");
    const defaults = await ours(emu, join(temp, 'v8-defaults'), CLI_PULL_V8_DEFAULTS).catch(
      (error: Error) => error,
    );
    await emu.close();

    log(`pull: list markers off, cold pull then re-pull of ${big} items`);
    const emuOff = await startEmulatorProcess({
      fixture: 'empty',
      items: big,
      rateLimit: false,
      listMarkers: false,
    });
    const rootOff = join(temp, 'markers-off');
    await ours(emuOff, rootOff);
    const againOff = await ours(emuOff, rootOff);
    await emuOff.close();

    rows.push(
      {
        figure: `cold pull wall time (N = ${big})`,
        ours: ms(cold.wallMs),
        alternative: ms(loopCold.wallMs),
        ratio: ratio(cold.wallMs, loopCold.wallMs),
        goal: '<= 0.50',
        met: cold.wallMs <= 0.5 * loopCold.wallMs,
      },
      countRow(
        'cold pull requests',
        cold.requests,
        loopCold.requests,
        `list pages + N = ${pages + items}`,
        pages + items,
      ),
      countRow('cold pull files written', cold.writes, loopCold.writes, `N = ${items}`, items),
      {
        figure: `cold pull peak RSS (N = ${big})`,
        ours: mb(cold.maxRssMB),
        alternative: mb(loopCold.maxRssMB),
        ratio: ratio(cold.maxRssMB, loopCold.maxRssMB),
        goal: '< 200 MB',
        met: cold.maxRssMB < 200,
      },
      {
        figure: `peak RSS, N = ${big} vs N = ${small} (ours)`,
        ours: `${mb(cold.maxRssMB)} vs ${mb(smallRun.maxRssMB)}`,
        alternative: '',
        ratio: ratio(cold.maxRssMB, smallRun.maxRssMB),
        goal: 'flat: <= 1.25',
        met: cold.maxRssMB <= 1.25 * smallRun.maxRssMB,
      },
      {
        figure: 'diagnostic: cold pull phases, list / read items / render + write',
        ours: cold.phases
          ? `${ms(cold.phases.listMs)} / ${ms(cold.phases.readMs)} / ${ms(cold.phases.writeMs)}`
          : '',
        alternative: '',
        ratio: '',
        goal: '',
        met: null,
      },
      {
        figure: 'diagnostic: RSS of a process that only loads the CLI',
        ours: mb(floor.maxRssMB),
        alternative: '',
        ratio: '',
        goal: '',
        met: null,
      },
      {
        figure: 'diagnostic: peak committed, young generation / old generation / external (ours)',
        ours: heapPeak(cold.peak),
        alternative: '',
        ratio: '',
        goal: '',
        met: null,
      },
      {
        figure: 'diagnostic: CPU time during the cold pull, the client / the emulator',
        ours: `${ms(cold.cpuMs)} / ${ms(cold.emulatorCpuMs)}`,
        alternative: `${ms(loopCold.cpuMs)} / ${ms(loopCold.emulatorCpuMs)}`,
        ratio: '',
        goal: '',
        met: null,
      },
      {
        // What the wall ratio comes to when neither side waits for a core: the loop is
        // sequential, so it takes at least its own CPU time plus the emulator's; the pull is
        // bound by its main thread, so it takes about its own CPU time (the emulator's runs on
        // the other core). Wall times on a loaded machine are mostly waiting for a core.
        figure: 'bound: CPU time, our pull / the loop plus the emulator serving it',
        ours: ms(cold.cpuMs),
        alternative: ms(loopCold.cpuMs + loopCold.emulatorCpuMs),
        ratio: ratio(cold.cpuMs, loopCold.cpuMs + loopCold.emulatorCpuMs),
        goal: '',
        met: null,
      },
      {
        figure: `diagnostic: cold pull under V8's defaults, without the bin's ${PULL_NODE_FLAGS.join(' ')}: peak RSS, wall, CPU, young / old / external`,
        ours:
          defaults instanceof Error
            ? `failed: ${defaults.message.split('\n')[0] ?? ''}`
            : `${mb(defaults.maxRssMB)}, ${ms(defaults.wallMs)}, ${ms(defaults.cpuMs)}, ${heapPeak(defaults.peak)}`,
        alternative: '',
        ratio: '',
        goal: '',
        met: null,
      },
      countRow(
        're-pull requests (no change)',
        again.requests,
        loopAgain.requests,
        `list pages only = ${pages}`,
        pages,
      ),
      countRow('re-pull files written (no change)', again.writes, loopAgain.writes, '0', 0),
      {
        figure: 're-pull wall time (no change)',
        ours: ms(again.wallMs),
        alternative: ms(loopAgain.wallMs),
        ratio: ratio(again.wallMs, loopAgain.wallMs),
        goal: '',
        met: null,
      },
      countRow(
        `1 % changed (${changed} items): requests`,
        afterChange.requests,
        loopAgain.requests,
        `list pages + changed = ${pages + changed}`,
        pages + changed,
      ),
      countRow(
        '1 % changed: files written',
        afterChange.writes,
        loopAgain.writes,
        `changed = ${changed}`,
        changed,
      ),
      countRow(
        're-pull requests, list markers off (fallback)',
        againOff.requests,
        loopAgain.requests,
        `list pages + N = ${pages + items} (no marker to compare)`,
        pages + items,
      ),
      countRow(
        're-pull files written, list markers off',
        againOff.writes,
        loopAgain.writes,
        '0',
        0,
      ),
    );
    checks.push(
      {
        what: 'cold pull requests (list pages + N)',
        expected: pages + items,
        actual: cold.requests,
      },
      { what: 'cold pull files written', expected: items, actual: cold.writes },
      { what: 're-pull requests (list pages only)', expected: pages, actual: again.requests },
      { what: 're-pull files written', expected: 0, actual: again.writes },
      { what: '1 % change requests', expected: pages + changed, actual: afterChange.requests },
      { what: '1 % change files written', expected: changed, actual: afterChange.writes },
      { what: 'markers off re-pull requests', expected: pages + items, actual: againOff.requests },
      { what: 'markers off re-pull files written', expected: 0, actual: againOff.writes },
    );
    notes.push(
      'The emulator rate limit is off here: at the real 120 requests a minute both sides would take ' +
        `${Math.round((pages + items) / 120)} minutes and the comparison would only measure the limit (benchmark 3 measures that). ` +
        'The CLI client is built with `rateLimit: false` for the same reason; the guide loop has none.',
      `List pages: one listing per status (${ALL_STATUSES.join(', ')}), 200 a page, ceil(n/200) each; the emulator holds ${items} items over those statuses, so ${pages} pages.`,
      `Load average (1 min) before our cold pull, between it and the loop's, after the loop's: ${[loadBefore, loadBetween, loadAfter].map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs.`,
      'Files written are counted on disk (mtime and size of every .md before and after), not from the tools’ own reports. Wall times are measured inside each child process around the pull itself; peak RSS is the child’s own high-water mark (`VmHWM`; `maxRSS` would include the bench’s RSS at the fork, see `harness/peak-rss.ts`).',
    );
    return {
      title: '2. Pull at scale: `robowrite pull` vs the guide’s loop',
      setup: [
        `N = ${big} items (and ${small} for the RSS comparison), emulator fixture "empty" plus N generated items`,
        'emulator rate limit off; list markers on (a second emulator with them off for the fallback rows)',
        'alternative: bench/src/baseline/guide-loop.ts (list pages, GET each item, gray-matter, sequential fetch)',
      ],
      rows,
      checks,
      notes,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
