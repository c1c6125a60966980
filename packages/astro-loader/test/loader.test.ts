import {
  DEFAULT_DRAFT_STATUSES,
  entryNameSuffix,
  type RoboWrite,
  type RobowriteFrontmatter,
  robowriteSchema,
  toDraft,
  toFrontmatter,
} from '@robowrite/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RobowriteLoaderOptions, RobowriteSyncError, robowriteLoader } from '../src/index.ts';
import {
  adminClient,
  createUngeneratedItem,
  type Emulator,
  fastEmulator,
  itemRetrieves,
  listRequests,
} from './support/emulator.ts';
import { type MockContext, mockContext } from './support/mock-context.ts';

const META_KEY = 'robowrite:sync';

/** An entry's data as the loader stored it: the parsed shared frontmatter. */
function dataOf(
  entry: { data: Record<string, unknown> } | undefined,
): RobowriteFrontmatter | undefined {
  return entry?.data as RobowriteFrontmatter | undefined;
}

async function sync(context: MockContext, options: RobowriteLoaderOptions): Promise<void> {
  await robowriteLoader(options).load(context);
}

/**
 * The items listed in the given statuses; by default core's `DEFAULT_DRAFT_STATUSES` (`draft`,
 * `in_review`, `published`), the statuses the loader should load. Every item of the demo fixture
 * has a version, so all of them hold a draft.
 */
async function inScope(client: RoboWrite, statuses: readonly string[] = DEFAULT_DRAFT_STATUSES) {
  const items: { id: string; slug: string; status: string }[] = [];
  for (const status of statuses) {
    for await (const item of client.content.list({ status })) {
      items.push({ id: item.id, slug: item.slug ?? item.id, status: item.status });
    }
  }
  return items;
}

