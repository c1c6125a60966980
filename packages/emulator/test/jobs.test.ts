import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.ts';
import { call, demoBrands, manualClock, start } from './helpers.ts';

const DURATION = 1000;
const LAG = 200;

async function setup(extra: Parameters<typeof start>[0] = {}) {
  const clock = manualClock();
  const emu = await start({
    now: clock.now,
    jobDurationMs: DURATION,
    completionLagMs: LAG,
    queuedAckRate: 0,
    ...extra,
  });
  return { emu, clock, ...(await demoBrands(emu)) };
}

async function freshTopic(emu: Emulator, brandId: string): Promise<string> {
  const res = await call(emu, 'POST', `/brands/${brandId}/topics`, {
    body: { title: 'Remote work productivity', primary_keyword: 'remote work productivity' },
  });
  return res.body.id;
}

const poll = async (emu: Emulator, jobId: string) =>
  (await call(emu, 'GET', `/jobs/${jobId}`)).body;

describe('topic autopilot jobs', () => {
  it('walks pending → queued → running → awaiting_review for a brand without a CMS', async () => {
    const { emu, clock, noCms } = await setup();
    const topic = await freshTopic(emu, noCms);
    const accepted = await call(emu, 'POST', '/content/generate', { body: { topic_id: topic } });
    expect(accepted.status).toBe(202);
    expect(Object.keys(accepted.body).sort()).toEqual(['job_id', 'status', 'workflow_id']);
    expect(accepted.body.status).toBe('pending');
    expect(accepted.body.workflow_id).toMatch(/^wf-/);
    const id = accepted.body.job_id;

    expect(await poll(emu, id)).toEqual({
      job_id: id,
      status: 'pending',
      content_item_id: null,
      content_version_id: null,
      error: null,
    });
    expect((await call(emu, 'GET', `/topics/${topic}`)).body.status).toBe('in_progress');
    clock.set(150);
    expect((await poll(emu, id)).status).toBe('queued');
    clock.set(500);
    const running = await poll(emu, id);
    expect(running.status).toBe('running');
    expect(running.content_item_id).toBeNull();

    // Mid-run the draft exists: sources are populated, scoring is still null.
    clock.set(800);
    const drafted = await poll(emu, id);
    expect(drafted.status).toBe('running');
    expect(drafted.content_item_id).toEqual(expect.any(String));
    expect(drafted.content_version_id).toEqual(expect.any(String));
    const early = await call(
      emu,
      'GET',
      `/content/${drafted.content_item_id}?include=scoring,sources`,
    );
    expect(early.body.versions[0].id).toBe(drafted.content_version_id);
    expect(early.body.versions[0].scoring).toBeNull();
    expect(early.body.versions[0].sources.length).toBeGreaterThan(0);

    // The run finished at 100% but still reads `running` until its completion callback lands.
    clock.set(DURATION + LAG / 2);
    expect((await poll(emu, id)).status).toBe('running');
    const scored = await call(emu, 'GET', `/content/${drafted.content_item_id}?include=scoring`);
    expect(scored.body.versions[0].scoring).not.toBeNull();

    clock.set(DURATION + LAG);
    const done = await poll(emu, id);
    expect(done).toEqual({
      job_id: id,
      status: 'awaiting_review',
      content_item_id: drafted.content_item_id,
      content_version_id: drafted.content_version_id,
      error: null,
    });
    const item = await call(emu, 'GET', `/content/${done.content_item_id}`);
    expect(item.body.status).toBe('in_review');
    expect(item.body.topic_id).toBe(topic);
    expect((await call(emu, 'GET', `/topics/${topic}`)).body.status).toBe('generated');
    expect(emu.stats().jobsCreated).toBe(1);
  });

  it('ends completed, with the item published, for a brand with a CMS', async () => {
    const { emu, clock, withCms } = await setup();
    const topic = await freshTopic(emu, withCms);
    const { body } = await call(emu, 'POST', '/content/generate', { body: { topic_id: topic } });
    clock.set(DURATION + LAG);
    const done = await poll(emu, body.job_id);
    expect(done.status).toBe('completed');
    expect((await call(emu, 'GET', `/content/${done.content_item_id}`)).body.status).toBe(
      'published',
    );
  });

  it('runs every eligible band and refuses the ineligible ones with 409', async () => {
    const { emu, noCms } = await setup();
    const topics = (await call(emu, 'GET', `/topics?brand_id=${noCms}`)).body.items;
    for (const band of ['auto_brief', 'light_review', null, 'expert_review', 'reject_or_hold']) {
      const topic = topics.find((t: { decision_band: string | null }) => t.decision_band === band);
      const res = await call(emu, 'POST', '/content/generate', { body: { topic_id: topic.id } });
      expect(res.status, String(band)).toBe(topic.eligible_for_autopilot ? 202 : 409);
      if (res.status === 409) expect(res.body.detail).toMatch(/eligible/);
    }
  });

  it('accepts exactly { topic_id }: direction or citation_mode is 422, a missing topic 404', async () => {
    const { emu, noCms } = await setup();
    const topic = await freshTopic(emu, noCms);
    for (const body of [
      { topic_id: topic, direction: { tone: 'x' } },
      { topic_id: topic, citation_mode: 'inline' },
      {},
      { topic_id: 5 },
    ]) {
      expect((await call(emu, 'POST', '/content/generate', { body })).status).toBe(422);
    }
    expect(
      (await call(emu, 'POST', '/content/generate', { body: { topic_id: 'missing' } })).status,
    ).toBe(404);
    expect(emu.stats().jobsCreated).toBe(0);
  });
});

