import { createRoboWriteProvider, type JobSnapshot } from '@robowrite/core';
import { afterEach, describe, expect, it } from 'vitest';
import { JobWaitTimeoutError, waitForJob } from '../src/sync/wait-for-job.ts';
import { emulator, type TestEmulator, upstream } from './helpers.ts';

/** Starts a topic job in the emulator through the provider; its id. */
async function startJob(emu: TestEmulator): Promise<string> {
  const provider = createRoboWriteProvider({ client: upstream(emu) });
  const generation = provider.generation;
  const input = generation.parseInput({
    flow: 'topic',
    topic: { title: 'Waiting well', primaryKeyword: 'waiting' },
  });
  const started = await generation.start(input, generation.newCheckpoint(input));
  return started.jobId;
}

describe('waitForJob: polling a job through the provider', () => {
  let emu: TestEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it('polls until the job lands, reporting every snapshot', async () => {
    emu = await emulator({ jobDurationMs: 300 });
    const provider = createRoboWriteProvider({ client: upstream(emu) });
    const jobId = await startJob(emu);
    const seen: JobSnapshot[] = [];
    const last = await waitForJob(provider, jobId, {
      intervalMs: 50,
      timeoutMs: 30_000,
      onUpdate: (job) => seen.push(job),
    });
    expect(last.outcome).toBe('landed');
    expect(last.draftId).not.toBeNull();
    expect(seen.at(-1)).toEqual(last);
    expect(seen.slice(0, -1).every((job) => job.outcome === 'running')).toBe(true);
  });

  it('gives up at the deadline, naming the last status it read', async () => {
    emu = await emulator({ jobDurationMs: 60_000 });
    const provider = createRoboWriteProvider({ client: upstream(emu) });
    const jobId = await startJob(emu);
    const waiting = waitForJob(provider, jobId, { intervalMs: 50, timeoutMs: 400 });
    await expect(waiting).rejects.toBeInstanceOf(JobWaitTimeoutError);
    await expect(waiting).rejects.toThrow(/did not finish within 400 ms \(last status: \w+\)/);
  });
});
