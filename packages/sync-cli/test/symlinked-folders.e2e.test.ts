import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, pull } from '../src/index.ts';
import {
  cli,
  cliEnv,
  emulator,
  OUT,
  project,
  type TestEmulator,
  tree,
  upstream,
} from './helpers.ts';

// A committed symlink under a good name (`.robowrite/conflicts`, `.robowrite`, the output
// folder) must not send robowrite's writes and deletions outside the project.
const SENTINEL = 'Not robowrite’s file: must survive.\n';
const PULL = ['pull', '--status', 'in_review'];

describe('robowrite pull refuses folders that are symlinks leading outside the project', () => {
  let emu: TestEmulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await emulator({ craftedItems: [{ title: 'Sentinel', markdownBody: '# Body\n' }] });
    env = cliEnv(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  /** A folder outside the project holding one file at `name`, and a project. */
  const setup = async (name: string) => {
    const outside = await mkdtemp(join(tmpdir(), 'rw-outside-'));
    await mkdir(join(outside, name, '..'), { recursive: true });
    await writeFile(join(outside, name), SENTINEL, 'utf8');
    return { outside, dir: await project(), before: await tree(outside) };
  };

  const expectRefused = async (dir: string, outside: string, named: string) => {
    const result = await cli(dir, PULL, env);
    expect(result.code, result.stdout).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(named);
    expect(lines[0]).toContain('leads outside the project root');
    return tree(outside);
  };

  it('.robowrite/conflicts as a symlink: the conflict is not written through it', async () => {
    const { outside, dir, before } = await setup('sentinel.md');
    // A file robowrite did not write is in the way, so today's pull writes a conflict file.
    await mkdir(join(dir, OUT), { recursive: true });
    await writeFile(join(dir, OUT, 'sentinel.md'), 'mine\n', 'utf8');
    await mkdir(join(dir, '.robowrite'));
    await symlink(outside, join(dir, '.robowrite', 'conflicts'), 'dir');
    expect(await expectRefused(dir, outside, '.robowrite/conflicts')).toEqual(before);
  });

  it('.robowrite as a symlink: nothing is written or deleted through it', async () => {
    const { outside, dir, before } = await setup(join('conflicts', 'sentinel.md'));
    await mkdir(join(dir, OUT), { recursive: true });
    await writeFile(join(dir, OUT, 'sentinel.md'), 'mine\n', 'utf8');
    await symlink(outside, join(dir, '.robowrite'), 'dir');
    expect(await expectRefused(dir, outside, '.robowrite')).toEqual(before);
  });

  it('the output folder as a symlink: no draft is written through it', async () => {
    const { outside, dir, before } = await setup('sentinel.md');
    await mkdir(join(dir, OUT, '..'), { recursive: true });
    await symlink(outside, join(dir, OUT), 'dir');
    expect(await expectRefused(dir, outside, OUT)).toEqual(before);
  });

  it('a project root not made yet is made by the pull, as before the check (bench regression)', async () => {
    const dir = join(await project(), 'not-made-yet');
    const client = upstream(emu);
    const ctx = await createContext(dir, { client, statuses: ['in_review'] });
    const result = await pull(ctx);
    expect(result.failures).toEqual([]);
    expect([...(await tree(join(dir, OUT))).keys()]).toContain('sentinel.md');
    await client.close();
  });

  it('a symlinked folder that stays inside the project is used as usual', async () => {
    const dir = await project();
    await mkdir(join(dir, 'content'));
    await mkdir(join(dir, OUT, '..'), { recursive: true });
    await symlink(join(dir, 'content'), join(dir, OUT), 'dir');
    const result = await cli(dir, PULL, env);
    expect(result.code, result.stderr).toBe(0);
    expect([...(await tree(join(dir, 'content'))).keys()]).toContain('sentinel.md');
  });
});