describe('robowriteLoader with the emulator', () => {
  let emu: Emulator;
  let client: RoboWrite;
  let options: RobowriteLoaderOptions & { provider?: 'robowrite' };

  beforeEach(async () => {
    emu = await fastEmulator();
    client = adminClient(emu);
    options = { apiKey: emu.apiKey, baseURL: emu.url, clientOptions: { maxRetries: 0 } };
  });
  afterEach(async () => {
    await emu.close();
  });

  it('stores every draft, in-review and published item: shared frontmatter, Markdown body, rendered HTML', async () => {
    const expected = await inScope(client);
    // The default reaches all three statuses, `draft` (where the brief flow leaves an item) too.
    expect([...new Set(expected.map((item) => item.status))].sort()).toEqual([
      'draft',
      'in_review',
      'published',
    ]);
    const context = mockContext();
    await sync(context, options);

    expect([...context.entries.keys()].sort()).toEqual(expected.map((item) => item.slug).sort());
    const first = expected[0] as (typeof expected)[number];
    const draft = toDraft(
      await client.content.retrieve(first.id, { include: ['scoring', 'sources'] }),
    );
    const entry = context.entries.get(first.slug);
    expect(entry?.data).toEqual(robowriteSchema.parse(toFrontmatter(draft)));
    expect(entry?.body).toBe(draft.body);
    expect(entry?.rendered?.html).toContain('<h2');
    expect(typeof entry?.digest).toBe('string');
    expect(context.renders).toBe(expected.length);

    const marker = JSON.parse(context.metaValues.get(META_KEY) ?? '{}');
    expect(marker.format).toBe(2);
    expect(Object.keys(marker.items).sort()).toEqual(expected.map((item) => item.id).sort());
  });

  it('a second sync with nothing changed makes only list requests and renders nothing', async () => {
    const first = mockContext();
    await sync(first, options);
    const stored = new Map(first.entries);
    const retrievesBefore = itemRetrieves(emu);
    const listsBefore = listRequests(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu)).toBe(retrievesBefore);
    expect(listRequests(emu)).toBeGreaterThan(listsBefore);
    expect(second.renders).toBe(0);
    expect(second.parses).toBe(0);
    expect(second.entries).toEqual(stored);
    expect(second.logs.at(-1)?.message).toMatch(/0 fetched, 0 rendered, 0 removed/);
  });

  it('a retitle upstream refetches only that item and reuses its rendered HTML', async () => {
    const first = mockContext();
    await sync(first, options);
    const [target] = await inScope(client, ['published']);
    if (!target) throw new Error('the demo fixture has published items');
    const html = first.entries.get(target.slug)?.rendered?.html;
    await client.content.update(target.id, { title: 'A sharper title' });
    const retrievesBefore = itemRetrieves(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - retrievesBefore).toBe(1);
    expect(second.parses).toBe(1);
    expect(second.renders).toBe(0);
    const entry = second.entries.get(target.slug);
    expect(entry?.data.title).toBe('A sharper title');
    expect(entry?.rendered?.html).toBe(html);
  });

  it('a new version upstream re-renders only that item', async () => {
    const first = mockContext();
    await sync(first, options);
    const [target] = await inScope(client, ['published']);
    if (!target) throw new Error('the demo fixture has published items');
    const before = dataOf(first.entries.get(target.slug));
    const digestBefore = first.entries.get(target.slug)?.digest;
    const job = await client.content.generateItem(target.id, { citationMode: 'inline' });
    await client.jobs.waitFor(job.job_id, { intervalMs: 10, timeoutMs: 5000 });
    // Generating puts the item back to `draft`; an editor publishes the new version.
    await client.content.update(target.id, { status: 'published' });
    const after = toDraft(await client.content.retrieve(target.id));
    const retrievesBefore = itemRetrieves(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - retrievesBefore).toBe(1);
    expect(second.renders).toBe(1);
    const entry = second.entries.get(target.slug);
    expect(dataOf(entry)?.robowrite.versionId).toBe(after.versionId);
    expect(after.versionId).not.toBe(before?.robowrite.versionId);
    expect(entry?.body).toBe(after.body);
    expect(entry?.digest).not.toBe(digestBefore);
  });

  it('items deleted upstream or moved out of the loaded statuses leave the store', async () => {
    const first = mockContext();
    await sync(first, options);
    const items = await inScope(client);
    const [deleted, archived] = items;
    if (!deleted || !archived) throw new Error('the demo fixture has two items in scope');
    await client.content.delete(deleted.id);
    await client.content.update(archived.id, { status: 'archived' });

    const second = mockContext(first);
    await sync(second, options);

    expect(second.entries.has(deleted.slug)).toBe(false);
    expect(second.entries.has(archived.slug)).toBe(false);
    expect(second.entries.size).toBe(items.length - 2);
    expect(second.renders).toBe(0);
    const marker = JSON.parse(second.metaValues.get(META_KEY) ?? '{}');
    expect(Object.keys(marker.items)).not.toContain(deleted.id);
    expect(second.logs.at(-1)?.message).toMatch(/2 removed/);
  });

  it('an item that enters the loaded statuses is fetched and rendered', async () => {
    const first = mockContext();
    await sync(first, options);
    const [archived] = await inScope(client, ['archived']);
    if (!archived) throw new Error('the demo fixture has an archived item');
    expect(first.entries.has(archived.slug)).toBe(false);
    const storedBefore = first.entries.size;
    await client.content.update(archived.id, { status: 'in_review' });
    const retrievesBefore = itemRetrieves(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - retrievesBefore).toBe(1);
    expect(second.renders).toBe(1);
    expect(second.entries.size).toBe(storedBefore + 1);
    expect(dataOf(second.entries.get(archived.slug))?.robowrite.status).toBe('in_review');
  });

  it('a marker of another format version forces a full reload that re-renders nothing', async () => {
    const first = mockContext();
    await sync(first, options);
    const marker = JSON.parse(first.metaValues.get(META_KEY) ?? '{}');
    first.metaValues.set(META_KEY, JSON.stringify({ ...marker, format: 0 }));
    const retrievesBefore = itemRetrieves(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - retrievesBefore).toBe(first.entries.size);
    expect(second.renders).toBe(0);
    expect(second.logs[0]?.message).toBe('full sync: sync marker format changed (0 -> 2)');
    expect(JSON.parse(second.metaValues.get(META_KEY) ?? '{}').format).toBe(2);
  });

  it('an unreadable marker forces a full reload', async () => {
    const context = mockContext();
    context.metaValues.set(META_KEY, 'not json');
    await sync(context, options);
    expect(context.logs[0]?.message).toBe('full sync: no previous sync');
    expect(context.entries.size).toBe((await inScope(client)).length);
  });

  it('changing the statuses reloads the collection with only what is now in scope', async () => {
    const first = mockContext();
    await sync(first, options);

    const second = mockContext(first);
    await sync(second, { ...options, statuses: ['published'] });

    const published = await inScope(client, ['published']);
    expect([...second.entries.keys()].sort()).toEqual(published.map((item) => item.slug).sort());
    expect(second.logs[0]?.message).toBe('full sync: loader options changed');
  });

  it('keys entries by item id and filters by brand when asked', async () => {
    const brands = await client.brands.list();
    const brandIds = brands.items.map((brand) => brand.id);
    const everything = mockContext();
    await sync(everything, { ...options, id: 'itemId' });
    const all = await inScope(client);
    expect([...everything.entries.keys()].sort()).toEqual(all.map((item) => item.id).sort());

    const perBrand = await Promise.all(
      brandIds.map(async (brand) => {
        const context = mockContext();
        await sync(context, { ...options, brand, id: 'itemId' });
        for (const entry of context.entries.values()) {
          const item = await client.content.retrieve(entry.id);
          expect(item.brand_id).toBe(brand);
        }
        return context.entries.size;
      }),
    );
    expect(perBrand.reduce((sum, n) => sum + n, 0)).toBe(all.length);
  });

  it("gives an item whose slug another item already holds the CLI's suffixed name", async () => {
    // Slugs are unique within a brand only: the published items and the in-review one belong to
    // two brands of the organization.
    const [published] = await inScope(client, ['published']);
    const [inReview] = await inScope(client, ['in_review']);
    if (!published || !inReview) throw new Error('the demo fixture has items in both statuses');
    await client.content.update(inReview.id, { slug: published.slug });
    // As the CLI names files: the smallest item id keeps the plain name, the other gets a suffix
    // derived from its own id.
    const [holder, other] =
      published.id < inReview.id ? [published, inReview] : [inReview, published];
    const context = mockContext();
    await sync(context, options);

    const suffixed = `${published.slug}-${entryNameSuffix(other.id)}`;
    expect(dataOf(context.entries.get(published.slug))?.robowrite.itemId).toBe(holder.id);
    expect(dataOf(context.entries.get(suffixed))?.robowrite.itemId).toBe(other.id);
    expect(dataOf(context.entries.get(suffixed))?.slug).toBe(suffixed);
    expect(context.logs.filter((log) => log.level === 'warn')).toEqual([]);

    // A second sync keeps both where they are and warns no more.
    const second = mockContext(context);
    await sync(second, options);
    expect([...second.entries.keys()].sort()).toEqual([...context.entries.keys()].sort());
    expect(second.logs.filter((log) => log.level === 'warn')).toEqual([]);
  });

  it('reads the key and base URL from ROBOWRITE_API_KEY and ROBOWRITE_BASE_URL', async () => {
    const saved = { key: process.env.ROBOWRITE_API_KEY, url: process.env.ROBOWRITE_BASE_URL };
    process.env.ROBOWRITE_API_KEY = emu.apiKey;
    process.env.ROBOWRITE_BASE_URL = emu.url;
    try {
      const context = mockContext();
      await sync(context, {});
      expect(context.entries.size).toBe((await inScope(client)).length);
    } finally {
      restoreEnv('ROBOWRITE_API_KEY', saved.key);
      restoreEnv('ROBOWRITE_BASE_URL', saved.url);
    }
  });
});

