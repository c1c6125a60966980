import { describe, expect, it } from 'vitest';
import { SOCIAL_POST_APPLICATION_ID, WRITER_SECOND_API_KEY } from '../src/index.ts';
import { manualClock } from './helpers.ts';
import { startWriter, topicInputs, writerCall } from './writer-helpers.ts';

const jobsOf = (app: string) => `/v1/applications/${app}/jobs`;
const jobPath = (id: string) => `/v1/applications/jobs/${id}`;

function expectEnvelope(reply: { body: unknown }, tpe: string, description: RegExp): void {
  expect(reply.body).toEqual({
    tpe,
    errors: [
      { description: expect.stringMatching(description), key: expect.any(String), extras: {} },
    ],
    extras: {},
  });
}

describe('writer personality: auth and routing', () => {
  it('answers 401 without a valid Bearer key, in the Writer error envelope', async () => {
    const emu = await startWriter();
    const path = jobsOf(emu.applicationId);
    expectEnvelope(await writerCall(emu, 'GET', path, { key: null }), 'Unauthorized', /Missing/);
    const wrong = await writerCall(emu, 'GET', path, { key: 'nope' });
    expect(wrong.status).toBe(401);
    expectEnvelope(wrong, 'Unauthorized', /Invalid API key/);
  });

  it('answers 404 for unknown applications, jobs and paths; 405 for a wrong method', async () => {
    const emu = await startWriter();
    const unknownApp = await writerCall(emu, 'POST', jobsOf('nope'), { body: topicInputs('x') });
    expect(unknownApp.status).toBe(404);
    expectEnvelope(unknownApp, 'NotFound', /Application not found/);
    expect((await writerCall(emu, 'GET', jobsOf('nope'))).status).toBe(404);
    expectEnvelope(await writerCall(emu, 'GET', jobPath('nope')), 'NotFound', /Job not found/);
    expect((await writerCall(emu, 'POST', `${jobPath('nope')}/retry`)).status).toBe(404);
    expect((await writerCall(emu, 'GET', '/v1/other')).status).toBe(404);
    expect(
      (await writerCall(emu, 'GET', `/api/public/v1${jobsOf(emu.applicationId)}`)).status,
    ).toBe(404);
    const wrongMethod = await writerCall(emu, 'DELETE', jobPath('x'));
    expect(wrongMethod.status).toBe(405);
    expect(emu.stats().routes['DELETE (unmatched)']).toBe(1);
  });

  it('keeps organizations apart: the second key sees neither the demo apps nor their jobs', async () => {
    const emu = await startWriter();
    const { body: ack } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      body: topicInputs('Local SEO'),
    });
    const key = WRITER_SECOND_API_KEY;
    expect(emu.apiKeys).toEqual([emu.apiKey, key]);
    expect((await writerCall(emu, 'GET', jobPath(ack.id), { key })).status).toBe(404);
    expect((await writerCall(emu, 'GET', jobsOf(emu.applicationId), { key })).status).toBe(404);
    expect(
      (await writerCall(emu, 'GET', `/v1/applications/${emu.applicationId}`, { key })).status,
    ).toBe(404);
    expect((await writerCall(emu, 'GET', `/v1/applications/${emu.applicationId}`)).status).toBe(
      200,
    );
    const create = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      key,
      body: topicInputs('x'),
    });
    expect(create.status).toBe(404);
  });
});

