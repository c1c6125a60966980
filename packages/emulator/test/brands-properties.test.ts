import { describe, expect, it } from 'vitest';
import { call, demoBrands, start } from './helpers.ts';

describe('brands', () => {
  it('lists the two demo brands, the CMS-less primary first', async () => {
    const emu = await start();
    const res = await call(emu, 'GET', '/brands');
    expect(res.body.total).toBe(2);
    expect(res.body.items[0].cms_connected).toBe(false);
    expect(res.body.items[1].cms_connected).toBe(true);
    const one = await call(emu, 'GET', `/brands/${res.body.items[1].id}`);
    expect(one.body).toEqual(res.body.items[1]);
    expect((await call(emu, 'GET', '/brands/nope')).status).toBe(404);
  });

  it('returns the keywords custom shape, not the list envelope', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const res = await call(emu, 'GET', `/brands/${noCms}/keywords`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['brand_id', 'clusters', 'counts']);
    expect(res.body.brand_id).toBe(noCms);
    const keyword = res.body.clusters[0].keywords[0];
    expect(keyword).toMatchObject({
      keyword: expect.any(String),
      search_volume: expect.any(Number),
      keyword_difficulty: expect.any(Number),
      cpc: expect.any(Number),
    });
    expect(res.body.counts.keywords).toBe(
      res.body.clusters.reduce((n: number, c: { keywords: unknown[] }) => n + c.keywords.length, 0),
    );
  });
});

describe('properties', () => {
  it('lists, gets, and creates a property bound to the primary brand', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const list = await call(emu, 'GET', '/properties');
    expect(list.body.total).toBe(2);
    const created = await call(emu, 'POST', '/properties', {
      body: { name: 'Docs site', url: 'https://docs.acme.test' },
    });
    expect(created.status).toBe(201);
    expect(created.body.brand_id).toBe(noCms);
    expect((await call(emu, 'GET', `/properties/${created.body.id}`)).body).toEqual(created.body);
    expect((await call(emu, 'GET', '/properties')).body.total).toBe(3);
  });

  it('rejects unknown keys, a missing name and a bad URL with 422, and bad JSON with 400', async () => {
    const emu = await start();
    for (const body of [{ name: 'x', brand_id: 'y' }, {}, { name: 'x', url: 'not a url' }]) {
      expect((await call(emu, 'POST', '/properties', { body })).status).toBe(422);
    }
    const broken = await call(emu, 'POST', '/properties', {
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    expect(broken.status).toBe(422);
    const res = await fetch(`${emu.url}/properties`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${emu.apiKey}`,
        'user-agent': 't/1',
        'content-type': 'application/json',
      },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/JSON/);
  });
});

describe('routing', () => {
  it('answers 404 for unknown paths and 405 for a known path with the wrong method', async () => {
    const emu = await start();
    const unknown = await call(emu, 'GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Not Found');
    const wrong = await call(emu, 'PUT', '/brands');
    expect(wrong.status).toBe(405);
    const outside = await fetch(emu.url.replace('/api/public/v1', '/other'), {
      headers: { authorization: `Bearer ${emu.apiKey}`, 'user-agent': 't/1' },
    });
    expect(outside.status).toBe(404);
  });
});
