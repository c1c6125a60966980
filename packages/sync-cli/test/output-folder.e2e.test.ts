import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliEnv, emulator, OUT, project, type TestEmulator, tree } from './helpers.ts';
import { errorLines } from './input-helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('output folder outside the project root is refused (issue 10, item 13)', () => {
  it('issue 10 #13: pull --out / exits 2 and writes nothing', async () => {
    emu = await emulator({ items: 2 });
    const dir = await project();
    const result = await cli(dir, ['pull', '--out', '/'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('--force-out');
    expect(await readdir(dir)).toEqual([]);
    expect(emu.stats().requests).toBe(0);
  });

  it('issue 10 #13: pull --out .. exits 2 and writes nothing next to the project', async () => {
    emu = await emulator({ items: 2 });
    const parent = await project();
    const dir = join(parent, 'site');
    await mkdir(dir);
    const result = await cli(dir, ['pull', '--out', '..'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(await readdir(parent)).toEqual(['site']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('issue 10 #13: a config outDir outside the root is refused the same way', async () => {
    emu = await emulator({ items: 2 });
    const parent = await project();
    const dir = join(parent, 'site');
    await mkdir(dir);
    await writeFile(join(dir, 'robowrite.config.mjs'), "export default { outDir: '../posts' };\n");
    const result = await cli(dir, ['pull'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('issue 10 #13: --force-out allows a folder outside the root', async () => {
    emu = await emulator({ items: 2 });
    const parent = await project();
    const dir = join(parent, 'site');
    await mkdir(dir);
    const result = await cli(dir, ['pull', '--out', '../posts', '--force-out'], cliEnv(emu));
    expect(result.code).toBe(0);
    expect((await tree(join(parent, 'posts'))).size).toBeGreaterThan(0);
    expect(await readdir(dir)).toContain('.robowrite');
  });
});

describe('clear errors (issue 10)', () => {
  it('issue 10 clear errors: output folder replaced by a file: exit 1 with a line saying so, not EEXIST', async () => {
    emu = await emulator({ items: 2 });
    const dir = await project();
    await mkdir(join(dir, 'src', 'content'), { recursive: true });
    await writeFile(join(dir, OUT), 'not a folder');
    const result = await cli(dir, ['pull'], cliEnv(emu));
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain('EEXIST');
    expect(result.stderr).toContain('is a file, not a folder');
  });
});