describe('writer personality: creating jobs', () => {
  it('acknowledges with both id and job_id, then runs the job to completed', async () => {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now, jobDurationMs: 1000 });
    const created = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      body: {
        inputs: [
          { id: 'topic', value: ['Email marketing automation'] },
          { id: 'audience', value: ['founders'] },
        ],
      },
    });
    expect(created.status).toBe(200);
    const at = new Date(clock.now()).toISOString();
    expect(created.body).toEqual({
      id: created.body.job_id,
      job_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'in_progress',
      created_at: at,
    });
    clock.advance(999);
    const running = await writerCall(emu, 'GET', jobPath(created.body.id));
    expect(running.body).toEqual({
      id: created.body.id,
      status: 'in_progress',
      application_id: emu.applicationId,
      created_at: at,
      updated_at: at,
      completed_at: null,
      data: null,
      error: null,
    });
    clock.advance(1);
    const done = await writerCall(emu, 'GET', jobPath(created.body.id));
    const end = new Date(clock.now()).toISOString();
    expect(done.body).toMatchObject({
      status: 'completed',
      completed_at: end,
      updated_at: end,
      error: null,
    });
    expect(done.body.data.title).toBe('Blog post');
    const lines = done.body.data.suggestion.split('\n');
    expect(lines[0]).toMatch(/^# .*email marketing automation/i);
    expect(lines[2]).toBe('_Written for founders._');
    expect(emu.stats().jobsCreated).toBe(1);
  });

  it('writes the same suggestion for the same seed and inputs, and another for another topic', async () => {
    const run = async (seed: string, topic: string) => {
      const clock = manualClock();
      const emu = await startWriter({ now: clock.now, seed });
      const { body } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
        body: topicInputs(topic),
      });
      clock.advance(10_000);
      return (await writerCall(emu, 'GET', jobPath(body.id))).body.data.suggestion as string;
    };
    const first = await run('s1', 'Keyword research');
    expect(await run('s1', 'Keyword research')).toBe(first);
    const other = await run('s1', 'Newsletter growth');
    expect(other).not.toBe(first);
    expect(other.split('\n')[0]).toMatch(/newsletter growth/i);
  });

  it('keeps a heading one line even when the topic holds newlines and Markdown', async () => {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now });
    const { body } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      body: topicInputs('## Sneaky\n# topic\twith   breaks'),
    });
    clock.advance(10_000);
    const done = await writerCall(emu, 'GET', jobPath(body.id));
    expect(done.body.data.suggestion.split('\n')[0]).toMatch(
      /^# [^#\n]*Sneaky # topic with breaks/,
    );
  });

  it('writes one social post per product for the second demo application', async () => {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now });
    const products = ['Terra running shoe', 'Aqua swim goggles', 'Flex yoga mat'];
    const { body } = await writerCall(emu, 'POST', jobsOf(SOCIAL_POST_APPLICATION_ID), {
      body: { inputs: [{ id: 'Product descriptions', value: products }] },
    });
    clock.advance(10_000);
    const { data } = (await writerCall(emu, 'GET', jobPath(body.id))).body;
    expect(data.title).toBe('Social post');
    expect(data.suggestion.split('\n')[0]).toBe('# Social post');
    for (const product of products) expect(data.suggestion).toContain(`## ${product}`);
    expect(data.suggestion).toContain('#TerraRunningShoe');
  });

  it.each([
    [{}, /inputs/],
    [{ inputs: 'topic' }, /inputs/],
    [{ inputs: [{ id: 'topic', value: 'a string' }] }, /inputs\.0\.value/],
    [{ inputs: [{ id: 'topic', value: [42] }] }, /inputs\.0\.value\.0/],
    [
      { inputs: [{ id: 'subject', value: ['x'] }] },
      /Unknown input "subject".*"topic", "audience", "keywords"/,
    ],
    [
      {
        inputs: [
          { id: 'topic', value: ['a'] },
          { id: 'topic', value: ['b'] },
        ],
      },
      /more than once/,
    ],
    [{ inputs: [{ id: 'audience', value: ['x'] }] }, /"topic" is required/],
    [{ inputs: [{ id: 'topic', value: ['  '] }] }, /"topic" is required/],
    [{ inputs: [{ id: 'topic', value: ['x'.repeat(10_001)] }] }, /inputs\.0\.value\.0/],
  ])('rejects %j with a 400 naming the problem', async (body, message) => {
    const emu = await startWriter();
    const reply = await writerCall(emu, 'POST', jobsOf(emu.applicationId), { body });
    expect(reply.status).toBe(400);
    expectEnvelope(reply, 'BadRequest', message);
    expect(emu.stats().jobsCreated).toBe(0);
  });

  it('rejects a body that is not JSON (400) or is too large (413)', async () => {
    const emu = await startWriter();
    const path = jobsOf(emu.applicationId);
    expectEnvelope(
      await writerCall(emu, 'POST', path, { raw: '{"inputs": [' }),
      'BadRequest',
      /not valid JSON/,
    );
    const huge = await writerCall(emu, 'POST', path, {
      raw: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe('writer personality: listing jobs', () => {
  async function withJobs(count: number, outcomes: ('completed' | 'failed')[] = []) {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now, jobDurationMs: 1000, jobOutcomes: outcomes });
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const { body } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
        body: topicInputs(`topic ${n}`),
      });
      ids.push(body.id);
    }
    return { emu, clock, newestFirst: ids.reverse() };
  }

  it('lists newest first with result, totalCount and the pagination it applied', async () => {
    const { emu, newestFirst } = await withJobs(5);
    const all = await writerCall(emu, 'GET', jobsOf(emu.applicationId));
    expect(all.body.totalCount).toBe(5);
    expect(all.body.pagination).toEqual({ limit: 50, offset: 0 });
    expect(all.body.result.map((j: { id: string }) => j.id)).toEqual(newestFirst);
    const page = await writerCall(emu, 'GET', `${jobsOf(emu.applicationId)}?offset=3&limit=2`);
    expect(page.body.result.map((j: { id: string }) => j.id)).toEqual(newestFirst.slice(3, 5));
    expect(page.body).toMatchObject({ totalCount: 5, pagination: { limit: 2, offset: 3 } });
    const past = await writerCall(emu, 'GET', `${jobsOf(emu.applicationId)}?offset=9`);
    expect(past.body).toMatchObject({ result: [], totalCount: 5 });
    const other = await writerCall(emu, 'GET', jobsOf(SOCIAL_POST_APPLICATION_ID));
    expect(other.body).toMatchObject({ result: [], totalCount: 0 });
  });

  it('filters by the status each job has now', async () => {
    const { emu, clock, newestFirst } = await withJobs(3, ['failed', 'completed', 'failed']);
    const count = async (status: string) =>
      (await writerCall(emu, 'GET', `${jobsOf(emu.applicationId)}?status=${status}`)).body
        .totalCount;
    expect(await count('in_progress')).toBe(3);
    clock.advance(1000);
    expect(await count('in_progress')).toBe(0);
    expect(await count('completed')).toBe(1);
    const failed = await writerCall(emu, 'GET', `${jobsOf(emu.applicationId)}?status=failed`);
    expect(failed.body.result.map((j: { id: string }) => j.id)).toEqual([
      newestFirst[0],
      newestFirst[2],
    ]);
  });

  it.each(['limit=0', 'limit=101', 'limit=x', 'offset=-1', 'offset=1.5', 'status=queued'])(
    'rejects %s with a 400',
    async (query) => {
      const { emu } = await withJobs(0);
      const reply = await writerCall(emu, 'GET', `${jobsOf(emu.applicationId)}?${query}`);
      expect(reply.status).toBe(400);
      expectEnvelope(reply, 'BadRequest', /must be/);
    },
  );
});

