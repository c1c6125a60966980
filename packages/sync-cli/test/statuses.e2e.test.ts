import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  itemIdOf,
  OUT,
  project,
  type TestEmulator,
  tree,
  upstream,
} from './helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('statuses to pull, from the config', () => {
  it('issue 10 fidelity (statuses configurable): pulls exactly the configured statuses, a status the guide does not list included', async () => {
    emu = await emulator();
    const api = upstream(emu);
    const published = (await api.content.list({ status: 'published', limit: 2 })).items;
    const [scheduled, other] = published;
    if (!scheduled || !other) throw new Error('the demo fixture has two published items');
    // The guide names no closed set of statuses: an account's own workflow status must sync.
    await api.content.update(scheduled.id, { status: 'scheduled' });
    const dir = await project();
    await writeFile(
      join(dir, 'robowrite.config.mjs'),
      `export default { statuses: ['scheduled'] };\n`,
    );

    const pulled = await cli(dir, ['pull'], cliEnv(emu));
    expect(pulled.code, pulled.stderr).toBe(0);
    const files = [...(await tree(join(dir, OUT))).values()];
    expect(files.map(itemIdOf)).toEqual([scheduled.id]);
    expect(parseLikeAstro(files[0] ?? '').data).toMatchObject({
      robowrite: { status: 'scheduled' },
    });

    // `--status` overrides the config for one run.
    const override = await cli(dir, ['pull', '--status', 'scheduled,published'], cliEnv(emu));
    expect(override.code, override.stderr).toBe(0);
    const ids = [...(await tree(join(dir, OUT))).values()].map(itemIdOf);
    expect(ids).toEqual(expect.arrayContaining([scheduled.id, other.id]));
    await api.close();
  });

  it('warns on stderr about a status it does not know, naming the likely one (issue 9 #5)', async () => {
    emu = await emulator();
    const dir = await project();
    const pulled = await cli(dir, ['pull', '--status', 'publishd', '--json'], cliEnv(emu));
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stderr).toMatch(/status "publishd" \(did you mean "published"\?\) is not one/);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ counts: { create: 0 } });
  });
});
