import { describe, expect, it } from 'vitest';
import { call, manualClock, start } from './helpers.ts';

describe('rate limit', () => {
  it('allows N requests per window per organization, then 429 with Retry-After', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await start({ now: clock.now, rateLimit: { requests: 5, windowMs: 10_000 } });
    const [acme, globex] = emu.apiKeys as [string, string];
    for (let i = 0; i < 5; i++)
      expect((await call(emu, 'GET', '/ping', { key: acme })).status).toBe(200);
    const limited = await call(emu, 'GET', '/ping', { key: acme });
    expect(limited.status).toBe(429);
    expect(typeof limited.body.detail).toBe('string');
    expect(limited.headers.get('retry-after')).toBe('10');
    // Another organization has its own window.
    expect((await call(emu, 'GET', '/ping', { key: globex })).status).toBe(200);
    clock.advance(4_000);
    const later = await call(emu, 'GET', '/brands', { key: acme });
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('6');
    clock.advance(6_000);
    expect((await call(emu, 'GET', '/ping', { key: acme })).status).toBe(200);
    expect(emu.stats().rateLimited).toBe(2);
  });

  it('defaults to 120 requests per 60 seconds', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await start({ now: clock.now });
    const results = await Promise.all(Array.from({ length: 125 }, () => call(emu, 'GET', '/ping')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(120);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    expect(emu.stats().rateLimited).toBe(5);
  });

  it('can be turned off', async () => {
    const emu = await start({ rateLimit: false });
    const results = await Promise.all(Array.from({ length: 150 }, () => call(emu, 'GET', '/ping')));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('does not count unauthenticated requests', async () => {
    const clock = manualClock();
    const emu = await start({ now: clock.now, rateLimit: { requests: 2, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++)
      expect((await call(emu, 'GET', '/ping', { key: 'wrong' })).status).toBe(401);
    expect((await call(emu, 'GET', '/ping')).status).toBe(200);
  });
});
