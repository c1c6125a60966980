import { describe, expect, it } from 'vitest';
import { countWords } from '../src/index.ts';
import { call, manualClock, start } from './helpers.ts';

const V1_BODY = {
  template_id: 'blog_article_generator',
  style_profile_id: 'general_blog',
  inputs: { topic: 'AI in enterprise content workflows', audience: 'content directors' },
  vertical: 'fintech',
  brand_voice_id: 'bv_demo',
};
const API_BODY = {
  template: 'blog_article_generator',
  style_profile: 'general_blog',
  generation_mode: 'standard',
  dynamic_parameters: {
    topic: 'AI in enterprise content workflows',
    target_audience: 'content directors',
    word_count: 1200,
  },
};

async function writerzroom(jobDurationMs = 10_000) {
  const clock = manualClock();
  const emu = await start({ provider: 'writerzroom', now: clock.now, jobDurationMs });
  return { emu, clock };
}

describe('WriterzRoom generation, v1 dialect (seeds 001, 002)', () => {
  it('accepts, reports stage and progress while processing, then completes with content', async () => {
    const { emu, clock } = await writerzroom();
    const created = await call(emu, 'POST', '/v1/generate', { body: V1_BODY });
    expect(created.status).toBe(202);
    expect(created.body.request_id).toMatch(/^req_[0-9a-f]{12}$/);
    const id = created.body.request_id;

    const seen: { stage: string; progress: number }[] = [];
    for (const at of [0, 2_500, 6_000, 9_000]) {
      clock.set(at);
      const { status, body } = await call(emu, 'GET', `/v1/generate/status/${id}`);
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['progress', 'request_id', 'stage', 'status']);
      expect(body.status).toBe('processing');
      seen.push({ stage: body.stage, progress: body.progress });
    }
    // Seed 002's example reads `stage: "writer"` at `progress: 60`.
    expect(seen).toEqual([
      { stage: 'planner', progress: 0 },
      { stage: 'researcher', progress: 25 },
      { stage: 'writer', progress: 60 },
      { stage: 'editor', progress: 90 },
    ]);

    clock.set(10_000);
    const done = await call(emu, 'GET', `/v1/generate/status/${id}`);
    expect(Object.keys(done.body).sort()).toEqual(['content', 'request_id', 'status']);
    expect(done.body.status).toBe('completed');
    const content = done.body.content;
    expect(Object.keys(content).sort()).toEqual([
      'body',
      'created_at',
      'id',
      'title',
      'word_count',
    ]);
    expect(content.id).toMatch(/^cnt_[0-9a-f]{12}$/);
    expect(content.title.toLowerCase()).toContain('ai in enterprise content workflows');
    expect(content.body).toContain('## Key takeaways');
    expect(content.body.startsWith('# ')).toBe(false);
    expect(content.word_count).toBe(countWords(content.body));
    expect(content.created_at).toBe(new Date(clock.now()).toISOString());

    const saved = await call(emu, 'GET', `/v1/content/${content.id}`);
    expect(saved.body).toMatchObject({
      ...content,
      request_id: id,
      vertical: 'fintech',
      brand_voice_id: 'bv_demo',
    });
    expect(emu.stats().jobsCreated).toBe(1);
  });

  it('fails early, naming the missing input, as seed 002 shows', async () => {
    const { emu, clock } = await writerzroom();
    const { body } = await call(emu, 'POST', '/v1/generate', {
      body: {
        template_id: 'email_newsletter',
        style_profile_id: 'general_blog',
        inputs: { topic: 'Onboarding' },
      },
    });
    clock.set(1_000);
    const failed = await call(emu, 'GET', `/v1/generate/status/${body.request_id}`);
    expect(failed.body).toEqual({
      request_id: body.request_id,
      status: 'failed',
      error: 'Missing required input field: audience',
    });
  });

  it('ends failed when an outcome is forced, and gives the credit back', async () => {
    const { emu, clock } = await writerzroom();
    emu.queueJobOutcomes('failed');
    const stats = async () => (await call(emu, 'GET', '/v1/dashboard/stats')).body;
    const before = (await stats()).credits_remaining;
    const failing = (await call(emu, 'POST', '/v1/generate', { body: V1_BODY })).body.request_id;
    const fine = (await call(emu, 'POST', '/v1/generate', { body: V1_BODY })).body.request_id;
    expect((await stats()).credits_remaining).toBe(before - 2);
    clock.set(9_999);
    expect((await call(emu, 'GET', `/v1/generate/status/${failing}`)).body.status).toBe(
      'processing',
    );
    clock.set(10_000);
    const failed = await call(emu, 'GET', `/v1/generate/status/${failing}`);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error).toMatch(/^Generation failed/);
    expect((await call(emu, 'GET', `/v1/generate/status/${fine}`)).body.status).toBe('completed');
    const after = await stats();
    expect(after.credits_remaining).toBe(before - 1);
    expect(after.generations).toEqual({ total: 2, processing: 0, completed: 1, failed: 1 });
    expect(() => emu.queueJobOutcomes('cancelled')).toThrow(/completed and failed/);
  });

  it('answers 404 for an unknown request id and for another account’s request', async () => {
    const { emu } = await writerzroom();
    const id = (await call(emu, 'POST', '/v1/generate', { body: V1_BODY })).body.request_id;
    const unknown = await call(emu, 'GET', '/v1/generate/status/req_000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', message: 'Generation request not found' });
    const other = await call(emu, 'GET', `/v1/generate/status/${id}`, { key: emu.apiKeys[1] });
    expect(other.status).toBe(404);
  });
});

