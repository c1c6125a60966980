import { afterEach, describe, expect, it, vi } from 'vitest';
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
    // A limit no split of the burst over two windows can fit (10 a minute): on a loaded machine
    // 200 pings can take over a second, and against 120 per second none was refused.
    const emu = await emulator({ rateLimit: { requests: 10, windowMs: 60_000 } });
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

describe('RateLimiter slots', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a slot while its request is in flight and for a full window after the response', async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ requests: 2, windowMs: 1000 });
    const first = await limiter.acquire();
    await limiter.acquire();
    let granted = false;
    const third = limiter.acquire().then((release) => {
      granted = true;
      return release;
    });
    // However slow the responses, nothing more is sent while both are in flight.
    await vi.advanceTimersByTimeAsync(5000);
    expect(granted).toBe(false);
    first();
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
    (await third)();
  });

  it('serves waiters in order and lets an aborted one go without taking a slot', async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter({ requests: 1, windowMs: 100 });
    const release = await limiter.acquire();
    const order: string[] = [];
    const controller = new AbortController();
    const a = limiter.acquire(controller.signal).then(
      () => order.push('a'),
      () => order.push('a aborted'),
    );
    const b = limiter.acquire().then((r) => {
      order.push('b');
      r();
    });
    const c = limiter.acquire().then((r) => {
      order.push('c');
      r();
    });
    controller.abort();
    await a;
    release();
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([b, c]);
    expect(order).toEqual(['a aborted', 'b', 'c']);
  });

  it('a pause holds every grant until it ends', async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter(false);
    limiter.pause(500);
    let granted = false;
    const p = limiter.acquire().then(() => {
      granted = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(granted).toBe(true);
  });
});