describe('robowriteLoader without list change markers', () => {
  let emu: Emulator;
  afterEach(async () => {
    await emu.close();
  });

  it('retrieves every item on each sync but re-renders none that did not change', async () => {
    emu = await fastEmulator({ listMarkers: false });
    const options = { apiKey: emu.apiKey, baseURL: emu.url };
    const first = mockContext();
    await sync(first, options);
    const retrievesBefore = itemRetrieves(emu);

    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - retrievesBefore).toBe(first.entries.size);
    expect(second.renders).toBe(0);
    expect(second.parses).toBe(0);
    expect(second.logs.some((log) => /carry no change marker/.test(log.message))).toBe(true);
  });
});

describe('robowriteLoader and an item that was never generated', () => {
  let emu: Emulator;
  afterEach(async () => {
    await emu.close();
  });

  it('skips it at list time when the list carries markers: no entry, no retrieve', async () => {
    emu = await fastEmulator();
    const client = adminClient(emu);
    const options = { apiKey: emu.apiKey, baseURL: emu.url, id: 'itemId' as const };
    const empty = await createUngeneratedItem(client, 'Hybrid offices that work');
    const listed = await inScope(client, ['draft']);
    expect(listed.map((item) => item.id)).toContain(empty.id);
    const generated = (await inScope(client)).filter((item) => item.id !== empty.id);
    const retrievesBefore = itemRetrieves(emu);

    const first = mockContext();
    await sync(first, options);

    expect([...first.entries.keys()].sort()).toEqual(generated.map((item) => item.id).sort());
    expect(itemRetrieves(emu) - retrievesBefore).toBe(generated.length);
    const marker = JSON.parse(first.metaValues.get(META_KEY) ?? '{}');
    expect(Object.keys(marker.items)).not.toContain(empty.id);

    // Generated through the brief flow, it stays `draft` and is loaded by the next sync.
    const job = await client.content.generateItem(empty.id, { citationMode: 'inline' });
    await client.jobs.waitFor(job.job_id, { intervalMs: 10, timeoutMs: 5000 });
    const afterFirst = itemRetrieves(emu);
    const second = mockContext(first);
    await sync(second, options);

    expect(itemRetrieves(emu) - afterFirst).toBe(1);
    expect(second.renders).toBe(1);
    const entry = dataOf(second.entries.get(empty.id));
    expect(entry?.robowrite.status).toBe('draft');
    expect(entry?.robowrite.versionId).toEqual(expect.any(String));
  });

  it('retrieves it and leaves it out when the list carries no markers', async () => {
    emu = await fastEmulator({ listMarkers: false });
    const client = adminClient(emu);
    const options = { apiKey: emu.apiKey, baseURL: emu.url, id: 'itemId' as const };
    const empty = await createUngeneratedItem(client, 'Hybrid offices that work');
    const all = await inScope(client);
    expect(all.map((item) => item.id)).toContain(empty.id);
    const retrievesBefore = itemRetrieves(emu);

    const first = mockContext();
    await sync(first, options);

    // Without a marker the list cannot tell: the item is read, found empty and dropped.
    expect(itemRetrieves(emu) - retrievesBefore).toBe(all.length);
    expect(first.entries.has(empty.id)).toBe(false);
    expect([...first.entries.keys()].sort()).toEqual(
      all
        .map((item) => item.id)
        .filter((id) => id !== empty.id)
        .sort(),
    );
    expect(first.renders).toBe(all.length - 1);
    const marker = JSON.parse(first.metaValues.get(META_KEY) ?? '{}');
    expect(Object.keys(marker.items)).not.toContain(empty.id);
    expect(first.logs.at(-1)?.message).toBe(
      `synced ${all.length} items: ${all.length} fetched, ${all.length - 1} rendered, 0 removed`,
    );
  });
});

