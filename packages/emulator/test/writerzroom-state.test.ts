import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.ts';
import { call, manualClock, start } from './helpers.ts';

const BODY = {
  template: 'blog_article_generator',
  style_profile: 'general_blog',
  dynamic_parameters: { topic: 'Customer retention' },
};

describe('WriterzRoom --state', () => {
  it('survives a restart mid-generation: it completes, credits and ids carry on, no key on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wzr-state-'));
    const stateFile = join(dir, 'state.json');
    const clock = manualClock();
    const options = {
      provider: 'writerzroom',
      stateFile,
      now: clock.now,
      jobDurationMs: 10_000,
    } as const;
    const first = await start(options);
    const id = (await call(first, 'POST', '/api/generate', { body: BODY })).body.request_id;
    clock.set(5_000);
    expect((await call(first, 'GET', `/v1/generate/status/${id}`)).body.status).toBe('processing');
    await first.close();
    const saved = await readFile(stateFile, 'utf8');
    expect(saved).not.toContain(first.apiKey);
    expect(JSON.parse(saved).schema).toBe('writerzroom/1');

    const second = await start(options);
    expect((await call(second, 'GET', `/v1/generate/status/${id}`)).body).toMatchObject({
      status: 'processing',
      stage: 'writer',
    });
    clock.set(10_000);
    const done = (await call(second, 'GET', `/v1/generate/status/${id}`)).body;
    expect(done.status).toBe('completed');
    const next = (await call(second, 'POST', '/api/generate', { body: BODY })).body.request_id;
    expect(next).not.toBe(id);
    await second.close();

    const third = await start(options);
    expect((await call(third, 'GET', `/v1/content/${done.content.id}`)).body.body).toBe(
      done.content.body,
    );
    expect((await call(third, 'GET', '/v1/dashboard/stats')).body.credits_remaining).toBe(498);
  });

  it('refuses a file that is not a WriterzRoom state, in one line, and RoboWrite refuses its file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wzr-state-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ schema: 'writerzroom/1', seed: 'x', counter: -1 }));
    await expect(startEmulator({ provider: 'writerzroom', stateFile: bad })).rejects.toThrow(
      /not a WriterzRoom emulator state file \(counter: /,
    );
    await writeFile(bad, '{not json');
    await expect(startEmulator({ provider: 'writerzroom', stateFile: bad })).rejects.toThrow(
      /not JSON/,
    );

    const wzrFile = join(dir, 'wzr.json');
    const emu = await start({ provider: 'writerzroom', stateFile: wzrFile });
    await call(emu, 'POST', '/api/generate', { body: BODY });
    await emu.close();
    await expect(startEmulator({ stateFile: wzrFile })).rejects.toThrow(
      /not an emulator state file/,
    );
    const robowriteFile = join(dir, 'rw.json');
    const rw = await start({ stateFile: robowriteFile });
    await call(rw, 'GET', '/ping');
    await rw.close();
    await expect(
      startEmulator({ provider: 'writerzroom', stateFile: robowriteFile }),
    ).rejects.toThrow(/not a WriterzRoom emulator state file \(schema: /);
  });
});
