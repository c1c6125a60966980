import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashText } from '../src/sync/hash.ts';
import {
  cli,
  cliEnv,
  emulator,
  itemIdOf,
  OUT,
  parseJson,
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

interface StateJson {
  version: number;
  items: Record<string, { file: string; hash: string }>;
  orphans: { file: string; hash: string }[];
}

const statePath = (dir: string) => join(dir, '.robowrite', 'state.json');
const readStateJson = async (dir: string) =>
  parseJson<StateJson>(await readFile(statePath(dir), 'utf8'));

/** Any C0 control but tab and newline, DEL or C1: what must never reach a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A file outside the project (so outside the output folder too) that a pull must not touch. */
async function victim(name: string, text: string): Promise<string> {
  const path = join(await project('rw-victim-'), name);
  await writeFile(path, text);
  return path;
}

describe('issue 10 #1: state file paths are trusted', () => {
  it('state entries naming files outside the output folder are reported in one line each and never acted on', async () => {
    emu = await emulator({ items: 4 });
    const env = cliEnv(emu);
    const dir = await project();
    expect((await cli(dir, ['pull'], env)).code).toBe(0);
    const out = join(dir, OUT);
    const synced = await tree(out);

    // What a pull request could commit: an orphan and a tracked item (no longer listed upstream)
    // pointing outside the folder with the victims' exact hashes, plus hostile spellings.
    const orphanVictim = await victim('orphan-victim.txt', 'precious orphan\n');
    const itemVictim = await victim('item-victim.txt', 'precious item\n');
    const absoluteVictim = await victim('absolute-victim.md', 'precious absolute\n');
    const orphanFile = relative(out, orphanVictim);
    const itemFile = relative(out, itemVictim);
    const hostileFile = '../\u001b[2J\nowned.md';
    const state = await readStateJson(dir);
    state.orphans.push(
      { file: orphanFile, hash: hashText('precious orphan\n') },
      { file: absoluteVictim, hash: hashText('precious absolute\n') },
      { file: hostileFile, hash: hashText('x') },
    );
    state.items['gone-upstream'] = {
      ...(Object.values(state.items)[0] as StateJson['items'][string]),
      file: itemFile,
      hash: hashText('precious item\n'),
    };
    await writeFile(statePath(dir), JSON.stringify(state, null, 2));

    const dry = await cli(dir, ['pull', '--dry-run', '--json'], env);
    const failures = parseJson<{ failures: { message: string }[] }>(dry.stdout).failures;
    expect(failures.map((f) => f.message).join('\n')).toContain(JSON.stringify(orphanFile));
    expect(failures).toHaveLength(4);
    const status = await cli(dir, ['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(parseJson<{ rejected: string[] }>(status.stdout).rejected).toEqual(
      failures.map((f) => f.message),
    );

    const result = await cli(dir, ['pull'], env);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(CONTROL);
    const lines = result.stderr.split('\n');
    const naming = (text: string) => lines.filter((line) => line.includes(text));
    expect(naming('items["gone-upstream"]')).toHaveLength(1);
    expect(naming('items["gone-upstream"]')[0]).toContain(JSON.stringify(itemFile));
    expect(naming(JSON.stringify(orphanFile))).toHaveLength(1);
    expect(naming(JSON.stringify(absoluteVictim))).toHaveLength(1);
    expect(naming('\\u001b[2J\\nowned.md')).toHaveLength(1);
    expect(result.stdout).toContain('0 deleted');

    expect(await readFile(orphanVictim, 'utf8')).toBe('precious orphan\n');
    expect(await readFile(itemVictim, 'utf8')).toBe('precious item\n');
    expect(await readFile(absoluteVictim, 'utf8')).toBe('precious absolute\n');
    expect(await tree(out)).toEqual(synced);

    // Ignored means dropped from the state: the next run has nothing left to report.
    const after = await readStateJson(dir);
    expect(Object.keys(after.items)).not.toContain('gone-upstream');
    expect(after.orphans).toEqual([]);
    expect((await cli(dir, ['pull'], env)).code).toBe(0);
    expect(await readFile(itemVictim, 'utf8')).toBe('precious item\n');
  });

  it.each([
    ['null', 'null', 'expected object, received null'],
    ['items as a string', '{"version":1,"items":"x"}', 'items'],
    ['orphans as an object', '{"version":1,"orphans":{}}', 'orphans'],
    ['jobs as an array', '{"version":1,"jobs":[]}', 'jobs'],
    ['an item without a hash', '{"version":1,"items":{"a":{"file":"a.md"}}}', 'items["a"].hash'],
    ['a directory', null, 'is a directory'],
  ])(
    'a state file with %s stops the pull with one line naming the file and the problem (exit 2)',
    async (_case, text, problem) => {
      emu = await emulator({ items: 2 });
      const dir = await project();
      await mkdir(join(dir, '.robowrite'), { recursive: true });
      if (text === null) await mkdir(statePath(dir));
      else await writeFile(statePath(dir), text);

      const result = await cli(dir, ['pull'], cliEnv(emu));
      expect(result.code, result.stderr).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('.robowrite/state.json');
      expect(lines[0]).toContain(problem);
      expect(lines[0]).not.toContain('Cannot read properties');
      expect(await tree(join(dir, OUT))).toEqual(new Map());
      await rm(dir, { recursive: true, force: true });
    },
  );
});

describe('issue 10 #4: item ids equal to Object.prototype members', () => {
  it('items with ids __proto__, constructor and toString are pulled, tracked and stay stable', async () => {
    emu = await emulator({ items: 5 });
    const real: string[] = [];
    const env = cliEnv(emu);
    const reference = await project();
    expect((await cli(reference, ['pull'], env)).code).toBe(0);
    for (const text of (await tree(join(reference, OUT))).values()) real.push(itemIdOf(text));
    const crafted = ['__proto__', 'constructor', 'toString'];
    const toCrafted = new Map(real.slice(0, 3).map((id, i) => [id, crafted[i] as string]));
    const toReal = new Map([...toCrafted].map(([id, name]) => [name, id]));

    // The API answers with the crafted ids; requests for them go to the real items.
    const rename = (item: { id?: string }) =>
      item.id && toCrafted.has(item.id) ? { ...item, id: toCrafted.get(item.id) } : item;
    const proxy = await rewritingProxy(
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
    try {
      const dir = await project();
      const proxied = cliEnv(emu, { ROBOWRITE_BASE_URL: proxy.url });
      const first = await cli(dir, ['pull', '--json'], proxied);
      expect(first.code, first.stderr).toBe(0);
      const ids = [...(await tree(join(dir, OUT))).values()].map(itemIdOf);
      for (const id of crafted) expect(ids).toContain(id);

      const state = await readFile(statePath(dir), 'utf8');
      for (const id of crafted) expect(state).toContain(`"${id}": {`);
      expect(Object.keys(JSON.parse(state).items)).toHaveLength(real.length);

      const again = await cli(dir, ['pull', '--json'], proxied);
      expect(again.code, again.stderr).toBe(0);
      expect(parseJson<{ counts: Record<string, number> }>(again.stdout).counts).toMatchObject({
        create: 0,
        update: 0,
        delete: 0,
        conflict: 0,
      });
      expect(await readFile(statePath(dir), 'utf8')).toBe(state);
    } finally {
      await proxy.close();
    }
  });
});
