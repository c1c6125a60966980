import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { type Measured, runChild } from '../harness/child.ts';
import { ALL_STATUSES, expectedListPages, startBenchEmulator } from '../harness/emulator.ts';
import { type BenchResult, ms } from '../harness/report.ts';
import { CLI_PULL } from './paths.ts';

const LIMIT = 120;
const SITES = 3;

type PullReport = Measured & { requests: number; failures: number };
type Emulator = Awaited<ReturnType<typeof startBenchEmulator>>;

/** How the three pulls' budgets are set up: what `cli-pull.ts` takes after `N/windowMs`. */
interface Setup {
  name: string;
  /** `''`, `/process` (no ledger), `/process/fixed` (no ledger, and a 429 only pauses). */
  flags: string;
  /** One ledger folder for all three (one machine), or one each (machines that cannot see each other). */
  ledgers: 'shared' | 'separate';
}

/** Three sites' pulls started together against one emulator; their 429s and the slowest wall. */
async function threeSites(emu: Emulator, temp: string, windowMs: number, setup: Setup) {
  // Fresh ledgers, and every run starts at the same point of the emulator's fixed window (a
  // window boundary, after two idle windows), so the runs' 429s are compared like for like.
  await new Promise((r) => setTimeout(r, 2 * windowMs - (Date.now() % windowMs) + 5));
  const before = emu.snapshot();
  const reports = await Promise.all(
    Array.from({ length: SITES }, (_, site) => {
      const ledger = setup.ledgers === 'shared' ? setup.name : `${setup.name}-${site}`;
      const env = { ...emu.env, ROBOWRITE_BUDGET_DIR: join(temp, 'budgets', ledger) };
      const root = join(temp, `${setup.name}-${site}`);
      const limit = `${LIMIT}/${windowMs}${setup.flags}`;
      return runChild<PullReport>(CLI_PULL, [root, 'out', ALL_STATUSES.join(','), limit], env);
    }),
  );
  return {
    ...emu.since(before),
    wallMs: Math.max(...reports.map((r) => r.wallMs)),
    failures: reports.reduce((sum, r) => sum + r.failures, 0),
  };
}

/**
 * Issue 14's last row: three sites of one organization pulling at once, each configured with the
 * API's whole limit. On one machine they share the machine-wide budget (the default). On three
 * machines (a ledger folder each) only the API's 429s tell them about each other: each 429 cuts
 * that machine's share (AIMD). The alternative for both is the behaviour before: each process
 * owns the whole limit and a 429 only pauses it.
 */
export async function sharedBudget(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  // Enough windows in full runs for what follows the first overload to show (the shared bound
  // is about five windows), few enough to keep the benchmark near three minutes.
  const items = smoke ? 100 : 200;
  // Long enough in full runs that the emulator's answer to a burst (a few hundred ms on 2 shared
  // cores) is a small part of each window, as it is of the API's 60 s.
  const windowMs = smoke ? 1_000 : 10_000;
  const temp = await mkdtemp(join(os.tmpdir(), 'rw-bench-budget-'));
  const emu = await startBenchEmulator({
    fixture: 'empty',
    items,
    rateLimit: { requests: LIMIT, windowMs },
  });
  try {
    const { pages } = await expectedListPages(emu, ALL_STATUSES);
    const total = SITES * (pages + items);
    const bound = (total / LIMIT) * windowMs;
    log(
      `budget: ${SITES} pulls of ${items} items sharing one machine's budget, ${LIMIT} / ${windowMs} ms`,
    );
    const shared = await threeSites(emu, temp, windowMs, {
      name: 'shared',
      flags: '',
      ledgers: 'shared',
    });
    log(
      `budget: the same ${SITES} pulls on ${SITES} machines (a ledger each; a 429 cuts the share)`,
    );
    const fleet = await threeSites(emu, temp, windowMs, {
      name: 'fleet',
      flags: '',
      ledgers: 'separate',
    });
    log(`budget: the same ${SITES} pulls as before: each owns the limit, a 429 only pauses`);
    const before = await threeSites(emu, temp, windowMs, {
      name: 'before',
      flags: '/process/fixed',
      ledgers: 'separate',
    });
    const sharedRatio = shared.wallMs / bound;
    const fleetRatio = fleet.wallMs / bound;
    return {
      title:
        '7. One budget per organization: three sites pulling at once, on one machine and on three',
      setup: [
        `${SITES} \`robowrite pull\` processes of one key, ${items} items each; emulator and clients at ${LIMIT} requests per ${ms(windowMs)} (the API's 120 / 60 s, scaled ${60_000 / windowMs}x)`,
        "one machine: the machine-wide budget (default); three machines: a ledger folder each (`ROBOWRITE_BUDGET_DIR`), so only 429s tell them apart, and each 429 halves that machine's share (a twentieth of the limit back per window without one)",
        'alternative: the behaviour before, each process owning the whole limit, a 429 only pausing it (`scope: "process", adaptive: false`)',
        `shared bound: ${total} requests / ${LIMIT} x ${ms(windowMs)} = ${ms(bound)}`,
      ],
      rows: [
        {
          figure: 'one machine: 429s received',
          ours: `${shared.rateLimited} of ${shared.requests}`,
          alternative: `${before.rateLimited} of ${before.requests}`,
          ratio: '',
          goal: '0',
          met: shared.rateLimited === 0,
        },
        {
          figure: 'one machine: wall (slowest pull) / shared bound',
          ours: ms(shared.wallMs),
          alternative: ms(before.wallMs),
          ratio: sharedRatio.toFixed(2),
          goal: '<= 1.10',
          met: sharedRatio <= 1.1,
        },
        {
          figure: 'three machines: 429s received',
          ours: `${fleet.rateLimited} of ${fleet.requests}`,
          alternative: `${before.rateLimited} of ${before.requests}`,
          ratio: (fleet.rateLimited / Math.max(1, before.rateLimited)).toFixed(2),
          goal: 'few (fewer than before)',
          met: fleet.rateLimited < before.rateLimited,
        },
        {
          figure: 'three machines: items not collected (retries exhausted)',
          ours: String(fleet.failures),
          alternative: String(before.failures),
          ratio: '',
          goal: '0',
          met: fleet.failures === 0,
        },
        {
          figure: 'three machines: wall (slowest pull) / shared bound',
          ours: ms(fleet.wallMs),
          alternative: ms(before.wallMs),
          ratio: fleetRatio.toFixed(2),
          goal: 'close to 1',
          met: null,
        },
      ],
      checks: [
        { what: '429s with the machine budget', expected: 0, actual: shared.rateLimited },
        { what: 'requests with the machine budget', expected: total, actual: shared.requests },
        { what: 'pull failures with the machine budget', expected: 0, actual: shared.failures },
      ],
      notes: [
        `Before: wall ${(before.wallMs / bound).toFixed(2)} x the shared bound, ${before.failures} items not collected (refused on all 3 attempts: the CLI's 2 retries).`,
        'The first window cannot be spared on three machines: each sends at its whole limit until its first 429 (the pull reads 8 items at a time, so each gets about 8 429s per overload). The cut shows in the windows after it.',
      ],
    };
  } finally {
    await emu.close();
    await rm(temp, { recursive: true, force: true });
  }
}