describe('WriterzRoom generation, api dialect (seed 000)', () => {
  it('wraps the status in data and gives content as a Markdown string', async () => {
    const { emu, clock } = await writerzroom();
    const created = await call(emu, 'POST', '/api/generate', { body: API_BODY });
    expect(created.status).toBe(202);
    const id = created.body.request_id;
    clock.set(6_000);
    const processing = await call(emu, 'GET', `/api/generate/status/${id}`);
    expect(processing.body).toEqual({
      data: {
        request_id: id,
        status: 'processing',
        stage: 'writer',
        progress: 60,
        content: null,
        error: null,
      },
    });
    clock.set(10_000);
    const { body } = await call(emu, 'GET', `/api/generate/status/${id}`);
    expect(body.data).toMatchObject({
      request_id: id,
      status: 'completed',
      progress: 100,
      error: null,
    });
    expect(typeof body.data.content).toBe('string');
    // The same generation, read in the other dialect: the string is `# title` then the body.
    const v1 = (await call(emu, 'GET', `/v1/generate/status/${id}`)).body.content;
    expect(body.data.content).toBe(`# ${v1.title}\n\n${v1.body}`);
  });

  it('reports a failure with its error under data', async () => {
    const { emu, clock } = await startForced();
    const id = (await call(emu, 'POST', '/api/generate', { body: API_BODY })).body.request_id;
    clock.set(10_000);
    const { body } = await call(emu, 'GET', `/api/generate/status/${id}`);
    expect(body.data.status).toBe('failed');
    expect(body.data.content).toBeNull();
    expect(body.data.error).toMatch(/^Generation failed/);
  });

  it('is deterministic: the same seed and requests give the same ids and bytes', async () => {
    const read = async () => {
      const { emu, clock } = await writerzroom();
      const id = (await call(emu, 'POST', '/api/generate', { body: API_BODY })).body.request_id;
      clock.set(10_000);
      return (await call(emu, 'GET', `/api/generate/status/${id}`)).text;
    };
    const [a, b] = [await read(), await read()];
    expect(a).toBe(b);
    expect(JSON.parse(a).data.status).toBe('completed');
  });
});

async function startForced() {
  const clock = manualClock();
  const emu = await start({
    provider: 'writerzroom',
    now: clock.now,
    jobDurationMs: 10_000,
    jobOutcomes: ['failed'],
  });
  return { emu, clock };
}
