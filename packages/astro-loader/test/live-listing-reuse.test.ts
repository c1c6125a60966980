import { createProvider, type RoboWrite } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RobowriteEntryNotFoundError,
  RobowriteLiveError,
  robowriteLiveLoader,
} from '../src/index.ts';
import { listedDrafts } from '../src/listed-drafts.ts';
import { sharedListing } from '../src/shared-listing.ts';
import {
  adminClient,
  type Emulator,
  fastEmulator,
  itemRetrieves,
  listRequests,
} from './support/emulator.ts';

const collection = 'preview';
/** Longer than any test runs: within it, a listing is always reusable. */
const HOUR_MS = 3_600_000;
const CALLS = 10;

describe('the live loader reuses one listing of the drafts in scope', () => {
  let emu: Emulator;
  let client: RoboWrite;
  let published: string[];
  /** `GET /content` requests one listing of the default statuses takes, measured. */
  let oneListing: number;

  // No client-side rate limit: these tests spend more than the API's 120 requests a minute.
  const loaderWith = (listingMaxAgeMs: number, maxRetries?: number) =>
    robowriteLiveLoader({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      listingMaxAgeMs,
      clientOptions: { rateLimit: false, ...(maxRetries === undefined ? {} : { maxRetries }) },
    });

  const loadIds = async (loader: ReturnType<typeof loaderWith>, ids: readonly string[]) => {
    for (const id of ids) {
      const result = await loader.loadEntry({ collection, filter: { id } });
      if (!result || 'error' in result) throw new Error(`expected an entry for ${id}`);
    }
  };

  beforeAll(async () => {
    emu = await fastEmulator({ items: 250 });
    client = adminClient(emu);
    published = [];
    for await (const item of client.content.list({ status: 'published' })) published.push(item.id);
    const before = listRequests(emu);
    await loadIds(loaderWith(0), published.slice(0, 1));
    oneListing = listRequests(emu) - before;
  });
  afterAll(async () => {
    await emu.close();
  });

  it('lists once for sequential loadEntry calls within the window', async () => {
    // One page per status at most 200 items: 150 synthetic published items and the demo's.
    expect(oneListing).toBeGreaterThanOrEqual(3);
    const before = { lists: listRequests(emu), reads: itemRetrieves(emu) };
    await loadIds(loaderWith(HOUR_MS), published.slice(0, CALLS));
    expect(listRequests(emu) - before.lists).toBe(oneListing);
    expect(itemRetrieves(emu) - before.reads).toBe(CALLS);
  });

  it('shares one listing in flight between concurrent loadEntry calls', async () => {
    const loader = loaderWith(HOUR_MS);
    const before = listRequests(emu);
    const results = await Promise.all(
      published.slice(0, CALLS).map((id) => loader.loadEntry({ collection, filter: { id } })),
    );
    expect(
      results.map((result) => result && 'data' in result && result.data.robowrite.itemId),
    ).toEqual(published.slice(0, CALLS));
    expect(listRequests(emu) - before).toBe(oneListing);
  });

  it('lists on every call with listingMaxAgeMs 0', async () => {
    const before = listRequests(emu);
    await loadIds(loaderWith(0), published.slice(0, CALLS));
    expect(listRequests(emu) - before).toBe(CALLS * oneListing);
  });

  it('lists once more when a reused listing lacks the lookup, so a draft that just came in scope is found', async () => {
    const loader = loaderWith(HOUR_MS);
    await loadIds(loader, published.slice(0, 1));
    const archived = await firstWithStatus(client, 'archived');
    await client.content.update(archived, { status: 'published' });

    const before = listRequests(emu);
    const result = await loader.loadEntry({ collection, filter: { id: archived } });
    if (!result || 'error' in result) throw new Error('expected the newly published entry');
    expect(result.data.robowrite.itemId).toBe(archived);
    expect(listRequests(emu) - before).toBe(oneListing);

    // The new listing is the one reused from then on; a lookup found nowhere lists once.
    const again = listRequests(emu);
    await loadIds(loader, [archived, ...published.slice(1, 3)]);
    expect(listRequests(emu) - again).toBe(0);
    const missing = await loader.loadEntry({ collection, filter: { id: 'no-such-draft' } });
    expect(missing && 'error' in missing && missing.error).toBeInstanceOf(
      RobowriteEntryNotFoundError,
    );
    expect(listRequests(emu) - again).toBe(oneListing);
  });

  it('answers a lookup missing from a listing it made itself without listing again', async () => {
    const loader = loaderWith(HOUR_MS);
    const before = listRequests(emu);
    const missing = await loader.loadEntry({ collection, filter: { id: 'no-such-draft' } });
    expect(missing && 'error' in missing && missing.error).toBeInstanceOf(
      RobowriteEntryNotFoundError,
    );
    expect(listRequests(emu) - before).toBe(oneListing);
  });

  it('never reuses a failed listing', async () => {
    const loader = loaderWith(HOUR_MS, 0);
    emu.faults.add({ route: 'GET /content', sequence: ['503'] });
    const failed = await loader.loadEntry({ collection, filter: { id: published[0] as string } });
    if (!failed || !('error' in failed)) throw new Error('expected the injected failure');
    expect(failed.error).toBeInstanceOf(RobowriteLiveError);
    expect((failed.error as RobowriteLiveError).status).toBe(503);

    const before = listRequests(emu);
    await loadIds(loader, published.slice(0, 2));
    expect(listRequests(emu) - before).toBe(oneListing);
  });

  it('serves a collection of the same scope from the same listing, its limit kept', async () => {
    const loader = loaderWith(HOUR_MS);
    await loadIds(loader, published.slice(0, 1));
    const before = { lists: listRequests(emu), reads: itemRetrieves(emu) };
    const limited = await loader.loadCollection({ collection, filter: { limit: 3 } });
    if ('error' in limited) throw limited.error;
    expect(limited.entries).toHaveLength(3);
    const onlyPublished = await loader.loadCollection({
      collection,
      filter: { status: 'published', limit: 2 },
    });
    if ('error' in onlyPublished) throw onlyPublished.error;
    expect(onlyPublished.entries.map((entry) => entry.data.robowrite.status)).toEqual([
      'published',
      'published',
    ]);
    expect(listRequests(emu) - before.lists).toBe(0);
    expect(itemRetrieves(emu) - before.reads).toBe(5);

    // A status beyond the loader's is another scope, listed on its own.
    const wider = await loader.loadCollection({
      collection,
      filter: { status: 'archived', limit: 1 },
    });
    if ('error' in wider) throw wider.error;
    expect(wider.entries.map((entry) => entry.data.robowrite.status)).toEqual(['archived']);
    expect(listRequests(emu) - before.lists).toBeGreaterThan(oneListing);
  });

  it('refuses a negative or non-numeric listingMaxAgeMs in one line', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => loaderWith(bad)).toThrow(/^robowrite: `listingMaxAgeMs` must be/);
    }
  });
});

describe('sharedListing with its own clock', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await fastEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reuses a finished listing until maxAgeMs after it finished, then lists anew', async () => {
    const provider = createProvider({
      provider: 'robowrite',
      apiKey: emu.apiKey,
      baseURL: emu.url,
    });
    const scope = { brand: null, statuses: ['published'] };
    let clock = 1_000;
    const listings = sharedListing<unknown>({ maxAgeMs: 5_000, now: () => clock });
    const list = () => listedDrafts(provider, scope);
    const before = listRequests(emu);

    const first = await listings.listing('published', list);
    clock += 4_999;
    expect(await listings.listing('published', list)).toBe(first);
    expect(listRequests(emu) - before).toBe(1);
    // Another key is another listing.
    await listings.listing('published again', list);
    expect(listRequests(emu) - before).toBe(2);

    clock += 1;
    const second = await listings.listing('published', list);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(listRequests(emu) - before).toBe(3);
    await provider.close();
  });
});

/** The id of the first item listed under `status`. */
async function firstWithStatus(client: RoboWrite, status: string): Promise<string> {
  for await (const item of client.content.list({ status })) return item.id;
  throw new Error(`the fixture has ${status} items`);
}
