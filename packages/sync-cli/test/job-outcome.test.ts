import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasFailed, hasLanded, isPending, jobOutcome } from '../src/sync/jobs.ts';
import { loadState, serializeState } from '../src/sync/state.ts';
import { project } from './helpers.ts';

/** A job record as robowrite wrote it before `outcome` and `startedAt` existed. */
function oldRecord(status: string, itemId: string | null) {
  return {
    flow: 'topic',
    fingerprint: `fp-${status}`,
    request: { flow: 'topic' },
    keys: { topic: 'k1' },
    created: {},
    jobId: `job-${status}`,
    status,
    itemId,
    error: status === 'failed' ? 'the model gave up' : null,
    collected: false,
  };
}

describe('job records: the outcome decides, old records derive it', () => {
  it('loads a state file from before the field unchanged, deriving outcomes from RoboWrite statuses', async () => {
    const dir = await project('rw-outcome-');
    const state = {
      version: 1,
      outDir: 'src/content/robowrite',
      items: {},
      jobs: {
        a: oldRecord('awaiting_review', 'item-a'),
        b: oldRecord('failed', null),
        c: oldRecord('running', null),
      },
      orphans: [],
    };
    const text = `${JSON.stringify(state, null, 2)}\n`;
    await mkdir(join(dir, '.robowrite'));
    await writeFile(join(dir, '.robowrite', 'state.json'), text);
    const { state: loaded, rejected } = await loadState(dir, 'src/content/robowrite');
    expect(rejected).toEqual([]);
    // Nothing is added on load: the file is not rewritten for the new fields.
    expect(serializeState(loaded)).toBe(text);
    const jobs = ['a', 'b', 'c'].map((key) => {
      const job = loaded.jobs[key];
      if (!job) throw new Error(`job ${key} was not loaded`);
      return job;
    });
    expect(jobs.map(jobOutcome)).toEqual(['landed', 'failed', 'running']);
    expect(jobs.map(hasLanded)).toEqual([true, false, false]);
    expect(jobs.map(hasFailed)).toEqual([false, true, false]);
    expect(jobs.map(isPending)).toEqual([true, false, true]);
  });

  it('decides by the stored outcome, not the status word (a WriterzRoom or Writer job)', () => {
    const landed = { ...oldRecord('completed', 'req_1'), outcome: 'landed' as const };
    const failed = { ...oldRecord('completed', null), outcome: 'failed' as const };
    const running = { ...oldRecord('in_progress', null), outcome: 'running' as const };
    expect(hasLanded(landed as never)).toBe(true);
    expect(hasFailed(failed as never)).toBe(true);
    expect(isPending(failed as never)).toBe(false);
    expect(isPending(running as never)).toBe(true);
    expect(hasLanded(running as never)).toBe(false);
  });
});
