import { describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  type Job,
  JobTimeoutError,
  RequestValidationError,
} from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

const OUTCOMES = [
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
  'awaiting_review',
] as const;

async function newItem(rw: ReturnType<typeof client>['client']) {
  const property = (await rw.properties.list()).items[0];
  if (!property) throw new Error('no property');
  const brief = await rw.briefs.create({ title: 'Polling', primaryKeyword: 'polling' });
  return rw.content.create({ briefId: brief.id, propertyId: property.id, title: 'Polling' });
}

describe('jobs.waitFor', () => {
  it('reaches each outcome and returns the snapshot, discriminated by status', async () => {
    const emu = await emulator({ jobOutcomes: [...OUTCOMES] });
    const { client: rw } = client(emu);
    const item = await newItem(rw);
    for (const outcome of OUTCOMES) {
      const accepted = await rw.content.generateItem(item.id);
      const updates: Job[] = [];
      const result = await rw.jobs.waitFor(accepted.job_id, {
        intervalMs: 30,
        timeoutMs: 10_000,
        onUpdate: (job) => updates.push(job),
      });
      expect(result.status).toBe(outcome);
      expect(result.job.status).toBe(outcome);
      expect(result.job.job_id).toBe(accepted.job_id);
      expect(updates.at(-1)).toEqual(result.job);
      if (result.status === 'failed') expect(result.job.error).toBeTruthy();
    }
  });

  it('awaiting_review for a brand without a CMS, with the draft ready to read', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brands = await rw.brands.list();
    const noCms = brands.items.find((b) => b.cms_connected === false);
    if (!noCms) throw new Error('fixture has no brand without a CMS');
    const { result, item } = await rw.generateFromTopic(
      { brandId: noCms.id, title: 'Review me', primaryKeyword: 'review me' },
      { intervalMs: 30, timeoutMs: 10_000 },
    );
    expect(result.status).toBe('awaiting_review');
    expect(result.job.content_item_id).toBe(item?.id);
    expect(item?.versions.length).toBeGreaterThan(0);
  });

  it('times out with a JobTimeoutError carrying the last snapshot', async () => {
    const emu = await emulator({ jobDurationMs: 60_000 });
    const { client: rw } = client(emu);
    const item = await newItem(rw);
    const accepted = await rw.content.generateItem(item.id);
    const error = await rejection(
      rw.jobs.waitFor(accepted.job_id, { intervalMs: 30, timeoutMs: 200 }),
    );
    expect(error).toBeInstanceOf(JobTimeoutError);
    const snapshot = (error as JobTimeoutError).lastSnapshot;
    expect(snapshot?.job_id).toBe(accepted.job_id);
    expect(['pending', 'queued', 'running']).toContain(snapshot?.status);
    expect(error.message).toContain(accepted.job_id);
  });

  it("keeps polling through transient errors that outlast a request's own retries", async () => {
    const emu = await emulator({ jobDurationMs: 300 });
    const { client: rw, logs } = client(emu, { maxRetries: 0 });
    const item = await newItem(rw);
    const accepted = await rw.content.generateItem(item.id);
    emu.faults.add({
      route: 'GET /jobs/{job_id}',
      sequence: ['503', 'reset', '429-no-retry-after'],
    });
    const result = await rw.jobs.waitFor(accepted.job_id, { intervalMs: 30, timeoutMs: 10_000 });
    expect(result.status).toBe('completed');
    expect(emu.stats().routes['GET /jobs/{job_id}']).toBeGreaterThan(3);
    expect(logs.lines.filter((l) => /still polling/.test(l))).toHaveLength(3);
  });

  it('stops on abort and checks its options', async () => {
    const emu = await emulator({ jobDurationMs: 60_000 });
    const { client: rw } = client(emu);
    const item = await newItem(rw);
    const accepted = await rw.content.generateItem(item.id);
    const controller = new AbortController();
    const waiting = rw.jobs.waitFor(accepted.job_id, {
      intervalMs: 20,
      signal: controller.signal,
      onUpdate: () => controller.abort(),
    });
    expect(await rejection(waiting)).toBeInstanceOf(APIUserAbortError);
    expect(await rejection(rw.jobs.waitFor(accepted.job_id, { intervalMs: 0 }))).toBeInstanceOf(
      RequestValidationError,
    );
  });
});

describe('the documented 202 quirk', () => {
  it('accepts queued with an empty workflow_id and polls it to the end', async () => {
    const emu = await emulator({ queuedAckRate: 1 });
    const { client: rw } = client(emu);
    const item = await newItem(rw);
    const accepted = await rw.content.generateItem(item.id);
    expect(accepted).toMatchObject({ status: 'queued', workflow_id: '' });
    const result = await rw.jobs.waitFor(accepted.job_id, { intervalMs: 30, timeoutMs: 10_000 });
    expect(result.status).toBe('completed');
  });
});
