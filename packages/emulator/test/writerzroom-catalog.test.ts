import { describe, expect, it } from 'vitest';
import { countWords } from '../src/index.ts';
import { call, manualClock, start } from './helpers.ts';

const writerzroom = () => start({ provider: 'writerzroom' });

describe('WriterzRoom catalog', () => {
  it('api dialect: templates and style profiles under data.items, verticals unwrapped (seed 000)', async () => {
    const emu = await writerzroom();
    const templates = (await call(emu, 'GET', '/api/templates')).body;
    expect(Object.keys(templates)).toEqual(['data']);
    const ids = templates.data.items.map((t: { id: string }) => t.id);
    expect(ids).toContain('blog_article_generator');
    for (const t of templates.data.items) {
      expect(typeof t.name).toBe('string');
      expect(Array.isArray(t.required_inputs)).toBe(true);
    }
    const profiles = (await call(emu, 'GET', '/api/style-profiles')).body.data.items;
    expect(profiles.find((p: { id: string }) => p.id === 'general_blog')).toMatchObject({
      name: 'General Blog',
      tone: 'conversational',
    });
    const verticals = (await call(emu, 'GET', '/api/verticals')).body;
    expect(Object.keys(verticals)).toEqual(['verticals']);
    expect(verticals.verticals.map((v: { id: string }) => v.id)).toEqual(
      expect.arrayContaining(['healthcare', 'fintech', 'legal']),
    );
  });

  it('v1 dialect: the same templates and style profiles under items', async () => {
    const emu = await writerzroom();
    const api = (await call(emu, 'GET', '/api/templates')).body.data.items;
    const v1 = (await call(emu, 'GET', '/v1/templates')).body;
    expect(v1).toEqual({ items: api, total: api.length });
    const profiles = (await call(emu, 'GET', '/v1/style-profiles')).body;
    expect(profiles.items.length).toBe(profiles.total);
  });
});

describe('WriterzRoom v1 content (seed 001)', () => {
  it('lists, reads, saves, updates and regenerates a section; another key sees none of it', async () => {
    const clock = manualClock();
    const emu = await start({ provider: 'writerzroom', now: clock.now, jobDurationMs: 1000 });
    expect((await call(emu, 'GET', '/v1/content')).body).toEqual({ items: [], total: 0 });
    const id = (
      await call(emu, 'POST', '/v1/generate', {
        body: {
          template_id: 'blog_article_generator',
          style_profile_id: 'general_blog',
          inputs: { topic: 'Newsletter growth' },
        },
      })
    ).body.request_id;
    clock.advance(1000);
    const generated = (await call(emu, 'GET', `/v1/generate/status/${id}`)).body.content;

    clock.advance(1000);
    const created = await call(emu, 'POST', '/v1/content/save', {
      body: { title: 'Hand written', body: '## Intro\n\nTwo words.\n' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Hand written', word_count: 3, request_id: null });

    const list = (await call(emu, 'GET', '/v1/content')).body;
    expect(list.total).toBe(2);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([created.body.id, generated.id]);
    expect(list.items[0].body).toBeUndefined();

    clock.advance(1000);
    const updated = await call(emu, 'POST', '/v1/content/save', {
      body: { id: generated.id, title: 'Renamed', body: generated.body },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: generated.id,
      title: 'Renamed',
      created_at: generated.created_at,
    });
    expect(updated.body.updated_at).toBe(new Date(clock.now()).toISOString());

    const regenerated = await call(emu, 'POST', '/v1/content/regenerate-section', {
      body: { content_id: generated.id, section: 'Key takeaways' },
    });
    expect(regenerated.status).toBe(200);
    const before = generated.body.split('## Key takeaways')[0];
    expect(regenerated.body.body.startsWith(before)).toBe(true);
    expect(regenerated.body.body).not.toBe(generated.body);
    expect(regenerated.body.word_count).toBe(countWords(regenerated.body.body));
    expect((await call(emu, 'GET', `/v1/content/${generated.id}`)).body).toEqual(regenerated.body);

    const missing = await call(emu, 'POST', '/v1/content/regenerate-section', {
      body: { content_id: generated.id, section: 'No such heading' },
    });
    expect(missing.status).toBe(422);
    expect((await call(emu, 'GET', '/v1/content/cnt_000000000000')).status).toBe(404);
    expect((await call(emu, 'POST', '/v1/content/save', { body: { title: '' } })).status).toBe(400);

    const other = emu.apiKeys[1];
    expect((await call(emu, 'GET', '/v1/content', { key: other })).body.total).toBe(0);
    expect((await call(emu, 'GET', `/v1/content/${generated.id}`, { key: other })).status).toBe(
      404,
    );
  });

  it('dashboard stats count this key’s generations, content and credits', async () => {
    const emu = await writerzroom();
    const stats = (await call(emu, 'GET', '/v1/dashboard/stats')).body;
    expect(stats).toEqual({
      plan: 'professional',
      credits_remaining: 500,
      generations: { total: 0, processing: 0, completed: 0, failed: 0 },
      content_items: 0,
      words_generated: 0,
    });
  });
});
