import { describe, expect, it } from 'vitest';
import { call, demoBrands, start } from './helpers.ts';

type Topic = Record<string, unknown> & { id: string };

describe('topics', () => {
  it('requires brand_id (422) and lists a bank spanning every decision band', async () => {
    const emu = await start();
    expect((await call(emu, 'GET', '/topics')).status).toBe(422);
    const { noCms } = await demoBrands(emu);
    const res = await call(emu, 'GET', `/topics?brand_id=${noCms}`);
    expect(res.status).toBe(200);
    const bands = new Set(res.body.items.map((t: Topic) => t.decision_band));
    expect(bands).toEqual(
      new Set(['auto_brief', 'light_review', 'expert_review', 'reject_or_hold', null]),
    );
    for (const t of res.body.items as Topic[]) {
      const eligible = ['auto_brief', 'light_review', null].includes(
        t.decision_band as string | null,
      );
      expect(t.eligible_for_autopilot).toBe(eligible);
    }
  });

  it('filters by every documented parameter', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const q = async (params: string) =>
      (await call(emu, 'GET', `/topics?brand_id=${noCms}&${params}`)).body.items as Topic[];
    const all = await q('limit=200');
    const pillar = all.find((t) => t.pillar_id)?.pillar_id as string;
    expect((await q(`pillar_id=${pillar}`)).every((t) => t.pillar_id === pillar)).toBe(true);
    expect((await q(`pillar_id=${pillar}`)).length).toBeLessThan(all.length);
    expect((await q('keyword=REMOTE')).map((t) => t.primary_keyword)).toContain(
      'remote work productivity',
    );
    expect(
      (await q('keyword=remote')).every((t) => JSON.stringify(t).toLowerCase().includes('remote')),
    ).toBe(true);
    expect((await q('status=new')).length).toBe(all.length);
    expect(await q('status=generated')).toEqual([]);
    expect((await q('min_score=70')).every((t) => (t.total_score as number) >= 70)).toBe(true);
    expect((await q('min_score=70')).length).toBe(3);
    expect((await q('min_volume=5000')).every((t) => (t.search_volume as number) >= 5000)).toBe(
      true,
    );
    expect(
      (await q('max_difficulty=30')).every((t) => (t.keyword_difficulty as number) <= 30),
    ).toBe(true);
    expect((await q('intent=commercial')).map((t) => t.intent)).toEqual(['commercial']);
    expect((await q('decision_band=expert_review')).length).toBe(2);
  });

  it('sorts by each documented field in both orders, nulls last', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    for (const field of ['total_score', 'search_volume', 'keyword_difficulty', 'created_at']) {
      for (const order of ['asc', 'desc']) {
        const items = (
          await call(emu, 'GET', `/topics?brand_id=${noCms}&sort_by=${field}&sort_order=${order}`)
        ).body.items as Topic[];
        const values = items.map((t) => t[field]).filter((v) => v !== null) as (string | number)[];
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(values).toEqual(order === 'asc' ? sorted : sorted.reverse());
        const firstNull = items.findIndex((t) => t[field] === null);
        if (firstNull >= 0)
          expect(items.slice(firstNull).every((t) => t[field] === null)).toBe(true);
      }
    }
  });

  it('rejects invalid filter values with 422', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    for (const bad of [
      'sort_by=title',
      'sort_order=up',
      'min_score=101',
      'min_volume=-1',
      `intent=${'x'.repeat(101)}`,
      `decision_band=${'x'.repeat(101)}`,
      `status=${'x'.repeat(101)}`,
      'max_difficulty=abc',
    ]) {
      expect((await call(emu, 'GET', `/topics?brand_id=${noCms}&${bad}`)).status, bad).toBe(422);
    }
  });

  it('creates a null-band, autopilot-eligible topic and validates its body', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const created = await call(emu, 'POST', `/brands/${noCms}/topics`, {
      body: {
        title: 'Remote work productivity',
        primary_keyword: 'remote work productivity',
        premise: 'Habits beat tools',
        intent: 'informational',
        funnel_stage: 'tofu',
        suggested_format: 'blog_post',
        secondary_keywords: ['focus time', 'async'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      decision_band: null,
      eligible_for_autopilot: true,
      status: 'new',
      brand_id: noCms,
    });
    expect((await call(emu, 'GET', `/topics/${created.body.id}`)).body).toEqual(created.body);
    expect((await call(emu, 'GET', `/topics/${created.body.id}/scores`)).body).toEqual([]);
    const bodies = [
      { primary_keyword: 'x' },
      { title: 'x' },
      { title: '', primary_keyword: 'x' },
      { title: 'x'.repeat(501), primary_keyword: 'x' },
      { title: 'x', primary_keyword: 'x'.repeat(201) },
      { title: 'x', primary_keyword: 'x', brand_id: noCms },
    ];
    for (const body of bodies) {
      expect((await call(emu, 'POST', `/brands/${noCms}/topics`, { body })).status).toBe(422);
    }
    expect(
      (
        await call(emu, 'POST', '/brands/nope/topics', {
          body: { title: 'x', primary_keyword: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('returns scores as a bare array and topic content in the list envelope', async () => {
    const emu = await start({ jobDurationMs: 0, completionLagMs: 0 });
    const { noCms } = await demoBrands(emu);
    const scored = (await call(emu, 'GET', `/topics?brand_id=${noCms}&decision_band=auto_brief`))
      .body.items[0];
    const scores = await call(emu, 'GET', `/topics/${scored.id}/scores`);
    expect(Array.isArray(scores.body)).toBe(true);
    expect(scores.body[0]).toMatchObject({
      topic_id: scored.id,
      decision_band: 'auto_brief',
      total_score: expect.any(Number),
    });
    expect((await call(emu, 'GET', `/topics/${scored.id}/content`)).body.total).toBe(0);
    await call(emu, 'POST', '/content/generate', { body: { topic_id: scored.id } });
    const content = await call(emu, 'GET', `/topics/${scored.id}/content`);
    expect(content.body.total).toBe(1);
    expect(content.body.items[0].topic_id).toBe(scored.id);
    expect((await call(emu, 'GET', `/topics/${scored.id}`)).body.status).toBe('generated');
  });
});
