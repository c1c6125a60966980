import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { neutralizeMarkdown } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import { hashText } from '../src/sync/hash.ts';
import {
  cli,
  cliEnv,
  emulator,
  mtimes,
  OUT,
  parseJson,
  project,
  type TestEmulator,
} from './helpers.ts';

// Issue 10 follow-up: files written before the neutraliser (or under `allowRawHtml: true`) are
// re-rendered by the next plain pull, not only once their draft changes upstream.
const BODY = ['# Kept', '', '<script>alert(1)</script>', '', 'Text.', ''].join('\n');
const FILE = join(OUT, 'old-render.md');
const STATE = join('.robowrite', 'state.json');
const PULL = ['pull', '--status', 'in_review', '--json'];

interface PullJson {
  exitCode: number;
  counts: Record<'create' | 'update' | 'delete' | 'conflict' | 'skip', number>;
  conflicts: { file: string; incoming: string | null }[];
}

async function setConfig(dir: string, allowRawHtml: boolean): Promise<void> {
  await writeFile(
    join(dir, 'robowrite.config.mjs'),
    `export default { allowRawHtml: ${allowRawHtml} };\n`,
    'utf8',
  );
}

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

describe('robowrite pull re-renders files written under other rules', () => {
  let emu: TestEmulator;
  let env: NodeJS.ProcessEnv;
  const pull = async (dir: string) => {
    const result = await cli(dir, PULL, env);
    return { ...result, json: parseJson<PullJson>(result.stdout) };
  };

  /**
   * A project exactly as a robowrite from before the neutraliser left it: a tracked file holding
   * raw HTML whose hash matches its state entry, and a state without the `rendered` field.
   */
  const projectFromBefore = async () => {
    const dir = await project();
    await setConfig(dir, true);
    expect((await pull(dir)).code).toBe(0);
    await setConfig(dir, false);
    const state = parseJson<{
      rendered?: string;
      items: Record<string, { file: string; hash: string }>;
    }>(await read(dir, STATE));
    delete state.rendered;
    await writeFile(join(dir, STATE), `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    const text = await read(dir, FILE);
    expect(text).toContain('<script>alert(1)</script>');
    const entry = Object.values(state.items).find((item) => item.file === 'old-render.md');
    expect(entry?.hash).toBe(hashText(text));
    return dir;
  };

  beforeAll(async () => {
    emu = await emulator({ craftedItems: [{ title: 'Old render', markdownBody: BODY }] });
    env = cliEnv(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('rewrites a file left with raw HTML by an older robowrite on the next plain pull', async () => {
    const dir = await projectFromBefore();
    const result = await pull(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.counts.update).toBe(1);
    const body = parseLikeAstro(await read(dir, FILE)).body;
    expect(body).toBe(neutralizeMarkdown(BODY));
    expect(body).not.toContain('<script>');
  });

  it('keeps a local edit of such a file and reports it as a conflict (exit 3)', async () => {
    const dir = await projectFromBefore();
    const edited = `${await read(dir, FILE)}\nMy own note.\n`;
    await writeFile(join(dir, FILE), edited, 'utf8');
    const result = await pull(dir);
    expect(result.code, result.stderr).toBe(3);
    expect(result.json.conflicts).toEqual([
      { itemId: expect.any(String), file: 'old-render.md', incoming: expect.any(String) },
    ]);
    expect(await read(dir, FILE)).toBe(edited);
    const incoming = await read(dir, result.json.conflicts[0]?.incoming ?? '');
    expect(parseLikeAstro(incoming).body).toBe(neutralizeMarkdown(BODY));
  });

  it('re-renders when allowRawHtml is turned on, and again when it is turned off', async () => {
    const dir = await project();
    expect((await pull(dir)).code).toBe(0);
    expect(await read(dir, FILE)).not.toContain('<script>');
    await setConfig(dir, true);
    const on = await pull(dir);
    expect(on.code, on.stderr).toBe(0);
    expect(on.json.counts.update).toBe(1);
    expect(await read(dir, FILE)).toContain('<script>alert(1)</script>');
    await setConfig(dir, false);
    const off = await pull(dir);
    expect(off.code, off.stderr).toBe(0);
    expect(off.json.counts.update).toBe(1);
    expect(parseLikeAstro(await read(dir, FILE)).body).toBe(neutralizeMarkdown(BODY));
  });

  it('a pull after the re-render writes nothing and leaves state.json byte-identical', async () => {
    const dir = await projectFromBefore();
    expect((await pull(dir)).code).toBe(0);
    const state = await read(dir, STATE);
    expect(parseJson<{ rendered?: string }>(state).rendered).toBe('1/neutralized');
    const before = await mtimes(join(dir, OUT));
    const again = await pull(dir);
    expect(again.code, again.stderr).toBe(0);
    const { create, update, delete: deleted, conflict } = again.json.counts;
    expect({ create, update, deleted, conflict }).toEqual({
      create: 0,
      update: 0,
      deleted: 0,
      conflict: 0,
    });
    expect(await read(dir, STATE)).toBe(state);
    expect(await mtimes(join(dir, OUT))).toEqual(before);
  });
});
