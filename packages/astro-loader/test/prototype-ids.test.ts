import { DEFAULT_DRAFT_STATUSES, type RobowriteFrontmatter } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robowriteLoader } from '../src/index.ts';
import { adminClient, type Emulator, fastEmulator, itemRetrieves } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';
import { type RewritingProxy, rewritingProxy } from './support/rewriting-proxy.ts';

// Issue 10 #4: ids key records, so ids equal to Object.prototype members must be plain keys.
const CRAFTED = ['__proto__', 'constructor', 'toString'];

describe('issue 10 #4: robowriteLoader with item ids named like Object.prototype members', () => {
  let emu: Emulator;
  let proxy: RewritingProxy;

  beforeAll(async () => {
    emu = await fastEmulator({ items: 5 });
    const real: string[] = [];
    for (const status of DEFAULT_DRAFT_STATUSES) {
      for await (const item of adminClient(emu).content.list({ status })) real.push(item.id);
    }
    const toCrafted = new Map(real.slice(0, CRAFTED.length).map((id, i) => [id, CRAFTED[i]]));
    const toReal = new Map([...toCrafted].map(([id, name]) => [name, id]));
    // The API answers with the crafted ids; requests for them go to the real items.
    const rename = (item: { id?: string }) =>
      item.id && toCrafted.has(item.id) ? { ...item, id: toCrafted.get(item.id) } : item;
    proxy = await rewritingProxy(
      emu,
      (_path, body) => {
        const page = body as { items?: { id: string }[] };
        if (Array.isArray(page.items)) return { ...page, items: page.items.map(rename) };
        return rename(body as { id?: string });
      },
      (url) =>
        url.replace(/\/content\/([^/?]+)/, (whole, id: string) => {
          const target = toReal.get(decodeURIComponent(id));
          return target ? `/content/${target}` : whole;
        }),
    );
  });
  afterAll(async () => {
    await proxy.close();
    await emu.close();
  });

  it('loads them, then re-syncs with no retrieves and the same entries', async () => {
    const options = { apiKey: emu.apiKey, baseURL: proxy.url, clientOptions: { maxRetries: 0 } };
    const first = mockContext();
    await robowriteLoader(options).load(first);
    const itemIds = [...first.entries.values()].map(
      (entry) => (entry.data as RobowriteFrontmatter).robowrite.itemId,
    );
    for (const id of CRAFTED) expect(itemIds).toContain(id);
    const meta = JSON.parse(first.metaValues.get('robowrite:sync') ?? '{}');
    expect(Object.keys(meta.items).sort()).toEqual([...itemIds].sort());
    const entries = new Map(first.entries);
    const metaText = first.metaValues.get('robowrite:sync');

    const retrievesBefore = itemRetrieves(emu);
    const second = mockContext(first);
    await robowriteLoader(options).load(second);
    expect(itemRetrieves(emu)).toBe(retrievesBefore);
    expect(second.renders).toBe(0);
    expect(second.entries).toEqual(entries);
    const again = JSON.parse(second.metaValues.get('robowrite:sync') ?? '{}');
    expect(again.items).toEqual(JSON.parse(metaText ?? '{}').items);
  });
});
