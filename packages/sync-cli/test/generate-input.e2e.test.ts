import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliEnv, emulator, OUT, project, type TestEmulator } from './helpers.ts';
import { creations, errorLines, NONE, recordedJobs } from './input-helpers.ts';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('generate input is validated before any request (issue 10, item 8)', () => {
  it('issue 10 #8: brief file with wrong types: exit 2, one line naming the field, nothing sent or recorded', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const brief = join(dir, 'brief.yaml');
    await writeFile(brief, 'title: Fine title\ntarget_word_count: lots\n');
    const result = await cli(dir, ['generate', '--brief', brief], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('target_word_count');
    expect(creations(emu)).toEqual(NONE);
    expect(await recordedJobs(dir)).toEqual([]);
    // A later pull is not held up by a stuck job.
    expect((await cli(dir, ['pull'], cliEnv(emu))).code).toBe(0);
  });

  it('issue 10 #8: a huge title: exit 2 naming title, nothing sent or recorded', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const brief = join(dir, 'brief.yaml');
    await writeFile(brief, `title: ${'x'.repeat(100_000)}\n`);
    const result = await cli(dir, ['generate', '--brief', brief], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('"title"');
    expect(result.stderr.length).toBeLessThan(500);
    expect(creations(emu)).toEqual(NONE);
    expect(await recordedJobs(dir)).toEqual([]);
  });

  it('issue 10 #8: a brief file of many megabytes: exit 2 before it is parsed, nothing sent or recorded', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const brief = join(dir, 'brief.yaml');
    await writeFile(brief, `title: ${'x'.repeat(8 * 1024 * 1024)}\n`);
    const result = await cli(dir, ['generate', '--brief', brief], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('larger than');
    expect(creations(emu)).toEqual(NONE);
    expect(await recordedJobs(dir)).toEqual([]);
  });

  it('issue 10 #8: a citation_mode typo: exit 2 before a brief or an item is created', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const brief = join(dir, 'brief.yaml');
    await writeFile(brief, 'title: Fine title\ncitation_mode: inlnie\n');
    const result = await cli(dir, ['generate', '--brief', brief], cliEnv(emu));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('citation_mode');
    expect(creations(emu)).toEqual(NONE);
    expect(await recordedJobs(dir)).toEqual([]);
  });

  it('issue 10 #8: a topic keyword over 200 characters (flags): exit 2 naming the field, nothing sent', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const result = await cli(
      dir,
      ['generate', '--title', 'Fine', '--keyword', 'k'.repeat(201)],
      cliEnv(emu),
    );
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('keyword');
    expect(creations(emu)).toEqual(NONE);
    expect(await recordedJobs(dir)).toEqual([]);
  });

  it('issue 10 #8: a request the API rejects leaves no job recorded, so later pulls are not stuck', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const result = await cli(
      dir,
      ['generate', '--flow', 'brief', '--title', 'Fine', '--property', 'prop_missing'],
      cliEnv(emu),
    );
    expect(result.code).toBe(1);
    expect(creations(emu).jobs).toBe(0);
    expect(await recordedJobs(dir)).toEqual([]);
    expect((await cli(dir, ['pull'], cliEnv(emu))).code).toBe(0);
  });

  it('issue 10 #8: a stuck job from an older run that the API refuses is reported once, then dropped from pending', async () => {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project();
    const key = () => crypto.randomUUID();
    const stuck = {
      flow: 'brief',
      fingerprint: '0123456789abcdef',
      request: { flow: 'brief', brief: { title: 'Stuck' }, propertyId: 'prop_missing' },
      keys: { topic: key(), item: key(), generate: key() },
      created: {},
      jobId: null,
      status: 'requesting',
      itemId: null,
      error: null,
      collected: false,
    };
    await mkdir(join(dir, '.robowrite'));
    await writeFile(
      join(dir, '.robowrite', 'state.json'),
      `${JSON.stringify({ version: 1, outDir: OUT, items: {}, jobs: { stuck1: stuck }, orphans: [] }, null, 2)}\n`,
    );
    const first = await cli(dir, ['pull'], cliEnv(emu));
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('404');
    expect((await cli(dir, ['pull'], cliEnv(emu))).code).toBe(0);
    expect(creations(emu).jobs).toBe(0);
  });
});
