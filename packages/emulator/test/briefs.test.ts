import { describe, expect, it } from 'vitest';
import { call, demoBrands, start } from './helpers.ts';

const FULL = {
  title: 'Async communication',
  primary_keyword: 'async communication',
  secondary_keywords: ['remote collaboration'],
  target_word_count: 1200,
  audience_details: 'Team leads',
  tone: 'practical',
  format: 'blog_post',
  search_intent: 'informational',
  funnel_stage: 'tofu',
  description: 'd',
  summary: 's',
  content_goal: 'g',
};

describe('briefs', () => {
  it('creates a brief with every allowed field; brand and status are server-set', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const res = await call(emu, 'POST', '/briefs', { body: FULL });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...FULL,
      brand_id: noCms,
      status: 'draft',
      version: 1,
      pillar_id: null,
    });
    expect((await call(emu, 'GET', `/briefs/${res.body.id}`)).body).toEqual(res.body);
    const list = await call(emu, 'GET', '/briefs');
    expect(list.body.items[0].id).toBe(res.body.id);
  });

  it('enforces the closed allowlist and bounds with 422', async () => {
    const emu = await start();
    const bad = [
      { ...FULL, brand_id: 'x' },
      { ...FULL, status: 'approved' },
      { ...FULL, title: '' },
      { ...FULL, title: 'x'.repeat(501) },
      { ...FULL, target_word_count: 99 },
      { ...FULL, target_word_count: 10_001 },
      { ...FULL, audience_details: 'x'.repeat(5001) },
      { ...FULL, description: 'x'.repeat(5001) },
      { ...FULL, summary: 'x'.repeat(5001) },
      { ...FULL, content_goal: 'x'.repeat(5001) },
      { primary_keyword: 'no title' },
    ];
    for (const body of bad) expect((await call(emu, 'POST', '/briefs', { body })).status).toBe(422);
    const edges = [
      { title: 'x', target_word_count: 100 },
      { title: 'x', target_word_count: 10_000 },
      { title: 'x'.repeat(500) },
    ];
    for (const body of edges)
      expect((await call(emu, 'POST', '/briefs', { body })).status).toBe(201);
    expect(
      (await call(emu, 'POST', '/briefs', { body: { title: 'x', pillar_id: 'nope' } })).status,
    ).toBe(404);
  });

  it('does not dedupe: a retry with the same Idempotency-Key creates a second brief', async () => {
    const emu = await start();
    const a = await call(emu, 'POST', '/briefs', {
      body: { title: 'Twice' },
      idempotencyKey: 'same-key',
    });
    const b = await call(emu, 'POST', '/briefs', {
      body: { title: 'Twice' },
      idempotencyKey: 'same-key',
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.headers.get('idempotency-replayed')).toBeNull();
    expect(emu.stats().replays).toBe(0);
  });

  it('returns sections as a bare array', async () => {
    const emu = await start();
    const brief = (await call(emu, 'POST', '/briefs', { body: FULL })).body;
    const res = await call(emu, 'GET', `/briefs/${brief.id}/sections`);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.length).toBeGreaterThan(2);
    expect(res.body.map((s: { position: number }) => s.position)).toEqual(
      res.body.map((_: unknown, i: number) => i + 1),
    );
    expect(res.body[0]).toMatchObject({
      brief_id: brief.id,
      heading: expect.any(String),
      level: 2,
    });
  });

  it('auto-versions every PATCH and validates it', async () => {
    const emu = await start();
    const brief = (await call(emu, 'POST', '/briefs', { body: FULL })).body;
    const one = await call(emu, 'PATCH', `/briefs/${brief.id}`, { body: { tone: 'playful' } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ version: 2, tone: 'playful', title: FULL.title });
    const two = await call(emu, 'PATCH', `/briefs/${brief.id}`, {
      body: { title: 'New title', summary: null },
    });
    expect(two.body).toMatchObject({ version: 3, title: 'New title', summary: null });
    expect((await call(emu, 'GET', `/briefs/${brief.id}`)).body.version).toBe(3);
    for (const body of [
      {},
      { status: 'x' },
      { brand_id: 'x' },
      { target_word_count: 5 },
      { title: null },
    ]) {
      expect((await call(emu, 'PATCH', `/briefs/${brief.id}`, { body })).status).toBe(422);
    }
    expect((await call(emu, 'GET', `/briefs/${brief.id}`)).body.version).toBe(3);
    expect((await call(emu, 'PATCH', '/briefs/nope', { body: { tone: 'x' } })).status).toBe(404);
  });
});
