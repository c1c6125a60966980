import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { robowriteSchema } from '@robowrite/core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  finish,
  OUT,
  parseJson,
  project,
  rewritingProxy,
  startCli,
  type TestEmulator,
  tree,
  upstream,
} from './helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('safety', () => {
  it('two concurrent pulls: one writes, the other waits and finds nothing to do', async () => {
    emu = await emulator({ items: 10 });
    const env = cliEnv(emu);
    const reference = await project();
    expect((await cli(reference, ['pull'], env)).code).toBe(0);
    const expected = await tree(join(reference, OUT));

    const dir = await project();
    const [a, b] = await Promise.all([
      finish(startCli(dir, ['pull', '--json'], env)),
      finish(startCli(dir, ['pull', '--json'], env)),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const created = [a, b].map(
      (r) => parseJson<{ counts: { create: number } }>(r.stdout).counts.create,
    );
    expect(created.sort((x, y) => x - y)).toEqual([0, expected.size]);
    expect(await tree(join(dir, OUT))).toEqual(expected);
    expect(await readFile(join(dir, '.robowrite', 'state.json'), 'utf8')).toBe(
      await readFile(join(reference, '.robowrite', 'state.json'), 'utf8'),
    );
    expect(await readdir(join(dir, '.robowrite'))).not.toContain('lock');
  });

  it('hostile slugs and titles: safe, distinct names inside the folder, exact titles', async () => {
    emu = await emulator({ items: 6 });
    const client = upstream(emu);
    const items: { id: string }[] = [];
    for await (const item of client.content.list())
      if (item.status !== 'archived') items.push(item);
    // Titles go through the real API; slugs the emulator would refuse come from a rewriting proxy.
    const hostile = [
      { slug: '../../etc/passwd', title: '---\nyes: no\n---' },
      { slug: 'CON', title: 'null' },
      { slug: 'same-slug', title: '2026-01-01' },
      { slug: 'Same Slug!', title: '🎉 שלום: "quoted" # not a comment' },
      { slug: 'a/b\\c/..', title: "it's\ttabbed: ok" },
      { slug: '\u0000\u001b[31m', title: 'yes' },
    ];
    expect(items.length).toBeGreaterThanOrEqual(hostile.length);
    const slugs = new Map<string, string>();
    const titles = new Map<string, string>();
    for (const [i, change] of hostile.entries()) {
      const id = (items[i] as { id: string }).id;
      await client.content.update(id, { title: change.title });
      slugs.set(id, change.slug);
      titles.set(id, change.title);
    }
    const rewriteSlug = (item: { id?: string; slug?: string }) =>
      item.id && slugs.has(item.id) ? { ...item, slug: slugs.get(item.id) } : item;
    const proxy = await rewritingProxy(emu, (_path, body) => {
      const page = body as { items?: { id: string }[] };
      if (Array.isArray(page.items)) return { ...page, items: page.items.map(rewriteSlug) };
      return rewriteSlug(body as { id?: string });
    });
    try {
      const dir = await project();
      const env = cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url });
      const result = await cli(dir, ['pull', '--json'], env);
      expect(result.code, result.stderr).toBe(0);

      expect((await readdir(dir)).sort()).toEqual(['.robowrite', 'src']);
      const files = await tree(join(dir, OUT));
      const seen = new Set<string>();
      for (const [file, text] of files) {
        expect(file).toMatch(/^[\p{L}\p{N}_-]+\.md$/u);
        expect(file).not.toMatch(/^(con|prn|aux|nul)\.md$/i);
        const data = robowriteSchema.parse(parseLikeAstro(text).data);
        expect(`${data.slug}.md`).toBe(file);
        seen.add(data.slug);
        const want = titles.get(data.robowrite.itemId);
        if (want !== undefined) expect(data.title).toBe(want);
      }
      expect(seen.size).toBe(files.size);
      expect([...files.keys()]).toContain('etc-passwd.md');
      expect([...files.keys()]).toContain('con-item.md');
      expect([...files.keys()].filter((f) => f.startsWith('same-slug'))).toHaveLength(2);

      // And it is stable: a second pull changes nothing.
      const again = parseJson<{ counts: Record<string, number> }>(
        (await cli(dir, ['pull', '--json'], env)).stdout,
      );
      expect(again.counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
    } finally {
      await proxy.close();
    }
  });

  it('an empty listing deletes nothing without --force', async () => {
    emu = await emulator({ items: 6 });
    const env = cliEnv(emu);
    const dir = await project();
    expect((await cli(dir, ['pull'], env)).code).toBe(0);
    const before = await tree(join(dir, OUT));
    // The listing now comes back empty (a brand with nothing in it): that looks like an outage.
    const shrunk = await cli(dir, ['pull', '--json', '--brand', 'no-such-brand'], env);
    expect(shrunk.code).toBe(1);
    const json = parseJson<{ guardedDeletes: number; counts: { delete: number } }>(shrunk.stdout);
    expect(json.counts.delete).toBe(0);
    expect(json.guardedDeletes).toBe(before.size);
    expect(await tree(join(dir, OUT))).toEqual(before);
    const forced = await cli(dir, ['pull', '--json', '--brand', 'no-such-brand', '--force'], env);
    expect(forced.code).toBe(0);
    expect((await tree(join(dir, OUT))).size).toBe(0);
  });

  it('one failing item does not stop the others', async () => {
    emu = await emulator({ items: 4 });
    const dir = await project();
    let broken: string | null = null;
    // One item comes back malformed (a validation error: not retried, reported in one line).
    const proxy = await rewritingProxy(emu, (path, body) => {
      const item = body as { id?: string; versions?: unknown };
      if (!path.endsWith('/content') && item.id && (broken === null || broken === item.id)) {
        broken = item.id;
        return { ...item, versions: 'not a list' };
      }
      return body;
    });
    try {
      const env = cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url });
      const result = await cli(dir, ['pull', '--json'], env);
      expect(result.code).toBe(1);
      const json = parseJson<{
        counts: { create: number };
        failures: { itemId: string; message: string }[];
      }>(result.stdout);
      expect(json.failures).toHaveLength(1);
      expect(json.failures[0]?.itemId).toBe(broken);
      expect(json.failures[0]?.message.split('\n')).toHaveLength(1);
      const all = parseJson<{ counts: { create: number } }>(
        (await cli(await project(), ['pull', '--json'], cliEnv(emu))).stdout,
      );
      expect(json.counts.create).toBe(all.counts.create - 1);
      // Once the API behaves, the next run picks up the one that failed.
      const retry = parseJson<{ counts: { create: number } }>(
        (await cli(dir, ['pull', '--json'], cliEnv(emu))).stdout,
      );
      expect(retry.counts.create).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
