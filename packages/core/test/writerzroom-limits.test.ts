import { describe, expect, it } from 'vitest';
import { RateLimitError, type WriterzRoomDialect } from '../src/index.ts';
import { generationInput, settle, wzrEmulator, wzrProvider } from './writerzroom-helpers.ts';

/**
 * The documented limits with every window scaled down, so the test runs in seconds. Process scope:
 * this proves the in-process limiters reach and hold the limit; the per-request ledger of the
 * machine budget (machine-budget.test.ts) slowed the polls under a full parallel run so much that
 * 20 jobs landed before 60 status calls, and the assertion below is about reaching the limit.
 */
const WINDOW_MS = 1_000;
const LIMITS = {
  generate: { requests: 10, windowMs: WINDOW_MS, scope: 'process' },
  status: { requests: 60, windowMs: WINDOW_MS, scope: 'process' },
  other: { requests: 200, windowMs: WINDOW_MS * 60, scope: 'process' },
} as const;
const GENERATIONS = 20;

describe.each<WriterzRoomDialect>(['api', 'v1'])('WriterzRoom per-route limits, %s', (dialect) => {
  it(`starts and collects ${GENERATIONS} generations at once without a single 429`, async () => {
    const emu = await wzrEmulator({ routeLimits: LIMITS, jobDurationMs: 300 });
    const { provider } = wzrProvider(emu, dialect, { rateLimit: LIMITS });
    const gen = provider.generation;
    const jobs = await Promise.all(
      Array.from({ length: GENERATIONS }, (_, i) => {
        const input = gen.parseInput(generationInput(dialect, `Bread number ${i + 1}`));
        return gen.start(input, gen.newCheckpoint(input));
      }),
    );
    // Every job polled as fast as the client lets it: the status limiter is what holds it back.
    const snapshots = await Promise.all(
      jobs.map((job) => settle(provider, job.jobId, { pollMs: 0, deadlineMs: 60_000 })),
    );
    const drafts = await Promise.all(
      snapshots.map((snapshot) => provider.retrieveDraft(snapshot.draftId as string)),
    );

    expect(snapshots.map((s) => s.outcome)).toEqual(Array(GENERATIONS).fill('landed'));
    expect(new Set(drafts.map((d) => d?.id)).size).toBe(GENERATIONS);
    const stats = emu.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.jobsCreated).toBe(GENERATIONS);
    // More status calls than one window allows: the limit was reached and held, not avoided.
    const statusCalls = Object.entries(stats.routes)
      .filter(([route]) => route.includes('/generate/status/'))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(statusCalls).toBeGreaterThan(LIMITS.status.requests);
  });

  it('without the client-side limits the same burst earns 429s (the control)', async () => {
    const emu = await wzrEmulator({ routeLimits: LIMITS, jobDurationMs: 300 });
    const { provider } = wzrProvider(emu, dialect, { rateLimit: false, maxRetries: 0 });
    const gen = provider.generation;
    const results = await Promise.allSettled(
      Array.from({ length: GENERATIONS }, () => {
        const input = gen.parseInput(generationInput(dialect));
        return gen.start(input, gen.newCheckpoint(input));
      }),
    );
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof RateLimitError,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(emu.stats().rateLimited).toBe(refused.length);
  });
});
