import { describe, expect, it } from 'vitest';
import { organizationRateLimiter, RoboWrite } from '../src/index.ts';
import { emulator } from './helpers.ts';

const WINDOW = { requests: 5, windowMs: 500 };

describe('organizationRateLimiter', () => {
  it('hands every caller of one origin, key and window the same limiter', () => {
    const a = organizationRateLimiter('http://127.0.0.1:1/api', 'rw_key_one_0123456789', WINDOW);
    const b = organizationRateLimiter('http://127.0.0.1:1/api/', 'rw_key_one_0123456789', {
      ...WINDOW,
    });
    expect(b).toBe(a);
    expect(a.requests).toBe(5);
    expect(
      organizationRateLimiter('http://127.0.0.1:1/api', 'rw_key_two_0123456789', WINDOW),
    ).not.toBe(a);
    expect(
      organizationRateLimiter('http://127.0.0.1:2/api', 'rw_key_one_0123456789', WINDOW),
    ).not.toBe(a);
    expect(
      organizationRateLimiter('http://127.0.0.1:1/api', 'rw_key_one_0123456789', {
        requests: 6,
        windowMs: 500,
      }),
    ).not.toBe(a);
  });

  it('keeps two independently built clients of one key within the window together', async () => {
    const emu = await emulator({ rateLimit: WINDOW });
    try {
      const build = () =>
        new RoboWrite({
          apiKey: emu.apiKey,
          baseURL: emu.url,
          maxRetries: 0,
          rateLimit: organizationRateLimiter(emu.url, emu.apiKey, WINDOW),
        });
      const [a, b] = [build(), build()];
      // Each client alone would send 5 at once; sharing, the 12 spread over three windows.
      await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).ping()));
      expect(emu.stats().requests).toBe(12);
      expect(emu.stats().rateLimited).toBe(0);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await emu.close();
    }
  }, 30_000);
});