describe('writer personality: retrying jobs', () => {
  it('retries only a failed job: 400 before, a new run after', async () => {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now, jobDurationMs: 1000, jobOutcomes: ['failed'] });
    const { body: ack } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      body: topicInputs('Link building'),
    });
    const retry = () => writerCall(emu, 'POST', `${jobPath(ack.id)}/retry`);
    expectEnvelope(await retry(), 'BadRequest', /this job is in_progress/);
    clock.advance(1000);
    const failed = (await writerCall(emu, 'GET', jobPath(ack.id))).body;
    expect(failed).toMatchObject({ status: 'failed', data: null, error: expect.any(String) });
    expect(failed.completed_at).toBe(new Date(clock.now()).toISOString());

    clock.advance(500);
    const retried = await retry();
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({
      id: ack.id,
      job_id: ack.id,
      status: 'in_progress',
      created_at: ack.created_at,
    });
    const rerun = (await writerCall(emu, 'GET', jobPath(ack.id))).body;
    expect(rerun).toMatchObject({ status: 'in_progress', completed_at: null, error: null });
    expect(rerun.updated_at).toBe(new Date(clock.now()).toISOString());
    clock.advance(1000);
    expect((await writerCall(emu, 'GET', jobPath(ack.id))).body.status).toBe('completed');
    expectEnvelope(await retry(), 'BadRequest', /this job is completed/);
  });

  it('takes forced outcomes from queueJobOutcomes, for creations and retries alike', async () => {
    const clock = manualClock();
    const emu = await startWriter({ now: clock.now, jobDurationMs: 10 });
    expect(() => emu.queueJobOutcomes('cancelled' as 'failed')).toThrow(
      /unknown Writer job outcome "cancelled"/,
    );
    emu.queueJobOutcomes('failed', 'failed');
    const { body: ack } = await writerCall(emu, 'POST', jobsOf(emu.applicationId), {
      body: topicInputs('a'),
    });
    clock.advance(10);
    await writerCall(emu, 'POST', `${jobPath(ack.id)}/retry`);
    clock.advance(10);
    expect((await writerCall(emu, 'GET', jobPath(ack.id))).body.status).toBe('failed');
    await writerCall(emu, 'POST', `${jobPath(ack.id)}/retry`);
    clock.advance(10);
    expect((await writerCall(emu, 'GET', jobPath(ack.id))).body.status).toBe('completed');
  });
});

