import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-args.ts';
import { startEmulator } from '../src/index.ts';
import { manualClock } from './helpers.ts';
import { startWriter, topicInputs, writerCall } from './writer-helpers.ts';

const stateFile = async () =>
  join(await mkdtemp(join(tmpdir(), 'writer-emu-state-')), 'state.json');

describe('writer personality: --state', () => {
  it('round-trips jobs across a restart: same answers, a failed job still retryable, new ids', async () => {
    const file = await stateFile();
    const clock = manualClock();
    const first = await startWriter({
      now: clock.now,
      stateFile: file,
      jobDurationMs: 1000,
      jobOutcomes: ['failed'],
    });
    const path = `/v1/applications/${first.applicationId}/jobs`;
    const failed = (
      await writerCall(first, 'POST', path, { body: topicInputs('Team knowledge base') })
    ).body.id;
    const done = (
      await writerCall(first, 'POST', path, { body: topicInputs('Editorial workflow') })
    ).body.id;
    clock.advance(1000);
    const before = (await writerCall(first, 'GET', path)).body;
    await first.close();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ schema: 'writer/1', counter: 2 });
    expect(JSON.stringify(saved)).not.toContain(first.apiKey);

    const second = await startWriter({ now: clock.now, stateFile: file, jobDurationMs: 1000 });
    expect((await writerCall(second, 'GET', path)).body).toEqual(before);
    expect((await writerCall(second, 'GET', `/v1/applications/jobs/${done}`)).body.status).toBe(
      'completed',
    );
    expect((await writerCall(second, 'POST', `/v1/applications/jobs/${failed}/retry`)).status).toBe(
      200,
    );
    const third = (await writerCall(second, 'POST', path, { body: topicInputs('x') })).body.id;
    expect([failed, done]).not.toContain(third);
    clock.advance(1000);
    await second.close();

    const reloaded = await startWriter({ now: clock.now, stateFile: file });
    const statuses = (await writerCall(reloaded, 'GET', path)).body.result.map(
      (j: { status: string }) => j.status,
    );
    expect(statuses).toEqual(['completed', 'completed', 'completed']);
  });

  it('refuses a state file that is not the Writer personality’s, in one line', async () => {
    const file = await stateFile();
    await writeFile(file, '{"schema":1,"seed":"robowrite","counter":0}');
    await expect(startEmulator({ provider: 'writer', stateFile: file })).rejects.toThrow(
      /not a Writer emulator state file \(schema:/,
    );
    await writeFile(file, 'not json');
    await expect(startEmulator({ provider: 'writer', stateFile: file })).rejects.toThrow(
      /not a JSON file/,
    );
    await writeFile(file, '{"schema":"writer/1","seed":"s","counter":0,"jobs":[{"id":1}]}');
    await expect(startEmulator({ provider: 'writer', stateFile: file })).rejects.toThrow(
      /jobs\.0\.id/,
    );
    // And the RoboWrite personality refuses a Writer file rather than misreading it.
    await writeFile(file, '{"schema":"writer/1","seed":"s","counter":0,"jobs":[]}');
    await expect(startEmulator({ stateFile: file })).rejects.toThrow(/not an emulator state file/);
  });
});

describe('writer personality: options', () => {
  it('refuses bad programmatic options with a clear error', async () => {
    await expect(startEmulator({ provider: 'writer', jobDurationMs: -1 })).rejects.toThrow(
      /jobDurationMs/,
    );
    await expect(
      startEmulator({ provider: 'writer', jobOutcomes: ['awaiting_review' as 'failed'] }),
    ).rejects.toThrow(/unknown Writer job outcome "awaiting_review"/);
    await expect(
      startEmulator({ provider: 'writer', rateLimit: { requests: 0, windowMs: 1 } }),
    ).rejects.toThrow(/rateLimit/);
  });

  it('parses --provider writer with the shared flags, and refuses RoboWrite-only ones', () => {
    expect(
      parseCliArgs([
        '--provider',
        'writer',
        '--port',
        '0',
        '--job-duration',
        '2s',
        '--rate-limit',
        'off',
        '--job-outcomes',
        'failed,completed',
        '--seed',
        's',
        '--state',
        'f.json',
        '--fault',
        'GET /v1/applications/jobs/{job_id}=503,ok',
      ]),
    ).toEqual({
      provider: 'writer',
      port: 0,
      jobDurationMs: 2000,
      rateLimit: false,
      jobOutcomes: ['failed', 'completed'],
      seed: 's',
      stateFile: 'f.json',
      faults: [{ route: 'GET /v1/applications/jobs/{job_id}', sequence: ['503', 'ok'] }],
    });
    expect(() => parseCliArgs(['--provider', 'writer', '--items', '3'])).toThrow(
      /--items does not apply/,
    );
    expect(() => parseCliArgs(['--provider', 'writer', '--job-outcomes', 'cancelled'])).toThrow(
      /unknown Writer job outcome/,
    );
    expect(() => parseCliArgs(['--provider', 'nope'])).toThrow(
      /--provider must be robowrite, writerzroom, writer, got "nope"/,
    );
    expect(parseCliArgs(['--provider', 'robowrite'])).not.toHaveProperty('provider');
  });
});
