import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.ts';
import { call, demoBrands, start } from './helpers.ts';

/**
 * The guide shows one example value for topic `intent`/`funnel_stage`/`suggested_format`, content
 * `format` and `status`, and document `status`, but never the whole set: the real API may hold
 * values the emulator never produces, so the emulator must not refuse them.
 */
async function newItem(emu: Emulator, format: string): Promise<{ id: string; format: string }> {
  const { noCms } = await demoBrands(emu);
  const property = (await call(emu, 'GET', '/properties')).body.items.find(
    (p: { brand_id: string }) => p.brand_id === noCms,
  ).id;
  const brief = (await call(emu, 'POST', '/briefs', { body: { title: 'Open sets' } })).body.id;
  const created = await call(emu, 'POST', '/content/items', {
    body: { brief_id: brief, property_id: property, title: 'Open sets item', format },
    idempotencyKey: 'open-sets-item',
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe('issue 10 fidelity (open sets): values the guide does not close', () => {
  it('accepts any topic intent, funnel_stage and suggested_format, and filters on them', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const body = {
      title: 'Open-set topic',
      primary_keyword: 'open set',
      intent: 'local',
      funnel_stage: 'retention',
      suggested_format: 'podcast_script',
    };
    const created = await call(emu, 'POST', `/brands/${noCms}/topics`, { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      intent: 'local',
      funnel_stage: 'retention',
      suggested_format: 'podcast_script',
    });
    const byIntent = await call(emu, 'GET', `/topics?brand_id=${noCms}&intent=local`);
    expect(byIntent.body.items.map((t: { id: string }) => t.id)).toEqual([created.body.id]);
    for (const filter of ['status=snoozed', 'decision_band=maybe_later']) {
      const listed = await call(emu, 'GET', `/topics?brand_id=${noCms}&${filter}`);
      expect(listed.status, filter).toBe(200);
      expect(listed.body.total, filter).toBe(0);
    }
  });

  it('accepts any content format and status, on create, PATCH and the list filters', async () => {
    const emu = await start();
    const item = await newItem(emu, 'white_paper');
    expect(item.format).toBe('white_paper');
    const patched = await call(emu, 'PATCH', `/content/items/${item.id}`, {
      body: { status: 'scheduled', format: 'press_release' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'scheduled', format: 'press_release' });
    const byStatus = await call(emu, 'GET', '/content?status=scheduled');
    expect(byStatus.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const byType = await call(emu, 'GET', '/content?content_type=press_release');
    expect(byType.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
  });

  it('accepts any document status filter', async () => {
    const emu = await start();
    const listed = await call(emu, 'GET', '/documents?status=archived');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(0);
  });

  it('still refuses what the guide closes: citation_mode and topic sort_by', async () => {
    const emu = await start();
    const item = await newItem(emu, 'blog_post');
    const generate = await call(emu, 'POST', `/content/items/${item.id}/generate`, {
      body: { citation_mode: 'footnotes' },
    });
    expect(generate.status).toBe(422);
    const { noCms } = await demoBrands(emu);
    expect((await call(emu, 'GET', `/topics?brand_id=${noCms}&sort_by=title`)).status).toBe(422);
  });
});