describe('robowriteLoader when the API fails', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('fails with one readable line, no stack and no key', async () => {
    const badKey = `${emu.apiKey}-revoked`;
    const context = mockContext();
    const error = await robowriteLoader({ apiKey: badKey, baseURL: emu.url })
      .load(context)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RobowriteSyncError);
    const { message, stack, hint } = error as RobowriteSyncError;
    expect(message).toMatch(/^RoboWrite sync of collection "api" failed: 401 GET \/content/);
    expect(message).not.toContain('\n');
    expect(stack).toBe('');
    expect(`${message}${hint}`).not.toContain(badKey);
    expect(context.entries.size).toBe(0);
    expect(context.metaValues.size).toBe(0);
  });

  it('fails with one readable line when no key is configured', async () => {
    const saved = process.env.ROBOWRITE_API_KEY;
    delete process.env.ROBOWRITE_API_KEY;
    try {
      const error = await robowriteLoader({ baseURL: emu.url })
        .load(mockContext())
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RobowriteSyncError);
      const { message } = error as RobowriteSyncError;
      expect(message).toMatch(/^RoboWrite sync of collection "api" failed: .*ROBOWRITE_API_KEY/);
      expect(message).not.toContain('\n');
      expect(emu.stats().requests).toBe(0);
    } finally {
      restoreEnv('ROBOWRITE_API_KEY', saved);
    }
  });

  it('leaves the store and the marker as they were when a request fails mid-sync', async () => {
    const client = adminClient(emu);
    const options = { apiKey: emu.apiKey, baseURL: emu.url, clientOptions: { maxRetries: 0 } };
    const first = mockContext();
    await sync(first, options);
    const entries = new Map(first.entries);
    const marker = first.metaValues.get(META_KEY);
    const [target] = await inScope(client, ['published']);
    if (!target) throw new Error('the demo fixture has published items');
    await client.content.update(target.id, { title: 'Changed while the API is down' });
    emu.faults.add({ route: 'GET /content/{content_item_id}', fault: '503' });

    const second = mockContext(first);
    await expect(sync(second, options)).rejects.toThrow(/failed: 503 GET \/content\//);

    expect(second.entries).toEqual(entries);
    expect(second.metaValues.get(META_KEY)).toBe(marker);
  });

  it('keeps the last good entries and warns when keepStaleOnError is set', async () => {
    const options = { apiKey: emu.apiKey, baseURL: emu.url, clientOptions: { maxRetries: 0 } };
    const first = mockContext();
    await sync(first, options);
    const entries = new Map(first.entries);
    const marker = first.metaValues.get(META_KEY);
    await emu.close();

    const second = mockContext(first);
    await sync(second, { ...options, keepStaleOnError: true });

    expect(second.entries).toEqual(entries);
    expect(second.metaValues.get(META_KEY)).toBe(marker);
    const warnings = second.logs.filter((log) => log.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(
      new RegExp(`^sync failed \\(.+\\); keeping the ${entries.size} entries of the last sync$`),
    );
    emu = await fastEmulator();
  });

  it('still fails a first sync with keepStaleOnError: there is nothing to keep', async () => {
    const context = mockContext();
    await expect(
      sync(context, { apiKey: 'rw_not_a_key', baseURL: emu.url, keepStaleOnError: true }),
    ).rejects.toBeInstanceOf(RobowriteSyncError);
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
