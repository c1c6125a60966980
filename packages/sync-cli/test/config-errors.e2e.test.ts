import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliEnv, emulator, project, type TestEmulator } from './helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('numeric flags are bounded (issue 10, item 9)', () => {
  it('issue 10 #9: pull --watch --interval 2147483648 exits 2 before any request', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const result = await cli(dir, ['pull', '--watch', '--interval', '2147483648'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--interval');
    expect(emu.stats().requests).toBe(0);
  });

  it('issue 10 #9: a config watch.intervalMs past the timer limit exits 2 naming it', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    await writeFile(
      join(dir, 'robowrite.config.mjs'),
      'export default { watch: { intervalMs: 2147483648 } };\n',
    );
    const result = await cli(dir, ['pull'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('watch.intervalMs');
    expect(emu.stats().requests).toBe(0);
  });
});

describe('config errors are clear (issue 10)', () => {
  it('issue 10 clear errors: a config with no default export exits 2 and says so', async () => {
    emu = await emulator({ items: 2 });
    const dir = await project();
    await writeFile(join(dir, 'robowrite.config.mjs'), "export const outDir = 'posts';\n");
    const result = await cli(dir, ['pull'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('default export');
    expect(await readdir(dir)).toEqual(['robowrite.config.mjs']);
  });

  it('issue 10 clear errors: a config with `export default null` exits 2 and says so', async () => {
    emu = await emulator({ items: 2 });
    const dir = await project();
    await writeFile(join(dir, 'robowrite.config.mjs'), 'export default null;\n');
    const result = await cli(dir, ['pull'], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('default export');
  });
});
