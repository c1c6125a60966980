import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.ts';
import { parseFaultFlag } from '../src/index.ts';
import { call, demoBrands, start } from './helpers.ts';

/** A raw request that reports what happened on the wire, including resets and short bodies. */
function raw(
  emu: Emulator,
  path: string,
  opts: { method?: string; body?: unknown; key?: string; timeoutMs?: number } = {},
) {
  return new Promise<
    | {
        kind: 'response';
        status: number;
        headers: Record<string, unknown>;
        body: string;
        complete: boolean;
      }
    | { kind: 'error'; code: string }
    | { kind: 'timeout' }
  >((resolve) => {
    const url = new URL(`${emu.url}${path}`);
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(url, {
      method: opts.method ?? 'GET',
      headers: {
        authorization: `Bearer ${opts.key ?? emu.apiKey}`,
        'user-agent': 'fault-test/1',
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      timeout: opts.timeoutMs ?? 5_000,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () =>
        resolve({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          complete: res.complete,
        }),
      );
      res.on('error', () =>
        resolve({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          complete: false,
        }),
      );
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ kind: 'timeout' });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'error', code: error.code ?? error.message }),
    );
    req.end(payload);
  });
}

describe('fault injection', () => {
  it('plays a sequence on one route, then passes through', async () => {
    const emu = await start({
      faults: [
        { route: 'GET /brands', sequence: ['503', 'ok', '429', '429-no-retry-after', 'edge-403'] },
      ],
    });
    const statuses: number[] = [];
    const headers: (string | null)[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await call(emu, 'GET', '/brands');
      statuses.push(res.status);
      headers.push(res.headers.get('retry-after'));
      bodies.push(res.text);
    }
    expect(statuses).toEqual([503, 200, 429, 429, 403, 200]);
    expect(JSON.parse(bodies[0] as string).detail).toEqual(expect.any(String));
    expect(headers[2]).toBe('1');
    expect(headers[3]).toBeNull();
    expect(bodies[4]).toBe('');
    expect((await call(emu, 'GET', '/ping')).status).toBe(200);
    expect(emu.stats().rateLimited).toBe(2);
    expect(emu.stats().faultsInjected).toBe(4);
  });

  it('resets the connection after processing the request', async () => {
    const emu = await start({ faults: [{ route: 'POST /briefs', sequence: ['reset'] }] });
    const res = await raw(emu, '/briefs', { method: 'POST', body: { title: 'Lost response' } });
    expect(res).toEqual({ kind: 'error', code: 'ECONNRESET' });
    // The operation happened: a retry without idempotency duplicates.
    expect((await call(emu, 'GET', '/briefs')).body.total).toBe(2);
  });

  it('replays after a reset when the retry carries the same Idempotency-Key', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    emu.faults.add({ route: 'POST /brands/{brand_id}/topics', sequence: ['reset'] });
    const body = { title: 'Once', primary_keyword: 'once' };
    const lost = await fetch(`${emu.url}/brands/${noCms}/topics`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${emu.apiKey}`,
        'user-agent': 't/1',
        'content-type': 'application/json',
        'idempotency-key': 'retry-1',
      },
      body: JSON.stringify(body),
    }).catch((e: Error) => e);
    expect(lost).toBeInstanceOf(Error);
    const retry = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body,
      idempotencyKey: 'retry-1',
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    const topics = (await call(emu, 'GET', `/topics?brand_id=${noCms}&keyword=once`)).body;
    expect(topics.total).toBe(1);
  });

  it('truncates a body below its Content-Length', async () => {
    const emu = await start({ faults: [{ route: 'GET /content', sequence: ['truncate'] }] });
    const res = await raw(emu, '/content');
    if (res.kind === 'response') {
      expect(res.complete).toBe(false);
      expect(Number(res.headers['content-length'])).toBeGreaterThan(res.body.length);
    } else {
      expect(res).toMatchObject({ kind: 'error' });
    }
    await expect(
      fetch(`${emu.url}/content`, {
        headers: { authorization: `Bearer ${emu.apiKey}`, 'user-agent': 't/1' },
      }).then((r) => r.json()),
    ).resolves.toHaveProperty('items');
  });

  it('sends invalid JSON with a JSON content type', async () => {
    const emu = await start({ faults: [{ route: 'GET /ping', sequence: ['invalid-json'] }] });
    const res = await raw(emu, '/ping');
    expect(res.kind).toBe('response');
    if (res.kind !== 'response') return;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(() => JSON.parse(res.body)).toThrow();
  });

  it('stalls without answering until the client gives up, and close() still returns', async () => {
    const emu = await start({ faults: [{ route: 'GET /ping', sequence: ['stall'] }] });
    const res = await raw(emu, '/ping', { timeoutMs: 300 });
    expect(res).toEqual({ kind: 'timeout' });
    emu.faults.add({ route: 'GET /brands', sequence: ['stall'] });
    const stalled = raw(emu, '/brands', { timeoutMs: 60_000 });
    await new Promise((resolve) => setImmediate(resolve));
    await emu.close();
    expect((await stalled).kind).not.toBe('timeout');
  });

  it('injects by probability with a seeded generator, on all routes with *', async () => {
    const emu = await start({ rateLimit: false });
    emu.faults.add({ route: '*', fault: '503', probability: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await call(emu, 'GET', '/ping')).status);
    const failures = statuses.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40 - failures);
    emu.faults.clear();
    expect((await call(emu, 'GET', '/ping')).status).toBe(200);
    expect(emu.faults.list()).toEqual([]);
  });

  it('parses the --fault flag syntax and rejects unknown kinds', () => {
    expect(parseFaultFlag('GET /content=503,ok,429')).toEqual({
      route: 'GET /content',
      sequence: ['503', 'ok', '429'],
    });
    expect(parseFaultFlag('*=reset@0.25')).toEqual({
      route: '*',
      fault: 'reset',
      probability: 0.25,
    });
    expect(() => parseFaultFlag('GET /content=boom')).toThrow(/unknown fault/);
    expect(() => parseFaultFlag('nothing')).toThrow();
    expect(() => parseFaultFlag('*=503@2')).toThrow(/probability/);
  });
});
