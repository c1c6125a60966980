import { describe, expect, it } from 'vitest';
import { Page } from '../src/index.ts';
import { client, emulator } from './helpers.ts';

describe('pagination', () => {
  it('walks every item across pages, each id once, matching total', async () => {
    const emu = await emulator({ items: 230 });
    const { client: rw } = client(emu);
    const first = await rw.content.list({ limit: 50 });
    expect(first).toBeInstanceOf(Page);
    expect(first.items).toHaveLength(50);
    expect(first.has_more).toBe(true);

    const ids: string[] = [];
    for await (const item of rw.content.list({ limit: 50 })) ids.push(item.id);
    expect(ids.length).toBe(first.total);
    expect(new Set(ids).size).toBe(ids.length);

    let pages = 0;
    let seen = 0;
    for await (const page of rw.content.list({ limit: 100 }).iterPages()) {
      pages += 1;
      seen += page.items.length;
      expect(page.offset).toBe((pages - 1) * 100);
    }
    expect(seen).toBe(first.total);
    expect(pages).toBe(Math.ceil(first.total / 100));
  });

  it('starts from a given offset and stops on has_more === false', async () => {
    const emu = await emulator({ items: 30 });
    const { client: rw } = client(emu);
    const all = await rw.content.list({ limit: 200 });
    expect(all.has_more).toBe(false);
    expect(await all.getNextPage()).toBeNull();
    const tail: string[] = [];
    for await (const item of rw.content.list({ limit: 7, offset: 10 })) tail.push(item.id);
    expect(tail).toEqual(all.items.slice(10).map((i) => i.id));
    const before = emu.stats().routes['GET /content'];
    expect(before).toBeGreaterThan(0);
  });

  it('never yields an id twice when new items shift the list during paging', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');
    // Newest first: every topic created mid-walk pushes the ones already seen onto later pages.
    const ids: string[] = [];
    let created = 0;
    for await (const topic of rw.topics.list({
      brandId: brand.id,
      limit: 4,
      sortBy: 'created_at',
    })) {
      ids.push(topic.id);
      if (ids.length % 4 === 0 && created < 6) {
        created += 1;
        await rw.topics.create(brand.id, {
          title: `Shift ${created}`,
          primaryKeyword: `shift ${created}`,
        });
      }
    }
    expect(created).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('parses list summaries with and without change markers', async () => {
    for (const listMarkers of [true, false]) {
      const emu = await emulator({ items: 5, listMarkers });
      const { client: rw } = client(emu);
      const page = await rw.content.list();
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((i) => (i.updated_at !== undefined) === listMarkers)).toBe(true);
    }
  });

  it('iterates brands, briefs and documents the same way', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    let brands = 0;
    for await (const _ of rw.brands.list({ limit: 1 })) brands += 1;
    expect(brands).toBe((await rw.brands.list()).total);
    let docs = 0;
    for await (const _ of rw.documents.list({ limit: 2 })) docs += 1;
    expect(docs).toBe((await rw.documents.list()).total);
  });
});