describe('forced outcomes', () => {
  it('failed: error set, no item', async () => {
    const { emu, clock, noCms } = await setup({ jobOutcomes: ['failed'] });
    const { body } = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: await freshTopic(emu, noCms) },
    });
    clock.set(DURATION + LAG);
    const done = await poll(emu, body.job_id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/failed/);
    expect(done.content_item_id).toBeNull();
    expect(done.content_version_id).toBeNull();
  });

  it('completed_with_errors: draft saved, scoring never lands, error set', async () => {
    const { emu, clock, withCms } = await setup();
    emu.queueJobOutcomes('completed_with_errors');
    const { body } = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: await freshTopic(emu, withCms) },
    });
    clock.set(DURATION * 10);
    const done = await poll(emu, body.job_id);
    expect(done.status).toBe('completed_with_errors');
    expect(done.error).toMatch(/scoring/);
    const item = await call(emu, 'GET', `/content/${done.content_item_id}?include=scoring,sources`);
    expect(item.body.versions[0].scoring).toBeNull();
    expect(item.body.versions[0].sources.length).toBeGreaterThan(0);
  });

  it('cancelled: stops at half time, no draft, no error', async () => {
    const { emu, clock, noCms } = await setup();
    emu.queueJobOutcomes('cancelled');
    const { body } = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: await freshTopic(emu, noCms) },
    });
    clock.set(DURATION / 2);
    expect(await poll(emu, body.job_id)).toMatchObject({
      status: 'cancelled',
      content_item_id: null,
      error: null,
    });
    clock.set(DURATION * 2);
    expect((await poll(emu, body.job_id)).status).toBe('cancelled');
    expect((await call(emu, 'GET', '/content?status=draft')).body.total).toBe(1);
  });
});

describe('quirks', () => {
  it('sometimes acknowledges with queued and an empty workflow_id; the job still runs', async () => {
    const { emu, clock, noCms } = await setup({ queuedAckRate: 1 });
    const { status, body } = await call(emu, 'POST', '/content/generate', {
      body: { topic_id: await freshTopic(emu, noCms) },
    });
    expect(status).toBe(202);
    expect(body).toEqual({ job_id: expect.any(String), workflow_id: '', status: 'queued' });
    clock.set(DURATION + LAG);
    expect((await poll(emu, body.job_id)).status).toBe('awaiting_review');
  });

  it('returns 404 for an unknown job', async () => {
    const { emu } = await setup();
    expect((await call(emu, 'GET', '/jobs/missing')).status).toBe(404);
  });
});

describe('item generation', () => {
  it('carries content_item_id from the start, adds a version, and 409s while in flight', async () => {
    const { emu, clock } = await setup();
    const item = (await call(emu, 'GET', '/content?status=draft')).body.items[0];
    const before = (await call(emu, 'GET', `/content/${item.id}`)).body.versions.length;
    const res = await call(emu, 'POST', `/content/items/${item.id}/generate`, {
      body: {
        direction: {
          tone: 'friendly',
          reading_level: 'grade 8',
          point_of_view: 'second person',
          content_length: 'short',
          content_structure: 'listicle',
        },
        citation_mode: 'inline',
      },
    });
    expect(res.status).toBe(202);
    const running = await poll(emu, res.body.job_id);
    expect(running.content_item_id).toBe(item.id);
    expect(running.content_version_id).toBeNull();
    expect(
      (await call(emu, 'POST', `/content/items/${item.id}/generate`, { body: {} })).status,
    ).toBe(409);
    clock.set(DURATION + LAG);
    const done = await poll(emu, res.body.job_id);
    expect(done.status).toBe('completed');
    const after = (await call(emu, 'GET', `/content/${item.id}`)).body;
    expect(after.versions).toHaveLength(before + 1);
    expect(after.versions.at(-1).id).toBe(done.content_version_id);
    expect(after.versions.at(-1).version_number).toBe(before + 1);
    expect(after.status).toBe('draft');
  });

  it('validates direction and citation_mode (422) and the item (404)', async () => {
    const { emu } = await setup();
    const item = (await call(emu, 'GET', '/content')).body.items[0];
    for (const body of [
      { citation_mode: 'footnotes' },
      { direction: { mood: 'x' } },
      { direction: 'x' },
      { extra: 1 },
    ]) {
      expect((await call(emu, 'POST', `/content/items/${item.id}/generate`, { body })).status).toBe(
        422,
      );
    }
    expect((await call(emu, 'POST', '/content/items/missing/generate', { body: {} })).status).toBe(
      404,
    );
  });
});
