import {
  DEFAULT_DRAFT_STATUSES,
  entryData,
  type RoboWrite,
  robowriteSchema,
  toDraft,
} from '@robowrite/core';
import { LiveCollectionError, LiveEntryNotFoundError } from 'astro/content/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RobowriteEntryNotFoundError,
  RobowriteLiveError,
  robowriteLiveLoader,
  robowriteLoader,
} from '../src/index.ts';
import {
  adminClient,
  createUngeneratedItem,
  type Emulator,
  fastEmulator,
  itemRetrieves,
} from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';

const collection = 'preview';

describe('robowriteLiveLoader with the emulator', () => {
  let emu: Emulator;
  let client: RoboWrite;
  let loader: ReturnType<typeof robowriteLiveLoader>;
  let published: { id: string; slug: string }[];

  beforeAll(async () => {
    emu = await fastEmulator();
    client = adminClient(emu);
    loader = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url });
    published = [];
    for await (const item of client.content.list({ status: 'published' })) {
      published.push({ id: item.id, slug: item.slug ?? item.id });
    }
  });
  afterAll(async () => {
    await emu.close();
  });

  it('loads an entry by item id with shared frontmatter, rendered HTML and per-item cache tags', async () => {
    const target = published[0] as (typeof published)[number];
    const result = await loader.loadEntry({ collection, filter: { id: target.id } });
    if (!result || 'error' in result) throw new Error('expected an entry');

    const draft = toDraft(
      await client.content.retrieve(target.id, { include: ['scoring', 'sources'] }),
    );
    expect(result.id).toBe(draft.slug);
    // Core's entryData for the entry's id: the CLI's frontmatter and the build loader's data.
    expect(result.data).toEqual(robowriteSchema.parse(entryData(draft, result.id)));
    expect(result.rendered?.html).toContain('<h2');
    expect(result.rendered?.html).not.toContain('## ');
    expect(result.cacheHint?.tags).toEqual(['robowrite', `robowrite:${target.id}`]);
    expect(result.cacheHint?.lastModified).toEqual(new Date(draft.updatedAt));
  });

  it('loads an entry by slug, given as the lookup string or as { slug }', async () => {
    const target = published[1] as (typeof published)[number];
    for (const filter of [{ id: target.slug }, { slug: target.slug }]) {
      const result = await loader.loadEntry({ collection, filter });
      if (!result || 'error' in result) throw new Error('expected an entry');
      expect(result.data.robowrite.itemId).toBe(target.id);
    }
  });

  it('answers an unknown id or slug with a typed not-found error', async () => {
    const result = await loader.loadEntry({ collection, filter: { id: 'no-such-draft' } });
    if (!result || !('error' in result)) throw new Error('expected an error');
    expect(result.error).toBeInstanceOf(RobowriteEntryNotFoundError);
    expect(result.error).toBeInstanceOf(LiveCollectionError);
    expect(LiveEntryNotFoundError.is(result.error)).toBe(true);
    expect(result.error.message).toContain('no-such-draft');
  });

  it('loads a collection with filters, without rendering bodies', async () => {
    const all = await loader.loadCollection({ collection });
    if ('error' in all) throw all.error;
    const expected: string[] = [];
    for (const status of DEFAULT_DRAFT_STATUSES) {
      for await (const item of client.content.list({ status })) expected.push(item.slug ?? item.id);
    }
    expect(all.entries.map((entry) => entry.id).sort()).toEqual(expected.sort());
    expect([...new Set(all.entries.map((entry) => entry.data.robowrite.status))].sort()).toEqual([
      'draft',
      'in_review',
      'published',
    ]);
    expect(all.entries.every((entry) => entry.rendered === undefined)).toBe(true);
    expect(all.cacheHint?.tags).toEqual(['robowrite']);

    const onlyPublished = await loader.loadCollection({
      collection,
      filter: { status: 'published' },
    });
    if ('error' in onlyPublished) throw onlyPublished.error;
    expect(onlyPublished.entries.map((entry) => entry.id).sort()).toEqual(
      published.map((item) => item.slug).sort(),
    );

    const firstPublished = onlyPublished.entries[0];
    const tag = firstPublished?.data.tags[0];
    if (tag === undefined) throw new Error('demo drafts carry tags');
    const tagged = await loader.loadCollection({ collection, filter: { tag } });
    if ('error' in tagged) throw tagged.error;
    expect(tagged.entries.length).toBeGreaterThan(0);
    expect(tagged.entries.every((entry) => entry.data.tags.includes(tag))).toBe(true);

    const retrievesBefore = itemRetrieves(emu);
    const limited = await loader.loadCollection({ collection, filter: { limit: 1 } });
    if ('error' in limited) throw limited.error;
    expect(limited.entries).toHaveLength(1);
    expect(itemRetrieves(emu) - retrievesBefore).toBe(1);
  });

  it("keeps to its brand: another brand's item is not found, by id or in a collection", async () => {
    const target = published[0] as (typeof published)[number];
    const item = await client.content.retrieve(target.id);
    const brands = (await client.brands.list()).items.map((brand) => brand.id);
    const otherBrand = brands.find((brand) => brand !== item.brand_id);
    if (!otherBrand) throw new Error('the demo organization has two brands');
    const scoped = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url, brand: otherBrand });

    const entry = await scoped.loadEntry({ collection, filter: { id: target.id } });
    if (!entry || !('error' in entry)) throw new Error('expected an error');
    expect(entry.error).toBeInstanceOf(RobowriteEntryNotFoundError);

    const list = await scoped.loadCollection({ collection });
    if ('error' in list) throw list.error;
    expect(list.entries.map((e) => e.data.robowrite.itemId)).not.toContain(target.id);
  });

  it('turns an API failure into a typed live collection error without the key', async () => {
    const badKey = `${emu.apiKey}-revoked`;
    const broken = robowriteLiveLoader({ apiKey: badKey, baseURL: emu.url });
    const entry = await broken.loadEntry({ collection, filter: { id: 'anything' } });
    const list = await broken.loadCollection({ collection });
    for (const result of [entry, list]) {
      if (!result || !('error' in result)) throw new Error('expected an error');
      expect(result.error).toBeInstanceOf(RobowriteLiveError);
      expect(result.error).toBeInstanceOf(LiveCollectionError);
      expect(RobowriteLiveError.is(result.error)).toBe(true);
      expect((result.error as RobowriteLiveError).status).toBe(401);
      expect(result.error.collection).toBe(collection);
      expect(result.error.message).toMatch(/^RoboWrite request failed: 401 /);
      expect(`${result.error.message}${result.error.stack}`).not.toContain(badKey);
    }
  });
});

