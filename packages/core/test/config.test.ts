import { readFile } from 'node:fs/promises';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  EdgeBlockedError,
  RequestValidationError,
  RoboWrite,
  RoboWriteError,
  VERSION,
} from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

describe('client configuration', () => {
  it('fails clearly at construction without a key', () => {
    const saved = process.env.ROBOWRITE_API_KEY;
    delete process.env.ROBOWRITE_API_KEY;
    try {
      expect(() => new RoboWrite()).toThrow(RoboWriteError);
      expect(() => new RoboWrite()).toThrow(/missing API key.*ROBOWRITE_API_KEY/);
      expect(() => new RoboWrite({ apiKey: '  ' })).toThrow(/missing API key/);
    } finally {
      if (saved !== undefined) process.env.ROBOWRITE_API_KEY = saved;
    }
  });

  it('reads the key and base URL from the environment', async () => {
    const emu = await emulator();
    const saved = { key: process.env.ROBOWRITE_API_KEY, url: process.env.ROBOWRITE_BASE_URL };
    process.env.ROBOWRITE_API_KEY = emu.apiKey;
    process.env.ROBOWRITE_BASE_URL = emu.url;
    const rw = new RoboWrite({ rateLimit: false });
    try {
      expect(rw.baseURL).toBe(emu.url);
      expect(await rw.ping()).toMatchObject({ status: 'ok' });
    } finally {
      await rw.close();
      if (saved.key === undefined) delete process.env.ROBOWRITE_API_KEY;
      else process.env.ROBOWRITE_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.ROBOWRITE_BASE_URL;
      else process.env.ROBOWRITE_BASE_URL = saved.url;
    }
  });

  it('defaults to the production https URL', () => {
    const rw = new RoboWrite({ apiKey: 'rw_test_key', baseURL: undefined });
    if (!process.env.ROBOWRITE_BASE_URL) {
      expect(rw.baseURL).toBe('https://api.roboad.ai/api/public/v1');
    }
  });

  it('never sends the key over plain http to a non-loopback host', () => {
    expect(
      () => new RoboWrite({ apiKey: 'rw_secret', baseURL: 'http://api.example.com/api/public/v1' }),
    ).toThrow(/plain http/);
    for (const ok of ['http://127.0.0.1:4010/x', 'http://localhost:1/x', 'http://[::1]:1/x']) {
      expect(new RoboWrite({ apiKey: 'rw_secret', baseURL: ok }).baseURL).toBe(ok);
    }
    expect(
      () => new RoboWrite({ apiKey: 'rw_secret', baseURL: 'http://localhost.evil.com/x' }),
    ).toThrow(/plain http/);
  });

  it('rejects an empty User-Agent and bad numbers at construction', () => {
    expect(() => new RoboWrite({ apiKey: 'k', userAgent: '' })).toThrow(/userAgent/);
    expect(() => new RoboWrite({ apiKey: 'k', timeout: 0 })).toThrow(/timeout/);
    expect(() => new RoboWrite({ apiKey: 'k', maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new RoboWrite({ apiKey: 'k', rateLimit: { requests: 0, windowMs: 1 } })).toThrow(
      /requests/,
    );
  });

  it('sends robowrite-node/<version> node/<version> by default', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    const emu = await emulator();
    const { client: rw } = client(emu);
    expect(rw.userAgent).toBe(`robowrite-node/${VERSION} node/${process.versions.node}`);
    expect(await rw.ping()).toMatchObject({ status: 'ok' });
  });

  it('maps the edge 403 (bad User-Agent) to EdgeBlockedError explaining the rule', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu, { userAgent: 'Python-urllib/3.12' });
    const error = await rejection(rw.ping());
    expect(error).toBeInstanceOf(EdgeBlockedError);
    expect(error.message).toMatch(/User-Agent/);
    expect((error as EdgeBlockedError).status).toBe(403);
  });

  it('maps a wrong key to AuthenticationError', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu, { apiKey: 'rw_not_a_real_key' });
    const error = await rejection(rw.brands.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
  });

  it('sends through an injected dispatcher and leaves it open on close()', async () => {
    const emu = await emulator();
    const agent = new Agent({ connections: 2 });
    try {
      const { client: rw } = client(emu, { dispatcher: agent });
      expect(await rw.ping()).toMatchObject({ status: 'ok' });
      await rw.close();
      expect(agent.closed).toBe(false);
      const other = client(emu, { dispatcher: agent }).client;
      expect((await other.brands.list()).items.length).toBeGreaterThan(0);
    } finally {
      await agent.close();
    }
  });

  it('rejects a malformed idempotency key locally', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const error = await rejection(rw.content.generate({ topicId: 't' }, { idempotencyKey: 'a b' }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(emu.stats().requests).toBe(0);
  });
});
