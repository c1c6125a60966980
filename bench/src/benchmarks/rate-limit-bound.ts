import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { type Measured, runChild } from '../harness/child.ts';
import { ALL_STATUSES, expectedListPages, startBenchEmulator } from '../harness/emulator.ts';
import { type BenchResult, ms } from '../harness/report.ts';
import { fileSnapshot } from '../harness/site.ts';
import { CLI_PULL, GUIDE_LOOP } from './paths.ts';

const LIMIT = 120;

/**
 * Counts the emulator's requests in each of its own fixed windows (they are aligned to
 * multiples of the window length, so a timer at each boundary reads them exactly enough).
 */
function windowCounter(read: () => number, windowMs: number) {
  const counts: number[] = [];
  let last = read();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = read();
    counts.push(now - last);
    last = now;
    schedule();
  };
  const schedule = () => {
    timer = setTimeout(tick, windowMs - (Date.now() % windowMs) + 1);
  };
  schedule();
  return {
    stop(): number[] {
      clearTimeout(timer);
      counts.push(read() - last);
      return counts;
    },
  };
}

export async function rateLimitBound(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  const items = smoke ? 400 : 2_000;
  const windowMs = smoke ? 1_000 : 2_500;
  const temp = await mkdtemp(join(os.tmpdir(), 'rw-bench-rate-'));
  const emu = await startBenchEmulator({
    fixture: 'empty',
    items,
    rateLimit: { requests: LIMIT, windowMs },
  });
  try {
    // Start at a fresh window so the counting below is not skewed by the setup requests.
    const { pages } = await expectedListPages(emu, ALL_STATUSES);
    await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 5));
    log(`rate: pull of ${items} items under ${LIMIT} requests / ${windowMs} ms`);
    const before = emu.snapshot();
    const counter = windowCounter(() => emu.snapshot().requests, windowMs);
    const report = await runChild<Measured & { requests: number; failures: number }>(
      CLI_PULL,
      [join(temp, 'ours'), 'out', ALL_STATUSES.join(','), `${LIMIT}/${windowMs}`],
      emu.env,
    );
    const perWindow = counter.stop();
    const ours = emu.since(before);
    const written = (await fileSnapshot(join(temp, 'ours', 'out'))).size;
    // Full windows only: drop the idle ones around the run (child start-up), then the first and
    // last busy ones, which the pull starts and ends inside.
    const firstBusy = perWindow.findIndex((count) => count > 0);
    const lastBusy = perWindow.findLastIndex((count) => count > 0);
    const full = perWindow.slice(firstBusy + 1, lastBusy);
    const meanFull = full.reduce((a, b) => a + b, 0) / Math.max(1, full.length);
    const peak = Math.max(...perWindow);

    log('rate: the guide loop against the same limit');
    await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 5));
    const loopBefore = emu.snapshot();
    const loop = await runChild<
      Measured & { requests: number; written: number; error: string | null }
    >(GUIDE_LOOP, [join(temp, 'loop'), ALL_STATUSES.join(',')], emu.env);
    const theirs = emu.since(loopBefore);

    const achieved = meanFull / LIMIT;
    return {
      title: '3. Rate-limit bound: `robowrite pull` under the API’s limit',
      setup: [
        `${items} items; emulator limit ${LIMIT} requests per ${windowMs} ms fixed window (the API's 120 / 60 s, scaled ${60_000 / windowMs}x so the run takes under a minute)`,
        `client configured with the same limit (\`rateLimit: { requests: ${LIMIT}, windowMs: ${windowMs} }\`)`,
        'alternative: the guide loop, which has no limiter and no retry (it stops at its first error)',
      ],
      rows: [
        {
          figure: 'requests per full window / limit',
          ours: `${meanFull.toFixed(1)} / ${LIMIT}`,
          alternative: '',
          ratio: achieved.toFixed(2),
          goal: '>= 0.90',
          met: achieved >= 0.9,
        },
        {
          figure: 'busiest window',
          ours: String(peak),
          alternative: '',
          ratio: (peak / LIMIT).toFixed(2),
          goal: `<= ${LIMIT}`,
          met: peak <= LIMIT,
        },
        {
          figure: '429s received',
          ours: String(ours.rateLimited),
          alternative: String(theirs.rateLimited),
          ratio: '',
          goal: '0',
          met: ours.rateLimited === 0,
        },
        {
          figure: 'items written',
          ours: String(written),
          alternative: `${loop.written}${loop.error ? ` (stopped: ${loop.error})` : ''}`,
          ratio: '',
          goal: String(items),
          met: written === items,
        },
        {
          figure: 'wall time',
          ours: ms(report.wallMs),
          alternative: ms(loop.wallMs),
          ratio: '',
          goal: `>= ${ms((Math.ceil((pages + items) / LIMIT) - 1) * windowMs)} (the bound)`,
          met: null,
        },
      ],
      checks: [
        { what: '429s received by the pull', expected: 0, actual: ours.rateLimited },
        {
          what: 'pull requests (list pages + items)',
          expected: pages + items,
          actual: ours.requests,
        },
        { what: 'pull failures', expected: 0, actual: report.failures },
        { what: 'files written', expected: items, actual: written },
      ],
      notes: [
        `Requests per window are the emulator's own counts in each of its fixed windows (${perWindow.join(', ')}); the mean is over the full windows, without the partial first and last.`,
      ],
    };
  } finally {
    await emu.close();
    await rm(temp, { recursive: true, force: true });
  }
}
