import { describe, expect, it } from 'vitest';
import { call, start } from './helpers.ts';

describe('organization tenancy', () => {
  it('gives each key its own organization and never shows the other one', async () => {
    const emu = await start();
    const [acmeKey, globexKey] = emu.apiKeys as [string, string];
    const acmePing = await call(emu, 'GET', '/ping', { key: acmeKey });
    const globexPing = await call(emu, 'GET', '/ping', { key: globexKey });
    expect(acmePing.body.organization_id).not.toBe(globexPing.body.organization_id);

    const lists = [
      '/brands',
      '/properties',
      '/content',
      '/briefs',
      '/pillars',
      '/authors',
      '/categories',
      '/tags',
      '/documents',
      '/imported-content',
    ];
    for (const path of lists) {
      const acme = await call(emu, 'GET', path, { key: acmeKey });
      const globex = await call(emu, 'GET', path, { key: globexKey });
      const acmeIds = new Set(acme.body.items.map((i: { id: string }) => i.id));
      for (const row of globex.body.items) expect(acmeIds.has(row.id), path).toBe(false);
    }
  });

  it("answers 404 for every one of the other organization's ids, read or write", async () => {
    const emu = await start();
    const [acmeKey, globexKey] = emu.apiKeys as [string, string];
    const first = async (path: string) =>
      (await call(emu, 'GET', path, { key: globexKey })).body.items[0].id as string;
    const brand = await first('/brands');
    const item = await first('/content');
    const topic = (await call(emu, 'GET', `/topics?brand_id=${brand}`, { key: globexKey })).body
      .items[0].id;
    const probes: [string, string, unknown?][] = [
      ['GET', `/brands/${brand}`],
      ['GET', `/brands/${brand}/keywords`],
      ['GET', `/topics?brand_id=${brand}`],
      ['GET', `/topics/${topic}`],
      ['GET', `/topics/${topic}/scores`],
      ['GET', `/topics/${topic}/content`],
      ['POST', `/brands/${brand}/topics`, { title: 'x', primary_keyword: 'x' }],
      ['GET', `/properties/${await first('/properties')}`],
      ['GET', `/content/${item}`],
      ['PATCH', `/content/items/${item}`, { title: 'stolen' }],
      ['DELETE', `/content/items/${item}`],
      ['POST', `/content/items/${item}/generate`, {}],
      ['POST', '/content/generate', { topic_id: topic }],
      ['GET', `/pillars/${await first('/pillars')}`],
      ['GET', `/authors/${await first('/authors')}`],
      ['PATCH', `/categories/${await first('/categories')}`, { name: 'x' }],
      ['DELETE', `/tags/${await first('/tags')}`],
      ['POST', '/tags', { brand_id: brand, name: 'x' }],
      ['GET', `/documents/${await first('/documents')}`],
      ['GET', `/imported-content/${await first('/imported-content')}`],
    ];
    for (const [method, path, body] of probes) {
      const res = await call(emu, method, path, { key: acmeKey, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(typeof res.body.detail).toBe('string');
    }
    const stillThere = await call(emu, 'GET', `/content/${item}`, { key: globexKey });
    expect(stillThere.body.title).not.toBe('stolen');
  });

  it('keeps jobs private to the organization that started them', async () => {
    const emu = await start({ queuedAckRate: 0 });
    const [acmeKey, globexKey] = emu.apiKeys as [string, string];
    const brand = (await call(emu, 'GET', '/brands', { key: acmeKey })).body.items[0].id;
    const topic = await call(emu, 'POST', `/brands/${brand}/topics`, {
      key: acmeKey,
      body: { title: 'Private', primary_keyword: 'private' },
    });
    const job = await call(emu, 'POST', '/content/generate', {
      key: acmeKey,
      body: { topic_id: topic.body.id },
    });
    expect((await call(emu, 'GET', `/jobs/${job.body.job_id}`, { key: globexKey })).status).toBe(
      404,
    );
    expect((await call(emu, 'GET', `/jobs/${job.body.job_id}`, { key: acmeKey })).status).toBe(200);
  });
});
