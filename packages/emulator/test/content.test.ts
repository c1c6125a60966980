import { describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.ts';
import { call, demoBrands, start } from './helpers.ts';

async function briefAndProperty(emu: Emulator) {
  const { noCms, withCms } = await demoBrands(emu);
  const properties = (await call(emu, 'GET', '/properties')).body.items;
  const property = properties.find((p: { brand_id: string }) => p.brand_id === noCms).id as string;
  const foreignProperty = properties.find((p: { brand_id: string }) => p.brand_id === withCms)
    .id as string;
  const brief = (
    await call(emu, 'POST', '/briefs', { body: { title: 'Brief', primary_keyword: 'async work' } })
  ).body.id as string;
  return { brief, property, foreignProperty };
}

describe('content items', () => {
  it('creates an item (Idempotency-Key required) with no versions yet', async () => {
    const emu = await start();
    const { brief, property } = await briefAndProperty(emu);
    const body = { brief_id: brief, property_id: property, title: 'Async work, explained' };
    const missing = await call(emu, 'POST', '/content/items', { body });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toMatch(/Idempotency-Key/);
    const res = await call(emu, 'POST', '/content/items', { body, idempotencyKey: 'create-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: body.title,
      slug: 'async-work-explained',
      status: 'draft',
      format: 'blog_post',
      brief_id: brief,
      property_id: property,
      versions: [],
    });
    const list = await call(emu, 'GET', `/content?brief_id=${brief}`);
    expect(list.body.total).toBe(1);
  });

  it('rejects topic_id/brand_id and other unknown keys, cross-brand pairs and bad bounds', async () => {
    const emu = await start();
    const { brief, property, foreignProperty } = await briefAndProperty(emu);
    const base = { brief_id: brief, property_id: property, title: 't' };
    const cases: [unknown, number][] = [
      [{ ...base, topic_id: 'x' }, 422],
      [{ ...base, brand_id: 'x' }, 422],
      [{ ...base, title: '' }, 422],
      [{ ...base, title: 'x'.repeat(501) }, 422],
      [{ ...base, format: 'x'.repeat(101) }, 422],
      [{ ...base, property_id: foreignProperty }, 422],
      [{ ...base, brief_id: 'missing' }, 404],
      [{ ...base, property_id: 'missing' }, 404],
      [{ brief_id: brief, title: 't' }, 422],
    ];
    let n = 0;
    for (const [body, status] of cases) {
      const res = await call(emu, 'POST', '/content/items', { body, idempotencyKey: `k-${n++}` });
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
  });

  it('lists summaries without bodies, filtered by status, content_type, property_id and brief_id', async () => {
    const emu = await start();
    const all = (await call(emu, 'GET', '/content')).body;
    expect(all.total).toBe(5);
    for (const row of all.items) {
      expect(row.versions).toBeUndefined();
      expect(row.markdown_body).toBeUndefined();
      expect(row).toHaveProperty('updated_at');
      expect(row).toHaveProperty('latest_version_id');
    }
    const byStatus = async (s: string) =>
      (await call(emu, 'GET', `/content?status=${s}`)).body.items;
    expect((await byStatus('published')).length).toBe(2);
    expect((await byStatus('in_review')).length).toBe(1);
    expect((await byStatus('archived')).length).toBe(1);
    expect((await byStatus('draft')).length).toBe(1);
    expect((await call(emu, 'GET', '/content?content_type=listicle')).body.total).toBe(0);
    expect((await call(emu, 'GET', '/content?content_type=blog_post')).body.total).toBe(5);
    const property = all.items[0].property_id;
    const byProperty = (await call(emu, 'GET', `/content?property_id=${property}`)).body.items;
    expect(byProperty.every((r: { property_id: string }) => r.property_id === property)).toBe(true);
    const briefId = all.items.find((r: { brief_id: string | null }) => r.brief_id).brief_id;
    expect((await call(emu, 'GET', `/content?brief_id=${briefId}`)).body.total).toBe(1);
    const long = 'x'.repeat(101);
    expect((await call(emu, 'GET', `/content?status=${long}`)).status).toBe(422);
    expect((await call(emu, 'GET', `/content?content_type=${long}`)).status).toBe(422);
  });

  it('leaves change markers out of list rows when listMarkers is off', async () => {
    const emu = await start({ listMarkers: false });
    const row = (await call(emu, 'GET', '/content')).body.items[0];
    expect(row).not.toHaveProperty('updated_at');
    expect(row).not.toHaveProperty('latest_version_id');
    expect(row).not.toHaveProperty('version_count');
    expect(row).toHaveProperty('created_at');
  });

  it('gets an item with all versions; scoring and sources are opt-in and additive', async () => {
    const emu = await start();
    const list = (await call(emu, 'GET', '/content')).body.items;
    const multi = list.find((r: { version_count: number }) => r.version_count === 2);
    const plain = await call(emu, 'GET', `/content/${multi.id}`);
    expect(plain.body.versions.map((v: { version_number: number }) => v.version_number)).toEqual([
      1, 2,
    ]);
    for (const v of plain.body.versions) {
      expect(v.scoring).toBeNull();
      expect(v.sources).toBeNull();
    }
    const scoring = await call(emu, 'GET', `/content/${multi.id}?include=scoring`);
    expect(scoring.body.versions[1].scoring).toMatchObject({
      geo_score: expect.any(Number),
      draft_score: expect.any(Number),
      warnings: expect.any(Array),
    });
    expect(scoring.body.versions[1].sources).toBeNull();
    const both = await call(emu, 'GET', `/content/${multi.id}?include=scoring,sources`);
    // Version 1 predates source capture: [] (requested, none), not null.
    expect(both.body.versions[0].sources).toEqual([]);
    expect(both.body.versions[1].sources.length).toBeGreaterThan(0);
    expect(both.body.versions[1].sources[0]).toEqual({
      marker: 1,
      source_name: expect.any(String),
      source_url: expect.stringMatching(/^https:\/\//),
    });
    expect(both.body.versions[1].markdown_body).toBe(plain.body.versions[1].markdown_body);
    expect((await call(emu, 'GET', `/content/${multi.id}?include=everything`)).status).toBe(422);
    expect((await call(emu, 'GET', '/content/missing')).status).toBe(404);
  });

  it('PATCHes title, status, format, author and slug, with 409 on a taken slug', async () => {
    const emu = await start();
    const list = (await call(emu, 'GET', '/content')).body.items;
    const [a, b] = list.filter((r: { brand_id: string }) => r.brand_id === list[0].brand_id);
    const author = (await call(emu, 'GET', '/authors')).body.items[1].id;
    const res = await call(emu, 'PATCH', `/content/items/${a.id}`, {
      body: {
        title: 'Renamed',
        status: 'archived',
        format: 'guide',
        author_id: author,
        slug: 'renamed',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Renamed',
      status: 'archived',
      format: 'guide',
      author_id: author,
      slug: 'renamed',
    });
    expect((await call(emu, 'GET', `/content/${a.id}`)).body.title).toBe('Renamed');
    const clash = await call(emu, 'PATCH', `/content/items/${b.id}`, { body: { slug: 'renamed' } });
    expect(clash.status).toBe(409);
    for (const body of [
      {},
      { status: '' },
      { format: 'x'.repeat(101) },
      { slug: 'Not A Slug' },
      { body: 'x' },
      { title: '' },
    ]) {
      expect(
        (await call(emu, 'PATCH', `/content/items/${b.id}`, { body })).status,
        JSON.stringify(body),
      ).toBe(422);
    }
    expect(
      (await call(emu, 'PATCH', `/content/items/${b.id}`, { body: { author_id: 'nope' } })).status,
    ).toBe(404);
    expect(
      (await call(emu, 'PATCH', '/content/items/missing', { body: { title: 'x' } })).status,
    ).toBe(404);
  });

  it('PATCH status published: the status filter and the change marker move, the version stays', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const emu = await start({ listMarkers: true, now: () => clock });
    const row = (await call(emu, 'GET', '/content?status=in_review')).body.items[0];
    clock += 60_000;
    const res = await call(emu, 'PATCH', `/content/items/${row.id}`, {
      body: { status: 'published' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    const published = (await call(emu, 'GET', '/content?status=published&limit=200')).body.items;
    const after = published.find((r: { id: string }) => r.id === row.id);
    expect(after.updated_at).toBe(new Date(clock).toISOString());
    expect(after.updated_at).not.toBe(row.updated_at);
    expect(after.latest_version_id).toBe(row.latest_version_id);
    expect(after.version_count).toBe(row.version_count);
    // The second organization's key cannot touch it, and an undocumented key is refused whole.
    const foreign = await call(emu, 'PATCH', `/content/items/${row.id}`, {
      body: { status: 'archived' },
      key: emu.apiKeys[1] ?? null,
    });
    expect(foreign.status).toBe(404);
    const unknown = await call(emu, 'PATCH', `/content/items/${row.id}`, {
      body: { status: 'archived', published: true },
    });
    expect(unknown.status).toBe(422);
    expect((await call(emu, 'GET', `/content/${row.id}`)).body.status).toBe('published');
  });

  it('soft-deletes: 204, then 404 everywhere and gone from lists', async () => {
    const emu = await start();
    const list = (await call(emu, 'GET', '/content')).body;
    const id = list.items[0].id;
    const del = await call(emu, 'DELETE', `/content/items/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await call(emu, 'GET', `/content/${id}`)).status).toBe(404);
    expect(
      (await call(emu, 'PATCH', `/content/items/${id}`, { body: { title: 'x' } })).status,
    ).toBe(404);
    expect((await call(emu, 'DELETE', `/content/items/${id}`)).status).toBe(404);
    const after = (await call(emu, 'GET', '/content')).body;
    expect(after.total).toBe(list.total - 1);
    expect(after.items.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('patches and deletes lazily generated items like stored ones', async () => {
    const emu = await start({ items: 50 });
    const rows = (await call(emu, 'GET', '/content?limit=200')).body.items;
    const generated = rows.at(-1);
    const patched = await call(emu, 'PATCH', `/content/items/${generated.id}`, {
      body: { status: 'archived' },
    });
    expect(patched.body.status).toBe('archived');
    const archived = (await call(emu, 'GET', '/content?status=archived&limit=200')).body.items;
    expect(archived.map((r: { id: string }) => r.id)).toContain(generated.id);
    expect((await call(emu, 'DELETE', `/content/items/${rows.at(-2).id}`)).status).toBe(204);
    expect((await call(emu, 'GET', '/content')).body.total).toBe(54);
  });

  it('regenerates a lazily generated item into a new stored version', async () => {
    const emu = await start({ items: 20, jobDurationMs: 0, completionLagMs: 0 });
    const generated = (await call(emu, 'GET', '/content?limit=200')).body.items.at(-1);
    const before = (await call(emu, 'GET', `/content/${generated.id}`)).body.versions.length;
    const job = await call(emu, 'POST', `/content/items/${generated.id}/generate`, {
      body: { citation_mode: 'inline' },
    });
    const done = (await call(emu, 'GET', `/jobs/${job.body.job_id}`)).body;
    expect(done.status).toBe('completed');
    const after = (await call(emu, 'GET', `/content/${generated.id}`)).body;
    expect(after.versions).toHaveLength(before + 1);
    expect(after.versions.at(-1).id).toBe(done.content_version_id);
    expect(after.versions.at(-1).markdown_body).toContain('## Sources');
    expect((await call(emu, 'GET', '/content/%zz')).status).toBe(404);
  });

  it('gives the same ids and bodies for the same sequence of operations', async () => {
    const run = async () => {
      const emu = await startEmulator({ port: 0, rateLimit: false });
      try {
        const { brief, property } = await briefAndProperty(emu);
        const item = await call(emu, 'POST', '/content/items', {
          body: { brief_id: brief, property_id: property, title: 'Same' },
          idempotencyKey: 'k',
        });
        const first = (await call(emu, 'GET', '/content')).body.items[1];
        const detail = await call(emu, 'GET', `/content/${first.id}`);
        return [item.body.id, detail.body.versions.at(-1).markdown_body];
      } finally {
        await emu.close();
      }
    };
    expect(await run()).toEqual(await run());
  });
});
