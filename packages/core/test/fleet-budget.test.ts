import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MachineBudget } from '../src/core/machine-budget.ts';
import { RateLimiter } from '../src/index.ts';
import { client, emulator } from './helpers.ts';

let dir = '';
beforeAll(async () => {
  // Ledgers of this file only: parallel test files never share one.
  dir = await mkdtemp(join(tmpdir(), 'robowrite-fleet-test-'));
  process.env.ROBOWRITE_BUDGET_DIR = dir;
});
afterAll(async () => {
  delete process.env.ROBOWRITE_BUDGET_DIR;
  await rm(dir, { recursive: true, force: true });
});

/** The emulator's fixed window, small so a run takes seconds. */
const WINDOW = { requests: 20, windowMs: 1_000 };
const MACHINES = 3;
const PINGS = 100;

/**
 * Three machines of one organization: clients with `scope: 'process'` see nothing of each other
 * (no shared ledger, as on separate machines), and each believes the whole limit is its own. Only
 * the API's 429s tell them otherwise. Enough retries that every ping gets through in the end.
 */
async function fleet(adaptive: boolean) {
  const emu = await emulator({ rateLimit: WINDOW });
  const clients = Array.from(
    { length: MACHINES },
    () =>
      client(emu, { rateLimit: { ...WINDOW, scope: 'process', adaptive }, maxRetries: 50 }).client,
  );
  const results = await Promise.all(
    clients.flatMap((rw) => Array.from({ length: PINGS }, () => rw.ping())),
  );
  return { answered: results.length, stats: emu.stats() };
}

describe('machines that cannot see each other (AIMD on 429)', () => {
  it('converge: every request gets through with far fewer 429s than without the cut', async () => {
    const fixed = await fleet(false);
    const adaptive = await fleet(true);

    for (const run of [fixed, adaptive]) {
      expect(run.answered).toBe(MACHINES * PINGS);
      expect(run.stats.requests - run.stats.rateLimited).toBe(MACHINES * PINGS);
    }
    // Without the cut each machine keeps sending its whole limit every window.
    // With it the first overload halves every share, and later ones are small.
    expect(adaptive.stats.rateLimited).toBeLessThan(fixed.stats.rateLimited / 2);
  }, 120_000);
});

describe('the share a 429 cuts', () => {
  it("halves a limiter's share once per overload; not when it is not adaptive", () => {
    const adaptive = new RateLimiter({ requests: 8, windowMs: 60_000, scope: 'process' });
    const fixed = new RateLimiter({ requests: 8, windowMs: 60_000, adaptive: false });
    const sentAt = Date.now();
    adaptive.rateLimited(0, sentAt);
    adaptive.rateLimited(0, sentAt - 1);
    fixed.rateLimited(0, sentAt);
    expect(adaptive.share).toBe(4);
    expect(fixed.share).toBe(8);
  });

  it('is carried by the machine ledger: every process of the machine holds fewer slots', async () => {
    const refused = new MachineBudget('cut-together', 4, 60_000);
    const other = new MachineBudget('cut-together', 4, 60_000);
    refused.rateLimited(0, Date.now());
    const held = [await other.acquire(), await other.acquire()];
    await expect(other.acquire(AbortSignal.timeout(300))).rejects.toThrow();
    const ledger = JSON.parse(await readFile(other.path, 'utf8'));
    expect(ledger.share.base).toBe(2);
    expect(ledger.slots).toHaveLength(2);
    for (const release of held) release();
  });
});
