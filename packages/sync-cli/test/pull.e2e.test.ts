import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_DRAFT_STATUSES, robowriteSchema } from '@robowrite/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  git,
  itemIdOf,
  mtimes,
  OUT,
  parseJson,
  project,
  type TestEmulator,
  tree,
  upstream,
} from './helpers.ts';

/** Requests per route made since `before` (a `stats().routes` snapshot); routes not hit left out. */
function routesSince(emu: TestEmulator, before: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [route, count] of Object.entries(emu.stats().routes as Record<string, number>)) {
    const made = count - (before[route] ?? 0);
    if (made > 0) delta[route] = made;
  }
  return delta;
}

interface PullJson {
  ok: boolean;
  exitCode: number;
  counts: Record<string, number>;
  actions: { kind: string; itemId: string; file: string; reason?: string }[];
  conflicts: { itemId: string; file: string; incoming: string | null }[];
  failures: { itemId: string | null; message: string }[];
}

describe.each([{ listMarkers: true }, { listMarkers: false }])(
  'pull against the emulator (list markers $listMarkers)',
  ({ listMarkers }) => {
    // Each test sets up its own emulator and project: none depends on another having run.
    let emu: TestEmulator;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    const out = () => join(dir, OUT);
    const pullJson = async (...args: string[]) => {
      const result = await cli(dir, ['pull', '--json', ...args], env);
      return { ...result, json: parseJson<PullJson>(result.stdout) };
    };
    /** A fresh emulator and an `init`ed project in git; `pulled`: synced once and committed. */
    const setUp = async (pulled: boolean) => {
      emu = await emulator({ listMarkers });
      dir = await project();
      env = cliEnv(emu);
      await git(dir, 'init', '-q');
      const init = await cli(dir, ['init', '--yes'], env);
      expect(init.code).toBe(0);
      if (!pulled) return;
      expect((await pullJson()).code).toBe(0);
      await git(dir, 'add', '-A');
      await git(dir, 'commit', '-q', '-m', 'first pull');
    };
    afterEach(async () => {
      await emu?.close();
    });

    it('first pull writes one valid file per item', async () => {
      await setUp(false);
      const { code, json } = await pullJson();
      expect(code).toBe(0);
      expect(json.ok).toBe(true);
      const files = await tree(out());
      expect(files.size).toBeGreaterThan(2);
      expect(json.counts.create).toBe(files.size);
      const slugs = new Set<string>();
      for (const [file, text] of files) {
        const { data, body } = parseLikeAstro(text);
        const parsed = robowriteSchema.parse(data);
        expect(`${parsed.slug}.md`).toBe(file);
        slugs.add(parsed.slug);
        expect(body.length).toBeGreaterThan(0);
        expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
        expect(text).not.toContain('\r');
      }
      expect(slugs.size).toBe(files.size);
    });

    it('second pull writes nothing: same mtimes, clean git status, no reads with markers', async () => {
      await setUp(true);
      const before = await mtimes(dir);
      const reads = emu.stats().routes['GET /content/{content_item_id}'] ?? 0;
      const { code, json } = await pullJson();
      expect(code).toBe(0);
      expect(json.counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
      const after = await mtimes(dir);
      for (const [file, mtime] of before) {
        if (!file.startsWith('.robowrite/last-pull')) expect(after.get(file)).toBe(mtime);
      }
      expect(await git(dir, 'status', '--porcelain')).toBe('');
      const readsNow = (emu.stats().routes['GET /content/{content_item_id}'] ?? 0) - reads;
      expect(readsNow).toBe(listMarkers ? 0 : json.counts.skip);
    });

    it('an upstream change updates exactly that one file', async () => {
      await setUp(true);
      const client = upstream(emu);
      const files = await tree(out());
      const [first] = [...files.keys()];
      const id = itemIdOf(files.get(first as string) as string);
      await client.content.update(id, { title: 'Retitled upstream: yes, really' });
      const before = await mtimes(out());
      const { code, json } = await pullJson();
      expect(code).toBe(0);
      expect(json.counts).toMatchObject({ create: 0, update: 1, delete: 0, conflict: 0 });
      const after = await mtimes(out());
      const changed = [...after]
        .filter(([file, mtime]) => before.get(file) !== mtime)
        .map(([f]) => f);
      expect(changed).toEqual([first]);
      const data = parseLikeAstro(await readFile(join(out(), first as string), 'utf8')).data;
      expect(data.title).toBe('Retitled upstream: yes, really');
      await git(dir, 'commit', '-q', '-am', 'update');
    });

    it('keeps a local edit and reports the upstream change as a conflict', async () => {
      await setUp(true);
      const client = upstream(emu);
      const files = [...(await tree(out())).entries()];
      const [file, text] = files[1] as [string, string];
      const id = itemIdOf(text);
      const edited = `${text}\nA local paragraph.\n`;
      await writeFile(join(out(), file), edited);
      // Edited locally, unchanged upstream: no conflict, nothing touched.
      const quiet = await pullJson();
      expect(quiet.code).toBe(0);
      expect(quiet.json.actions.find((a) => a.file === file)?.reason).toBe('edited locally');

      await client.content.update(id, { title: 'Changed upstream too' });
      const { code, json } = await pullJson();
      expect(code).toBe(3);
      expect(json.conflicts).toEqual([
        { itemId: id, file, incoming: join('.robowrite', 'conflicts', file) },
      ]);
      expect(await readFile(join(out(), file), 'utf8')).toBe(edited);
      const incoming = await readFile(join(dir, '.robowrite', 'conflicts', file), 'utf8');
      expect(parseLikeAstro(incoming).data.title).toBe('Changed upstream too');

      const status = await cli(dir, ['status', '--json'], env);
      expect(status.code).toBe(3);
      const report = parseJson<{ conflicts: string[]; modified: { file: string }[] }>(
        status.stdout,
      );
      expect(report.conflicts).toEqual([file]);
      expect(report.modified.map((m) => m.file)).toEqual([file]);

      const forced = await pullJson('--force');
      expect(forced.code).toBe(0);
      expect(parseLikeAstro(await readFile(join(out(), file), 'utf8')).data.title).toBe(
        'Changed upstream too',
      );
      const after = parseJson<{ conflicts: string[] }>(
        (await cli(dir, ['status', '--json'], env)).stdout,
      );
      expect(after.conflicts).toEqual([]);
    });

    it('removes a file deleted upstream, and only that one', async () => {
      await setUp(true);
      const client = upstream(emu);
      const files = [...(await tree(out())).entries()];
      const [file, text] = files[0] as [string, string];
      const id = itemIdOf(text);
      await client.content.delete(id);
      const dry = await pullJson('--dry-run');
      expect(dry.json.actions.filter((a) => a.kind === 'delete')).toEqual([
        { kind: 'delete', itemId: id, file },
      ]);
      expect((await tree(out())).has(file)).toBe(true);
      const { code, json } = await pullJson();
      expect(code).toBe(0);
      expect(json.counts.delete).toBe(1);
      const after = await tree(out());
      expect(after.has(file)).toBe(false);
      expect(after.size).toBe(files.length - 1);
    });

    it('never prints or stores the API key', async () => {
      await setUp(true);
      // A conflict too, so .robowrite/conflicts holds API text as well.
      const [file, text] = [...(await tree(out())).entries()][0] as [string, string];
      await writeFile(join(out(), file), `${text}\nA local paragraph.\n`);
      await upstream(emu).content.update(itemIdOf(text), { title: 'Changed upstream' });
      expect((await pullJson()).code).toBe(3);
      const all = await tree(dir);
      for (const [, text] of all) expect(text).not.toContain(emu.apiKey);
    });
  },
);

describe.each([{ listMarkers: true }, { listMarkers: false }])(
  'pull and an item that was never generated (list markers $listMarkers)',
  ({ listMarkers }) => {
    let emu: TestEmulator;
    afterAll(async () => {
      await emu.close();
    });

    it('writes no file for it; with markers it costs no retrieve and a second pull only lists', async () => {
      emu = await emulator({ listMarkers });
      const client = upstream(emu);
      const dir = await project();
      const env = cliEnv(emu);
      expect((await cli(dir, ['init', '--yes'], env)).code).toBe(0);
      // POST /content/items without generating: status `draft`, no version.
      const property = (await client.properties.list()).items[0];
      if (!property) throw new Error('the demo fixture has a property');
      const brief = await client.briefs.create({
        title: 'Hybrid offices',
        primaryKeyword: 'hybrid',
      });
      const empty = await client.content.create({
        briefId: brief.id,
        propertyId: property.id,
        title: 'Hybrid offices that work',
      });
      expect(empty).toMatchObject({ status: 'draft', versions: [] });
      const listed: string[] = [];
      for (const status of DEFAULT_DRAFT_STATUSES) {
        for await (const item of client.content.list({ status })) listed.push(item.id);
      }
      expect(listed).toContain(empty.id);
      const generated = listed.filter((id) => id !== empty.id);

      const before = { ...(emu.stats().routes as Record<string, number>) };
      const first = await cli(dir, ['pull', '--json'], env);
      expect(first.code, first.stderr).toBe(0);
      const json = parseJson<PullJson>(first.stdout);
      expect(json.failures).toEqual([]);
      const files = await tree(join(dir, OUT));
      const written = [...files.values()].map(itemIdOf).sort();
      expect(written).toEqual(generated.sort());
      expect(json.counts.create).toBe(generated.length);
      expect(json.actions.map((action) => action.itemId)).not.toContain(empty.id);
      const state = await readFile(join(dir, '.robowrite', 'state.json'), 'utf8');
      expect(state).not.toContain(empty.id);
      // With markers the list already says it has no version: it costs no retrieve.
      expect(routesSince(emu, before)['GET /content/{content_item_id}']).toBe(
        listMarkers ? generated.length : listed.length,
      );

      const again = { ...(emu.stats().routes as Record<string, number>) };
      const second = await cli(dir, ['pull', '--json'], env);
      expect(second.code, second.stderr).toBe(0);
      expect(parseJson<PullJson>(second.stdout).counts).toMatchObject({ create: 0, update: 0 });
      expect((await tree(join(dir, OUT))).size).toBe(generated.length);
      if (listMarkers) {
        expect(routesSince(emu, again)).toEqual({ 'GET /content': DEFAULT_DRAFT_STATUSES.length });
      } else {
        // Without markers every listed item is read again, the empty one included.
        expect(routesSince(emu, again)).toEqual({
          'GET /content': DEFAULT_DRAFT_STATUSES.length,
          'GET /content/{content_item_id}': listed.length,
        });
      }
    });
  },
);
