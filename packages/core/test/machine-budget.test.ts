import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MachineBudget } from '../src/core/machine-budget.ts';
import { emulator } from './helpers.ts';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'children', 'ping-burst.ts');
/** The emulator's fixed window, small so a run takes a few seconds. */
const WINDOW = { requests: 20, windowMs: 1_000 };

let dir = '';
beforeAll(async () => {
  // Budgets of this file only: parallel test files never share a ledger.
  dir = await mkdtemp(join(tmpdir(), 'robowrite-budget-test-'));
  process.env.ROBOWRITE_BUDGET_DIR = dir;
});
afterAll(async () => {
  delete process.env.ROBOWRITE_BUDGET_DIR;
  await rm(dir, { recursive: true, force: true });
});

/** Three processes of one organization, each sending 30 pings at once (90 against 20 a window). */
async function threeProcesses(scope: 'machine' | 'process') {
  const emu = await emulator({ rateLimit: WINDOW });
  const args = [CHILD, emu.url, '30', String(WINDOW.requests), String(WINDOW.windowMs), scope];
  const env = { ...process.env, ROBOWRITE_API_KEY: emu.apiKey };
  const outputs = await Promise.all(
    [1, 2, 3].map(() => run(process.execPath, args, { env, timeout: 60_000 })),
  );
  const refused = outputs.map(({ stdout }) => (JSON.parse(stdout) as { refused: number }).refused);
  return { stats: emu.stats(), refused };
}

/** Once the callbacks queued now have run (a freed slot is written then at the latest). */
const afterCallbacks = () => new Promise((resolve) => setImmediate(resolve));

/** The ledger file of `budget` as it is on disk now. */
async function ledgerOf(budget: MachineBudget) {
  return JSON.parse(await readFile(budget.path, 'utf8')) as {
    slots: { id: string; freeAt: number | null }[];
  };
}

/** A pid that no process has any more: a child that already exited. */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('the machine-wide budget', () => {
  it('keeps three processes of one key within the window together: no 429', async () => {
    const { stats, refused } = await threeProcesses('machine');
    expect(stats.requests).toBe(90);
    expect(stats.rateLimited).toBe(0);
    expect(refused).toEqual([0, 0, 0]);
  }, 60_000);

  it("with scope 'process' the same three processes overrun it (what the ledger prevents)", async () => {
    const { stats, refused } = await threeProcesses('process');
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(refused.reduce((a, b) => a + b)).toBe(stats.rateLimited);
  }, 60_000);

  it('takes back the slots a dead process left in flight', async () => {
    const budget = new MachineBudget('dead-pid', 2, 200);
    const pid = await deadPid();
    const lost = (id: string) => ({ id, pid, sentAt: Date.now(), freeAt: null });
    await writeFile(budget.path, JSON.stringify({ pausedUntil: 0, slots: [lost('a'), lost('b')] }));
    const release = await budget.acquire(AbortSignal.timeout(10_000));
    const ledger = JSON.parse(await readFile(budget.path, 'utf8'));
    expect(ledger.slots.filter((s: { pid: number }) => s.pid === process.pid)).toHaveLength(1);
    release();
  }, 20_000);

  it('resets a corrupt ledger instead of failing', async () => {
    const budget = new MachineBudget('corrupt', 2, 200);
    await writeFile(budget.path, '{"slots": [not json');
    const release = await budget.acquire(AbortSignal.timeout(10_000));
    release();
    await afterCallbacks();
    const ledger = JSON.parse(await readFile(budget.path, 'utf8'));
    expect(ledger.slots).toHaveLength(1);
    expect(ledger.slots[0].freeAt).toBeGreaterThan(0);
  });

  it('holds every sharer of a budget while one of them is paused by a 429', async () => {
    const a = new MachineBudget('paused', 5, 1_000);
    const b = new MachineBudget('paused', 5, 1_000);
    a.pause(60_000);
    await expect(b.acquire(AbortSignal.timeout(200))).rejects.toThrow();
    expect(b.pausedForMs).toBeGreaterThan(50_000);
  });

  it('keeps no ledger in a folder that is a symlink (another user could have made it first)', async () => {
    const real = join(dir, 'elsewhere');
    await mkdir(real);
    const link = join(dir, 'linked');
    await symlink(real, link);
    process.env.ROBOWRITE_BUDGET_DIR = link;
    try {
      const budget = new MachineBudget('symlinked', 2, 200);
      const release = await budget.acquire(AbortSignal.timeout(10_000));
      release();
      await expect(access(budget.path)).rejects.toThrow();
    } finally {
      process.env.ROBOWRITE_BUDGET_DIR = dir;
    }
  });

  it("writes a freed slot with the process's next acquire: one ledger write per request", async () => {
    const budget = new MachineBudget('folded', 5, 60_000);
    const first = await budget.acquire();
    // Every write replaces the file (write, then rename): the same inode means no write.
    const written = statSync(budget.path).ino;
    first();
    expect(statSync(budget.path).ino).toBe(written);
    // Before the free's own write could run: the next acquire carries it.
    const next = budget.acquire();
    const release = await next;
    const ledger = await ledgerOf(budget);
    expect(ledger.slots).toHaveLength(2);
    expect(ledger.slots.filter((slot) => slot.freeAt !== null)).toHaveLength(1);
    release();
  });

  it('writes a freed slot on its own once the callbacks are done, and at exit', async () => {
    const budget = new MachineBudget('freed-alone', 5, 60_000);
    const release = await budget.acquire();
    release();
    await afterCallbacks();
    expect((await ledgerOf(budget)).slots[0]?.freeAt).toBeGreaterThan(Date.now());

    const child = join(import.meta.dirname, 'children', 'release-then-exit.ts');
    await run(process.execPath, [child, 'freed-at-exit'], { timeout: 30_000 });
    const exited = await ledgerOf(new MachineBudget('freed-at-exit', 2, 60_000));
    expect(exited.slots).toHaveLength(1);
    expect(exited.slots[0]?.freeAt).toBeGreaterThan(Date.now());
  }, 40_000);
});