describe('writer personality: faults and rate limit', () => {
  it('injects faults by route key; a pre-handler 503 creates nothing', async () => {
    const emu = await startWriter({
      faults: [{ route: 'POST /v1/applications/{application_id}/jobs', sequence: ['503', 'ok'] }],
    });
    const path = jobsOf(emu.applicationId);
    const refused = await writerCall(emu, 'POST', path, { body: topicInputs('x') });
    expect(refused.status).toBe(503);
    expectEnvelope(refused, 'ServiceUnavailable', /unavailable/);
    expect(emu.stats().jobsCreated).toBe(0);
    expect((await writerCall(emu, 'POST', path, { body: topicInputs('x') })).status).toBe(200);
    emu.faults.add({
      route: 'GET /v1/applications/jobs/{job_id}',
      sequence: ['429'],
      retryAfter: 7,
    });
    const limited = await writerCall(emu, 'GET', jobPath('any'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(emu.stats()).toMatchObject({ faultsInjected: 2, jobsCreated: 1 });
  });

  it('limits requests per organization in fixed windows, with Retry-After', async () => {
    const clock = manualClock(Date.parse('2026-03-01T12:00:00Z'));
    const emu = await startWriter({ now: clock.now, rateLimit: { requests: 2, windowMs: 60_000 } });
    const path = jobsOf(emu.applicationId);
    expect((await writerCall(emu, 'GET', path)).status).toBe(200);
    expect((await writerCall(emu, 'GET', path)).status).toBe(200);
    const limited = await writerCall(emu, 'GET', path);
    expect(limited.status).toBe(429);
    expectEnvelope(limited, 'TooManyRequests', /Rate limit/);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await writerCall(emu, 'GET', path, { key: WRITER_SECOND_API_KEY })).status).toBe(404);
    clock.advance(60_000);
    expect((await writerCall(emu, 'GET', path)).status).toBe(200);
    expect(emu.stats().rateLimited).toBe(1);
  });
});
