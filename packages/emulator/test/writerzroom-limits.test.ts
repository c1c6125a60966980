import { describe, expect, it } from 'vitest';
import { call, manualClock, start } from './helpers.ts';

const V1 = {
  template_id: 'blog_article_generator',
  style_profile_id: 'general_blog',
  inputs: { topic: 'Keyword research' },
};

async function hits(n: number, send: () => Promise<{ status: number }>) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await send()).status);
  return statuses;
}

describe('WriterzRoom per-route rate limits (seed 000)', () => {
  it('generate: 10 per minute per key, across both dialects, then 429 with Retry-After', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await start({ provider: 'writerzroom', now: clock.now });
    const api = { ...V1, template: 'blog_article_generator', style_profile: 'general_blog' };
    const first = await hits(5, () => call(emu, 'POST', '/api/generate', { body: api }));
    clock.advance(15_000);
    const rest = await hits(6, () => call(emu, 'POST', '/v1/generate', { body: V1 }));
    expect([...first, ...rest].filter((s) => s === 202)).toHaveLength(10);
    expect(rest.at(-1)).toBe(429);
    const limited = await call(emu, 'POST', '/v1/generate', { body: V1 });
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.body).toEqual({ error: 'rate_limited', message: 'Rate limit exceeded' });
    // Other route groups and other keys keep their own windows.
    expect((await call(emu, 'GET', '/v1/templates')).status).toBe(200);
    const other = await call(emu, 'POST', '/v1/generate', { body: V1, key: emu.apiKeys[1] });
    expect(other.status).toBe(402);
    clock.advance(45_000);
    expect((await call(emu, 'POST', '/v1/generate', { body: V1 })).status).toBe(202);
    expect(emu.stats().rateLimited).toBe(2);
  });

  it('status: 60 per minute per key', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await start({ provider: 'writerzroom', now: clock.now });
    const id = (await call(emu, 'POST', '/v1/generate', { body: V1 })).body.request_id;
    const statuses = await hits(61, () => call(emu, 'GET', `/api/generate/status/${id}`));
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
    clock.advance(60_000);
    expect((await call(emu, 'GET', `/v1/generate/status/${id}`)).status).toBe(200);
  });

  it('every other route: 200 per hour per key, unknown paths included', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await start({ provider: 'writerzroom', now: clock.now });
    const paths = [
      '/api/templates',
      '/api/verticals',
      '/v1/content',
      '/v1/dashboard/stats',
      '/nowhere',
    ];
    let n = 0;
    const statuses = await hits(200, () => call(emu, 'GET', paths[n++ % paths.length] as string));
    expect(statuses.every((s) => s !== 429)).toBe(true);
    clock.advance(60_000);
    const limited = await call(emu, 'GET', '/v1/style-profiles');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(3600 - 60));
    // Generate and status are counted apart.
    expect((await call(emu, 'POST', '/v1/generate', { body: V1 })).status).toBe(202);
  });

  it('each group can be scaled with routeLimits, and rateLimit: false turns them all off', async () => {
    const emu = await start({
      provider: 'writerzroom',
      routeLimits: { generate: { requests: 2, windowMs: 60_000 }, other: false },
    });
    const gen = await hits(3, () => call(emu, 'POST', '/v1/generate', { body: V1 }));
    expect(gen).toEqual([202, 202, 429]);
    const others = await hits(250, () => call(emu, 'GET', '/api/verticals'));
    expect(others.every((s) => s === 200)).toBe(true);

    const free = await start({ provider: 'writerzroom', rateLimit: false });
    const many = await hits(15, () => call(free, 'POST', '/v1/generate', { body: V1 }));
    expect(many.every((s) => s === 202)).toBe(true);
    await expect(
      start({ provider: 'writerzroom', rateLimit: { requests: 5, windowMs: 1000 } }),
    ).rejects.toThrow(/routeLimits/);
  });
});