describe('robowriteLiveLoader and an item that was never generated', () => {
  let emu: Emulator;
  afterAll(async () => {
    await emu.close();
  });

  it('finds no entry for it and leaves it out of collections, even without list markers', async () => {
    emu = await fastEmulator({ listMarkers: false });
    const client = adminClient(emu);
    const loader = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url });
    const empty = await createUngeneratedItem(client, 'Hybrid offices that work');

    for (const filter of [{ id: empty.id }, { slug: empty.slug }]) {
      const result = await loader.loadEntry({ collection, filter });
      if (!result || !('error' in result)) throw new Error('expected an error');
      expect(result.error).toBeInstanceOf(RobowriteEntryNotFoundError);
    }

    const listed: string[] = [];
    for (const status of DEFAULT_DRAFT_STATUSES) {
      for await (const item of client.content.list({ status })) listed.push(item.id);
    }
    expect(listed).toContain(empty.id);
    const all = await loader.loadCollection({ collection, filter: { limit: 100 } });
    if ('error' in all) throw all.error;
    const ids = all.entries.map((entry) => entry.data.robowrite.itemId);
    expect(ids).not.toContain(empty.id);
    expect(ids.sort()).toEqual(listed.filter((id) => id !== empty.id).sort());
  });
});

describe('robowriteLiveLoader and the build loader name two same-titled items alike', () => {
  let emu: Emulator;
  afterAll(async () => {
    await emu.close();
  });

  it('gives the same ids and data as robowriteLoader, one plain and one suffixed', async () => {
    const title = 'Remote work: a field guide';
    emu = await fastEmulator({
      craftedItems: [
        { title, status: 'draft', markdownBody: '## One\n' },
        { title, status: 'in_review', markdownBody: '## Two\n' },
      ],
    });
    const options = { apiKey: emu.apiKey, baseURL: emu.url };
    const context = mockContext();
    await robowriteLoader(options).load(context);
    const built = [...context.entries.values()]
      .map((entry) => ({ id: entry.id, data: entry.data }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));

    const live = robowriteLiveLoader(options);
    const result = await live.loadCollection({ collection, filter: { limit: 1000 } });
    if ('error' in result) throw result.error;
    const served = result.entries
      .map((entry) => ({ id: entry.id, data: entry.data }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));

    const twins = served.filter((entry) => entry.data.title === title).map((entry) => entry.id);
    expect(twins.sort()).toEqual([
      'remote-work-a-field-guide',
      expect.stringMatching(/^remote-work-a-field-guide-[0-9a-f]{8}$/),
    ]);
    expect(served).toEqual(built);
    for (const id of twins) {
      const one = await live.loadEntry({ collection, filter: { id } });
      if (!one || 'error' in one) throw new Error(`no live entry for ${id}`);
      expect({ id: one.id, data: one.data }).toEqual(built.find((entry) => entry.id === id));
    }
  });
});
