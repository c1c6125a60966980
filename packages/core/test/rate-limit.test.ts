import { describe, expect, it } from 'vitest';
import { RateLimitError, RateLimiter } from '../src/index.ts';
import { client, emulator } from './helpers.ts';

const WINDOW = { requests: 120, windowMs: 1000 };

describe('client-side rate limit', () => {
  it('600 requests against a 120-per-window server draw zero 429s', async () => {
    const emu = await emulator({ rateLimit: WINDOW });
    const { client: rw } = client(emu, { rateLimit: WINDOW, maxRetries: 0 });
    const results = await Promise.all(Array.from({ length: 600 }, () => rw.ping()));
    expect(results).toHaveLength(600);
    expect(emu.stats().rateLimited).toBe(0);
    expect(emu.stats().requests).toBe(600);
  }, 30_000);

  it('without it, the same burst is refused by the server', async () => {
    const emu = await emulator({ rateLimit: WINDOW });
    const { client: rw } = client(emu, { rateLimit: false, maxRetries: 0 });
    const settled = await Promise.allSettled(Array.from({ length: 200 }, () => rw.ping()));
    const limited = settled.filter(
      (r) => r.status === 'rejected' && r.reason instanceof RateLimitError,
    );
    expect(limited.length).toBeGreaterThan(0);
    expect(emu.stats().rateLimited).toBe(limited.length);
  });

  it('one RateLimiter shared by two clients keeps their sum under the limit', async () => {
    const emu = await emulator({ rateLimit: WINDOW });
    const shared = new RateLimiter(WINDOW);
    const a = client(emu, { rateLimit: shared, maxRetries: 0 }).client;
    const b = client(emu, { rateLimit: shared, maxRetries: 0 }).client;
    await Promise.all([
      ...Array.from({ length: 150 }, () => a.ping()),
      ...Array.from({ length: 150 }, () => b.brands.list()),
    ]);
    expect(emu.stats().rateLimited).toBe(0);
    expect(emu.stats().requests).toBe(300);
  }, 30_000);
});
