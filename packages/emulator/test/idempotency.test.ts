import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.ts';
import { call, demoBrands, start } from './helpers.ts';

async function itemBody(emu: Emulator) {
  const { noCms } = await demoBrands(emu);
  const property = (await call(emu, 'GET', '/properties')).body.items.find(
    (p: { brand_id: string }) => p.brand_id === noCms,
  ).id;
  const brief = (await call(emu, 'POST', '/briefs', { body: { title: 'B' } })).body.id;
  return { brief_id: brief, property_id: property, title: 'Original title' };
}

describe('idempotency', () => {
  it('replays POST /content/items with the original status and body, even if the body changed', async () => {
    const emu = await start();
    const body = await itemBody(emu);
    const first = await call(emu, 'POST', '/content/items', { body, idempotencyKey: 'k-1' });
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const replay = await call(emu, 'POST', '/content/items', {
      body: { ...body, title: 'Changed' },
      idempotencyKey: 'k-1',
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await call(emu, 'GET', `/content?brief_id=${body.brief_id}`)).body.total).toBe(1);
    const fresh = await call(emu, 'POST', '/content/items', {
      body: { ...body, title: 'Changed' },
      idempotencyKey: 'k-2',
    });
    expect(fresh.body.id).not.toBe(first.body.id);
    expect(emu.stats().replays).toBe(1);
  });

  it('dedupes topic creation and both generation routes when a key is given', async () => {
    const emu = await start({ jobDurationMs: 0, completionLagMs: 0 });
    const { noCms } = await demoBrands(emu);
    const topicBody = { title: 'T', primary_keyword: 't' };
    const t1 = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: topicBody,
      idempotencyKey: 'topic',
    });
    const t2 = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: { ...topicBody, title: 'Other' },
      idempotencyKey: 'topic',
    });
    expect(t2.body).toEqual(t1.body);
    expect(t2.headers.get('idempotency-replayed')).toBe('true');
    const g1 = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: t1.body.id },
      idempotencyKey: 'gen',
    });
    const g2 = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: t1.body.id },
      idempotencyKey: 'gen',
    });
    expect(g2.status).toBe(202);
    expect(g2.body).toEqual(g1.body);
    const item = (await call(emu, 'GET', '/content')).body.items[0].id;
    const i1 = await call(emu, 'POST', `/content/items/${item}/generate`, {
      body: {},
      idempotencyKey: 'item-gen',
    });
    const i2 = await call(emu, 'POST', `/content/items/${item}/generate`, {
      body: { citation_mode: 'inline' },
      idempotencyKey: 'item-gen',
    });
    expect(i2.body).toEqual(i1.body);
    expect(emu.stats().jobsCreated).toBe(2);
    expect(emu.stats().replays).toBe(3);
  });

  it('does not dedupe without a key on the optional routes', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const a = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: { title: 'T', primary_keyword: 't' },
    });
    const b = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: { title: 'T', primary_keyword: 't' },
    });
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('rejects a malformed key with 422 on every idempotent route', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    for (const key of ['', 'has space', 'x'.repeat(256), 'semi;colon', 'slash/key', 'sync/abc+1']) {
      const res = await call(emu, 'POST', `/brands/${noCms}/topics`, {
        body: { title: 'T', primary_keyword: 't' },
        idempotencyKey: key,
      });
      expect(res.status, JSON.stringify(key)).toBe(422);
      expect(res.body.detail).toMatch(/Idempotency-Key/);
    }
    const body = await itemBody(emu);
    expect(
      (await call(emu, 'POST', '/content/items', { body, idempotencyKey: 'bad key' })).status,
    ).toBe(422);
    expect(
      (
        await call(emu, 'POST', '/content/generate', {
          body: { topic_id: 'x' },
          idempotencyKey: 'bad key',
        })
      ).status,
    ).toBe(422);
  });

  it('accepts every key of the documented rule (A–Z a–z 0–9 _ . : -, 1–255), as core does', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const keys = ['a', 'sync:abc.1_x-2', '2b0c8c1e-5f1a-4d2e-9a57-0c6f7e1d2a3b', 'K'.repeat(255)];
    for (const key of keys) {
      const res = await call(emu, 'POST', `/brands/${noCms}/topics`, {
        body: { title: 'T', primary_keyword: 't' },
        idempotencyKey: key,
      });
      expect(res.status, key).toBe(201);
    }
  });

  it('does not remember rejected requests, and scopes keys per route', async () => {
    const emu = await start();
    const body = await itemBody(emu);
    const bad = await call(emu, 'POST', '/content/items', {
      body: { ...body, title: '' },
      idempotencyKey: 'retry-me',
    });
    expect(bad.status).toBe(422);
    const fixed = await call(emu, 'POST', '/content/items', { body, idempotencyKey: 'retry-me' });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotency-replayed')).toBeNull();
    const { noCms } = await demoBrands(emu);
    const other = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: { title: 'T', primary_keyword: 't' },
      idempotencyKey: 'retry-me',
    });
    expect(other.status).toBe(201);
    expect(other.body.primary_keyword).toBe('t');
  });

  it('keeps keys per organization', async () => {
    const emu = await start();
    const [acme, globex] = emu.apiKeys as [string, string];
    const brand = async (key: string) =>
      (await call(emu, 'GET', '/brands', { key })).body.items[0].id;
    const a = await call(emu, 'POST', `/brands/${await brand(acme)}/topics`, {
      key: acme,
      body: { title: 'A', primary_keyword: 'a' },
      idempotencyKey: 'shared',
    });
    const b = await call(emu, 'POST', `/brands/${await brand(globex)}/topics`, {
      key: globex,
      body: { title: 'B', primary_keyword: 'b' },
      idempotencyKey: 'shared',
    });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers.get('idempotency-replayed')).toBeNull();
  });
});
