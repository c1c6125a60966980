import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliEnv, emulator, project, type TestEmulator, tree } from './helpers.ts';
import { exists } from './input-helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('pull --dry-run writes nothing anywhere (issue 10, item 11)', () => {
  it('issue 10 #11: a -C folder with no config is left empty: no .robowrite/, no lock, no output folder', async () => {
    emu = await emulator({ items: 3 });
    const dir = await project();
    const result = await cli(dir, ['pull', '--dry-run'], cliEnv(emu));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('create');
    expect(await readdir(dir)).toEqual([]);
  });

  it('issue 10 #11: a dry run in a synced project leaves state.json byte for byte and takes no lock', async () => {
    emu = await emulator({ items: 3 });
    const dir = await project();
    expect((await cli(dir, ['pull'], cliEnv(emu))).code).toBe(0);
    const before = await tree(dir);
    const result = await cli(dir, ['pull', '--dry-run'], cliEnv(emu));
    expect(result.code).toBe(0);
    const after = await tree(dir);
    expect(after).toEqual(before);
    expect(await exists(join(dir, '.robowrite', 'lock'))).toBe(false);
  });
});
