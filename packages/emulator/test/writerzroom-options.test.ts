import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.ts';
import { call, start } from './helpers.ts';

describe('startEmulator({ provider: "writerzroom" })', () => {
  it('returns the Emulator shape: origin URL, demo key first, stats, faults', async () => {
    const emu = await start({ provider: 'writerzroom' });
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.apiKey).toBe(emu.apiKeys[0]);
    expect(emu.apiKeys).toHaveLength(2);
    await call(emu, 'GET', '/api/verticals');
    await call(emu, 'GET', '/v1/content/cnt_1');
    expect(emu.stats()).toMatchObject({
      requests: 2,
      routes: { 'GET /api/verticals': 1, 'GET /v1/content/{content_id}': 1 },
    });
  });

  it('leaves the RoboWrite default as it was, and refuses routeLimits there', async () => {
    const emu = await start();
    expect(emu.url).toMatch(/\/api\/public\/v1$/);
    expect((await call(emu, 'GET', '/ping')).status).toBe(200);
    await expect(startEmulator({ routeLimits: { other: false } })).rejects.toThrow(
      /WriterzRoom option/,
    );
  });

  it('refuses RoboWrite-only options and outcomes WriterzRoom does not have', async () => {
    await expect(startEmulator({ provider: 'writerzroom', items: 3 })).rejects.toThrow(
      /items is a RoboWrite option/,
    );
    await expect(
      startEmulator({ provider: 'writerzroom', jobOutcomes: ['awaiting_review'] }),
    ).rejects.toThrow(/completed and failed/);
    await expect(
      startEmulator({
        provider: 'writerzroom',
        routeLimits: { status: { requests: 0, windowMs: 1 } },
      }),
    ).rejects.toThrow(/requests >= 1/);
  });
});
