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

/** Three sites' pulls started together against one emulator; their 429s and the slowest wall. */
async function threeSites(
  emu: Awaited<ReturnType<typeof startBenchEmulator>>,
  temp: string,
  limit: string,
  budgetDir: string,
) {
  const before = emu.snapshot();
  const env = { ...emu.env, ROBOWRITE_BUDGET_DIR: budgetDir };
  const reports = await Promise.all(
    Array.from({ length: SITES }, (_, site) =>
      runChild<PullReport>(
        CLI_PULL,
        [join(temp, `${limit.replaceAll('/', '-')}-${site}`), 'out', ALL_STATUSES.join(','), limit],
        env,
      ),
    ),
  );
  const counted = emu.since(before);
  return {
    ...counted,
    wallMs: Math.max(...reports.map((r) => r.wallMs)),
    failures: reports.reduce((sum, r) => sum + r.failures, 0),
  };
}

/**
 * Issue 14's last row: three sites of one organization pulling at once on one machine, each
 * configured with the API's whole limit. With the machine-wide budget (the default) they share
 * it; with `scope: 'process'` each believes it owns it, as every process did before.
 */
export async function sharedBudget(
  smoke: boolean,
  log: (line: string) => void,
): Promise<BenchResult> {
  const items = smoke ? 100 : 300;
  const windowMs = smoke ? 1_000 : 2_500;
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
      `budget: ${SITES} pulls of ${items} items, one machine budget of ${LIMIT} / ${windowMs} ms`,
    );
    // A fresh emulator window and fresh ledgers for each run.
    await new Promise((r) => setTimeout(r, windowMs * 2));
    const shared = await threeSites(emu, temp, `${LIMIT}/${windowMs}`, join(temp, 'budgets-a'));
    log(`budget: the same ${SITES} pulls, each with its own process budget`);
    await new Promise((r) => setTimeout(r, windowMs * 2));
    const alone = await threeSites(
      emu,
      temp,
      `${LIMIT}/${windowMs}/process`,
      join(temp, 'budgets-b'),
    );
    const wallRatio = shared.wallMs / bound;
    return {
      title: '7. One budget per organization: three sites pulling at once on one machine',
      setup: [
        `${SITES} \`robowrite pull\` processes of one key, ${items} items each; emulator and clients at ${LIMIT} requests per ${windowMs} ms (the API's 120 / 60 s, scaled ${60_000 / windowMs}x)`,
        'ours: the machine-wide budget (default); alternative: `scope: "process"`, each process owning the whole limit (the behaviour before)',
        `shared bound: ${total} requests / ${LIMIT} x ${ms(windowMs)} = ${ms(bound)}`,
      ],
      rows: [
        {
          figure: '429s received',
          ours: `${shared.rateLimited} of ${shared.requests}`,
          alternative: `${alone.rateLimited} of ${alone.requests}`,
          ratio: '',
          goal: '0',
          met: shared.rateLimited === 0,
        },
        {
          figure: 'wall time (slowest pull) / shared bound',
          ours: ms(shared.wallMs),
          alternative: ms(alone.wallMs),
          ratio: wallRatio.toFixed(2),
          goal: '<= 1.10',
          met: wallRatio <= 1.1,
        },
      ],
      checks: [
        { what: '429s with the machine budget', expected: 0, actual: shared.rateLimited },
        { what: 'requests with the machine budget', expected: total, actual: shared.requests },
        { what: 'pull failures with the machine budget', expected: 0, actual: shared.failures },
      ],
      notes: [
        'The process-scoped run retries its 429s, so its request count includes them; its failures: ' +
          `${alone.failures}.`,
      ],
    };
  } finally {
    await emu.close();
    await rm(temp, { recursive: true, force: true });
  }
}
