import { join } from 'node:path';
import { MAX_DRAFT_BODY_BYTES, robowriteSchema } from '@robowrite/core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  OUT,
  project,
  rewritingProxy,
  type TestEmulator,
  tree,
} from './helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

type Item = { id?: string; versions?: { markdown_body?: string }[] } & Record<string, unknown>;

/** Rewrites one item (the first the listing names) wherever it appears: list and retrieve. */
function rewriteOne(change: (item: Item) => Item) {
  let target: string | null = null;
  const rewrite = (_path: string, body: unknown): unknown => {
    const page = body as { items?: Item[] };
    if (Array.isArray(page.items)) {
      target ??= page.items[0]?.id ?? null;
      return {
        ...page,
        items: page.items.map((item) => (item.id === target ? change(item) : item)),
      };
    }
    const item = body as Item;
    return item.id !== undefined && item.id === target ? change(item) : body;
  };
  return { rewrite, target: () => target };
}

/** Every file is one the site's build accepts; no temp files are left. */
function expectBuildableFiles(files: Map<string, string>): void {
  for (const [file, text] of files) {
    expect(file).toMatch(/^[\p{L}\p{N}_-]+\.md$/u);
    robowriteSchema.parse(parseLikeAstro(text).data);
  }
}

describe('entries checked before writing (issue 10 #7, clear errors: draft size limit)', () => {
  it('issue 10 #7: a draft with created_at "not-a-date" fails alone in one line; nothing else is touched', async () => {
    emu = await emulator({ items: 4 });
    const reference = await project();
    expect((await cli(reference, ['pull'], cliEnv(emu))).code).toBe(0);
    const all = await tree(join(reference, OUT));

    const bad = rewriteOne((item) => ({ ...item, created_at: 'not-a-date' }));
    const proxy = await rewritingProxy(emu, bad.rewrite);
    try {
      const dir = await project();
      const result = await cli(dir, ['pull'], cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url }));
      expect(result.code, result.stderr).toBe(1);
      const id = bad.target() as string;
      const lines = result.stderr.split('\n').filter((line) => line.includes(id));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/pubDate/);
      expect(lines[0]).toMatch(/not-a-date/);
      const files = await tree(join(dir, OUT));
      expect(files.size).toBe(all.size - 1);
      expectBuildableFiles(files);
      expect([...files.values()].some((text) => text.includes(id))).toBe(false);

      // A file the item already has stays exactly as it was.
      const before = await tree(join(reference, OUT));
      const again = await cli(
        reference,
        ['pull', '--force'],
        cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url }),
      );
      expect(again.code).toBe(1);
      expect(await tree(join(reference, OUT))).toEqual(before);
    } finally {
      await proxy.close();
    }
  });

  it('issue 10 clear errors (200 MB draft): a draft over the size limit fails alone in one line; the others are written', async () => {
    emu = await emulator({ items: 4 });
    const reference = await project();
    expect((await cli(reference, ['pull'], cliEnv(emu))).code).toBe(0);
    const all = await tree(join(reference, OUT));
    const huge = `${'word '.repeat(MAX_DRAFT_BODY_BYTES / 5)}over the limit\n`;
    const big = rewriteOne((item) => ({
      ...item,
      ...(Array.isArray(item.versions)
        ? { versions: item.versions.map((version) => ({ ...version, markdown_body: huge })) }
        : {}),
    }));
    const proxy = await rewritingProxy(emu, big.rewrite);
    try {
      const dir = await project();
      const result = await cli(dir, ['pull'], cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url }));
      expect(result.code, result.stderr).toBe(1);
      const id = big.target() as string;
      const lines = result.stderr.split('\n').filter((line) => line.includes(id));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/over the 5\.0 MB limit per draft/);
      const files = await tree(join(dir, OUT));
      expect(files.size).toBe(all.size - 1);
      expectBuildableFiles(files);
      expect([...files.values()].some((text) => text.includes(id))).toBe(false);
    } finally {
      await proxy.close();
    }
  });
});
