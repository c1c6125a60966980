import type { RobowriteFrontmatter } from '@robowrite/core';
import { afterEach, describe, expect, it } from 'vitest';
import { robowriteLoader } from '../src/index.ts';
import { mockContext } from './support/mock-context.ts';
import {
  generateDrafts,
  type ProviderWorld,
  writerWorld,
  writerzroomWorld,
} from './support/provider-emulators.ts';
import { type RewritingProxy, rewritingProxy } from './support/rewriting-proxy.ts';

type Row = Record<string, unknown>;

/** The route whose last segment is a draft's id, per provider. */
const ITEM_ROUTE: Record<string, string> = {
  writerzroom: '/v1/content/',
  writer: '/v1/applications/jobs/',
};

/** Ids a hostile listing could serve: two the client must refuse, two named like `Object.prototype` members. */
const CRAFTED = ['..', 'a/b', '__proto__', 'constructor'];

/**
 * Issue 10 on the loader's WriterzRoom (v1) and Writer paths, which came after the issue: a
 * listed id the client will not put in a URL fails alone in one line and is never sent (#5,
 * #14), and ids named like `Object.prototype` members load as plain keys (#4).
 */
describe.each([
  ['WriterzRoom v1', writerzroomWorld],
  ['Writer', writerWorld],
])('issue 10 #4, #5, #14 on the loader’s %s path', (_label, makeWorld) => {
  let world: ProviderWorld | undefined;
  let proxy: RewritingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await world?.close();
  });

  it('issue 10 #5, #14, #4: ids ".." and "a/b" fail alone in one line each and are never sent; __proto__ and constructor load', async () => {
    world = await makeWorld();
    await generateDrafts(world, ['Dots', 'Slashes', 'Prototypes', 'Constructors', 'Plain']);
    const reference = mockContext();
    await robowriteLoader(world.options).load(reference);
    expect(reference.entries.size).toBe(5);
    const real = [...reference.entries.values()].map(
      (entry) => (entry.data as RobowriteFrontmatter).robowrite.itemId,
    );

    const toCrafted = new Map(real.slice(0, CRAFTED.length).map((id, i) => [id, CRAFTED[i]]));
    const toReal = new Map([...toCrafted].map(([id, name]) => [name as string, id]));
    const rename = (row: Row): Row => {
      const id = typeof row.id === 'string' ? toCrafted.get(row.id) : undefined;
      return id === undefined ? row : { ...row, id };
    };
    const route = ITEM_ROUTE[world.admin.name] as string;
    const seen: string[] = [];
    proxy = await rewritingProxy(
      world.emu,
      (_path, body) => {
        const page = body as Row;
        for (const list of ['items', 'result']) {
          const rows = page[list];
          if (Array.isArray(rows)) return { ...page, [list]: rows.map((row) => rename(row)) };
        }
        return rename(page);
      },
      (url) => {
        seen.push(url);
        const at = url.indexOf(route);
        if (at < 0) return url;
        const [segment = '', query = ''] = url.slice(at + route.length).split(/(?=\?)/);
        const target = toReal.get(decodeURIComponent(segment));
        return target ? `${url.slice(0, at)}${route}${target}${query}` : url;
      },
    );

    const context = mockContext();
    await robowriteLoader({ ...world.options, baseURL: proxy.url }).load(context);
    const errors = context.logs.filter((log) => log.level === 'error');
    expect(errors).toHaveLength(2);
    for (const id of ['..', 'a/b']) {
      const naming = errors.filter((log) => log.message.includes(`item ${JSON.stringify(id)}: `));
      expect(naming, id).toHaveLength(1);
    }
    for (const { message } of errors) expect(message).not.toContain('\n');
    expect(seen.filter((url) => url.includes(`${route}..`) || url.includes('a/b'))).toEqual([]);
    expect(seen.some((url) => url.includes(`${route}a%2Fb`))).toBe(false);

    const itemIds = [...context.entries.values()].map(
      (entry) => (entry.data as RobowriteFrontmatter).robowrite.itemId,
    );
    expect(itemIds.sort()).toEqual(['__proto__', 'constructor', real[4] as string].sort());
    for (const id of context.entries.keys()) expect(id).toMatch(/^[\p{L}\p{N}_-]+$/u);

    // The sync state keys them as plain ids: a re-sync reads no draft again.
    const sent = seen.length;
    const again = mockContext({ entries: context.entries, metaValues: context.metaValues });
    await robowriteLoader({ ...world.options, baseURL: proxy.url }).load(again);
    expect(seen.slice(sent).filter((url) => url.includes(route))).toEqual([]);
    expect([...again.entries.keys()].sort()).toEqual([...context.entries.keys()].sort());
  });
});
