import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.ts';
import { call, start } from './helpers.ts';

describe('auth, edge and ping', () => {
  it('answers /ping for a valid key with its organization', async () => {
    const emu = await start();
    const res = await call(emu, 'GET', '/ping');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/public\/v1$/);
  });

  it('returns 401 with a detail for missing, malformed and unknown keys', async () => {
    const emu = await start();
    const missing = await call(emu, 'GET', '/ping', { key: null });
    const malformed = await call(emu, 'GET', '/ping', {
      key: null,
      headers: { authorization: 'Token abc' },
    });
    const unknown = await call(emu, 'GET', '/ping', { key: 'rw_test_nope' });
    for (const res of [missing, malformed, unknown]) {
      expect(res.status).toBe(401);
      expect(typeof res.body.detail).toBe('string');
    }
  });

  it('blocks an empty or bare Python-urllib User-Agent with an empty 403 before auth', async () => {
    const emu = await start();
    for (const ua of ['', 'Python-urllib/3.12']) {
      const res = await call(emu, 'GET', '/ping', { key: null, headers: { 'user-agent': ua } });
      expect(res.status).toBe(403);
      expect(res.text).toBe('');
    }
    const ok = await call(emu, 'GET', '/ping', {
      headers: { 'user-agent': 'my-app/1.0 Python-urllib/3.12' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('close()', () => {
  it('leaves no sockets or timers behind, even with a keep-alive connection open', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    const emu = await startEmulator({ port: 0 });
    await fetch(`${emu.url}/ping`, {
      headers: { authorization: `Bearer ${emu.apiKey}`, 'user-agent': 't/1' },
    });
    await emu.close();
    await emu.close();
    await new Promise((resolve) => setImmediate(resolve));
    const after = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    const count = (list: string[], kind: string) => list.filter((r) => r === kind).length;
    for (const kind of ['TCPServerWrap', 'TCPSocketWrap', 'Timeout']) {
      expect(count(after, kind), kind).toBeLessThanOrEqual(count(before, kind));
    }
  });
});
