import { describe, expect, it } from 'vitest';
import { call, demoBrands, start } from './helpers.ts';

const BRANDED = [
  {
    path: '/pillars',
    create: { name: 'Async work', description: 'All about async' },
    patch: { name: 'Async' },
  },
  { path: '/categories', create: { name: 'How-tos', slug: 'how-tos' }, patch: { name: 'How to' } },
  { path: '/tags', create: { name: 'Focus', slug: 'focus' }, patch: { name: 'Deep focus' } },
];

describe('taxonomy CRUD', () => {
  for (const { path, create, patch } of BRANDED) {
    it(`${path}: list, create (brand checked), get, patch, delete`, async () => {
      const emu = await start();
      const { noCms } = await demoBrands(emu);
      const before = (await call(emu, 'GET', path)).body.total;
      const created = await call(emu, 'POST', path, { body: { brand_id: noCms, ...create } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...create, brand_id: noCms });
      const id = created.body.id;
      expect((await call(emu, 'GET', `${path}/${id}`)).body).toEqual(created.body);
      expect((await call(emu, 'GET', path)).body.total).toBe(before + 1);
      expect(
        (await call(emu, 'GET', `${path}?brand_id=${noCms}`)).body.items.every(
          (r: { brand_id: string }) => r.brand_id === noCms,
        ),
      ).toBe(true);
      const patched = await call(emu, 'PATCH', `${path}/${id}`, { body: patch });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject(patch);
      expect(
        (await call(emu, 'PATCH', `${path}/${id}`, { body: { brand_id: noCms } })).status,
      ).toBe(422);
      expect((await call(emu, 'PATCH', `${path}/${id}`, { body: {} })).status).toBe(422);
      const deleted = await call(emu, 'DELETE', `${path}/${id}`);
      expect(deleted.status).toBe(204);
      expect((await call(emu, 'GET', `${path}/${id}`)).status).toBe(404);
      expect((await call(emu, 'DELETE', `${path}/${id}`)).status).toBe(404);

      const [, globexKey] = emu.apiKeys as [string, string];
      const foreignBrand = (await call(emu, 'GET', '/brands', { key: globexKey })).body.items[0].id;
      expect(
        (await call(emu, 'POST', path, { body: { brand_id: foreignBrand, ...create } })).status,
      ).toBe(404);
      expect(
        (await call(emu, 'POST', path, { body: { brand_id: 'unknown', ...create } })).status,
      ).toBe(404);
      expect((await call(emu, 'POST', path, { body: { ...create } })).status).toBe(422);
      expect(
        (await call(emu, 'POST', path, { body: { brand_id: noCms, ...create, extra: 1 } })).status,
      ).toBe(422);
    });
  }

  for (const path of ['/categories', '/tags']) {
    it(`${path}: a slug already used in the same brand is 409, in another brand is fine`, async () => {
      const emu = await start();
      const { noCms, withCms } = await demoBrands(emu);
      const a = await call(emu, 'POST', path, { body: { brand_id: noCms, name: 'Alpha' } });
      expect(a.body.slug).toBe('alpha');
      const b = await call(emu, 'POST', path, { body: { brand_id: noCms, name: 'Beta' } });
      expect(
        (await call(emu, 'PATCH', `${path}/${b.body.id}`, { body: { slug: 'alpha' } })).status,
      ).toBe(409);
      expect(
        (
          await call(emu, 'POST', path, {
            body: { brand_id: noCms, name: 'Alpha again', slug: 'alpha' },
          })
        ).status,
      ).toBe(409);
      expect(
        (await call(emu, 'POST', path, { body: { brand_id: withCms, name: 'Alpha' } })).status,
      ).toBe(201);
      expect(
        (await call(emu, 'PATCH', `${path}/${a.body.id}`, { body: { slug: 'alpha' } })).status,
      ).toBe(200);
      expect(
        (await call(emu, 'PATCH', `${path}/${b.body.id}`, { body: { slug: 'Bad Slug' } })).status,
      ).toBe(422);
    });
  }

  it('/authors: organization-wide CRUD without brand_id', async () => {
    const emu = await start();
    const created = await call(emu, 'POST', '/authors', {
      body: { name: 'Katherine Johnson', email: 'kj@example.test', bio: 'Math' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Katherine Johnson',
      slug: 'katherine-johnson',
      email: 'kj@example.test',
      avatar_url: null,
    });
    const id = created.body.id;
    expect(
      (await call(emu, 'PATCH', `/authors/${id}`, { body: { bio: 'Orbital mechanics' } })).body.bio,
    ).toBe('Orbital mechanics');
    expect(
      (await call(emu, 'POST', '/authors', { body: { name: 'x', brand_id: 'y' } })).status,
    ).toBe(422);
    expect(
      (await call(emu, 'POST', '/authors', { body: { name: 'x', email: 'not-an-email' } })).status,
    ).toBe(422);
    expect((await call(emu, 'GET', '/authors')).body.total).toBe(3);
    expect((await call(emu, 'DELETE', `/authors/${id}`)).status).toBe(204);
    expect((await call(emu, 'GET', '/authors')).body.total).toBe(2);
  });
});
