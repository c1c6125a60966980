import { MAX_DRAFT_BODY_BYTES, type RobowriteFrontmatter } from '@robowrite/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RobowriteLoaderOptions, robowriteLoader } from '../src/index.ts';
import { type Emulator, fastEmulator } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';
import { type RewritingProxy, rewriteItems, rewritingProxy } from './support/rewriting-proxy.ts';

type Item = Record<string, unknown> & { versions?: Record<string, unknown>[] };

describe('loader entries from hostile or invalid drafts (issue 10 #5, #7, #14, size limit)', () => {
  let emu: Emulator;
  let proxy: RewritingProxy | undefined;
  let reference: Map<string, unknown>;

  beforeEach(async () => {
    emu = await fastEmulator();
    const context = mockContext();
    await robowriteLoader(options(emu.url)).load(context);
    reference = context.entries;
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await emu.close();
  });

  function options(baseURL: string): RobowriteLoaderOptions {
    return { apiKey: emu.apiKey, baseURL, clientOptions: { maxRetries: 0 } };
  }

  async function syncThrough(change: (item: Item, index: number) => Item, count: number) {
    const items = rewriteItems(change, count);
    proxy = await rewritingProxy(emu, items.rewrite);
    const context = mockContext();
    await robowriteLoader(options(proxy.url)).load(context);
    const itemIds = [...context.entries.values()].map(
      (entry) => (entry.data as RobowriteFrontmatter).robowrite.itemId,
    );
    return { context, chosen: items.chosen(), itemIds };
  }

  it('issue 10 #14: gives slugs ".", "..", "../../x" and "a/b/c" safe, distinct entry ids', async () => {
    const hostile = ['.', '..', '../../x', 'a/b/c'];
    const { context, chosen, itemIds } = await syncThrough(
      (item, index) => ({ ...item, slug: hostile[index] }),
      hostile.length,
    );
    expect(chosen).toHaveLength(hostile.length);
    expect(context.entries.size).toBe(reference.size);
    for (const [id, entry] of context.entries) {
      expect(id).toMatch(/^[\p{L}\p{N}_-]+$/u);
      expect((entry.data as RobowriteFrontmatter).slug).toBe(id);
    }
    for (const itemId of chosen) expect(itemIds).toContain(itemId);
    const keys = [...context.entries.keys()];
    // `.` and `..` both clean to `item`: the smaller item id keeps it, the other gets a suffix.
    expect(keys).toEqual(expect.arrayContaining(['item', 'x', 'a-b-c']));
    expect(keys.filter((key) => key.startsWith('item-'))).toHaveLength(1);
    expect(context.logs.filter((log) => log.level !== 'info')).toEqual([]);
  });

  it('issue 10 #7: leaves out a draft with created_at "not-a-date", in one line naming it', async () => {
    const { context, chosen, itemIds } = await syncThrough(
      (item) => ({ ...item, created_at: 'not-a-date' }),
      1,
    );
    const [bad] = chosen;
    const errors = context.logs.filter((log) => log.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(`item ${bad}`);
    expect(errors[0]?.message).toMatch(/pubDate/);
    expect(errors[0]?.message).not.toContain('\n');
    expect(context.entries.size).toBe(reference.size - 1);
    expect(itemIds).not.toContain(bad);
  });

  it('issue 10 clear errors (200 MB draft): leaves out a draft over the size limit, in one line, before rendering it', async () => {
    const huge = `${'word '.repeat(MAX_DRAFT_BODY_BYTES / 5)}over the limit\n`;
    const { context, chosen, itemIds } = await syncThrough(
      (item) => ({
        ...item,
        ...(Array.isArray(item.versions)
          ? { versions: item.versions.map((version) => ({ ...version, markdown_body: huge })) }
          : {}),
      }),
      1,
    );
    const [big] = chosen;
    const errors = context.logs.filter((log) => log.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(`item ${big}`);
    expect(errors[0]?.message).toMatch(/over the 5\.0 MB limit per draft/);
    expect(context.entries.size).toBe(reference.size - 1);
    expect(context.renders).toBe(reference.size - 1);
    expect(itemIds).not.toContain(big);
  });

  it('issue 10 #5: leaves out an item whose listed id is "..", in one line; the others still load', async () => {
    // The client refuses to put ".." in a URL: that item fails alone, not the whole sync.
    const { context, chosen, itemIds } = await syncThrough((item) => ({ ...item, id: '..' }), 1);
    expect(chosen).toHaveLength(1);
    const errors = context.logs.filter((log) => log.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('item "..": itemId must not be ".."');
    expect(errors[0]?.message).not.toContain('\n');
    expect(context.entries.size).toBe(reference.size - 1);
    expect(itemIds).not.toContain('..');
  });
});
