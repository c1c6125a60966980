import { describe, expect, it } from 'vitest';
import { parseDuration, parseRateLimit, startEmulator } from '../src/index.ts';
import { call, start } from './helpers.ts';

describe('option parsing', () => {
  it('reads durations in ms, s, m and h', () => {
    expect(parseDuration('250')).toBe(250);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('3s')).toBe(3000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });

  it('reads rate limits as N/window or off', () => {
    expect(parseRateLimit('120/60s')).toEqual({ requests: 120, windowMs: 60_000 });
    expect(parseRateLimit('10/500ms')).toEqual({ requests: 10, windowMs: 500 });
    expect(parseRateLimit('off')).toBe(false);
    for (const bad of ['120', '0/60s', 'x/60s', '10/soon'])
      expect(() => parseRateLimit(bad)).toThrow();
  });

  it('refuses out-of-range programmatic options with a clear error', async () => {
    await expect(startEmulator({ items: 100_001 })).rejects.toThrow(/items/);
    await expect(startEmulator({ items: -1 })).rejects.toThrow(/items/);
    await expect(startEmulator({ jobDurationMs: -5 })).rejects.toThrow(/jobDurationMs/);
    await expect(startEmulator({ rateLimit: { requests: 0, windowMs: 1000 } })).rejects.toThrow(
      /rateLimit/,
    );
    await expect(
      startEmulator({ faults: [{ route: '*', sequence: ['boom' as never] }] }),
    ).rejects.toThrow(/unknown fault/);
  });
});

describe('stats()', () => {
  it('counts requests per route template, unmatched paths, jobs and replays', async () => {
    const emu = await start({ jobDurationMs: 0, completionLagMs: 0 });
    await call(emu, 'GET', '/ping');
    await call(emu, 'GET', '/brands');
    const brand = (await call(emu, 'GET', '/brands')).body.items[0].id;
    await call(emu, 'GET', `/brands/${brand}`);
    await call(emu, 'GET', '/no-such-thing');
    const topic = await call(emu, 'POST', `/brands/${brand}/topics`, {
      body: { title: 'S', primary_keyword: 's' },
    });
    await call(emu, 'POST', '/content/generate', {
      body: { topic_id: topic.body.id },
      idempotencyKey: 'stats',
    });
    await call(emu, 'POST', '/content/generate', {
      body: { topic_id: topic.body.id },
      idempotencyKey: 'stats',
    });
    const stats = emu.stats();
    expect(stats.requests).toBe(8);
    expect(stats.routes).toEqual({
      'GET /ping': 1,
      'GET /brands': 2,
      'GET /brands/{brand_id}': 1,
      'GET (unmatched)': 1,
      'POST /brands/{brand_id}/topics': 1,
      'POST /content/generate': 2,
    });
    expect(stats.jobsCreated).toBe(1);
    expect(stats.replays).toBe(1);
    expect(stats.rateLimited).toBe(0);
    // A snapshot: later requests do not change an earlier result.
    await call(emu, 'GET', '/ping');
    expect(stats.requests).toBe(8);
  });
});

describe('fixtures', () => {
  it('empty: the two organizations and their brands, no content', async () => {
    const emu = await start({ fixture: 'empty' });
    expect((await call(emu, 'GET', '/brands')).body.total).toBe(2);
    for (const path of ['/content', '/properties', '/briefs', '/documents', '/authors']) {
      expect((await call(emu, 'GET', path)).body.total, path).toBe(0);
    }
    expect((await call(emu, 'GET', '/ping', { key: emu.apiKeys[1] })).status).toBe(200);
  });
});
