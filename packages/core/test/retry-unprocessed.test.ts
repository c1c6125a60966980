import { describe, expect, it } from 'vitest';
import { APIConnectionError, NotFoundError, RateLimitError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

/** A `429` is answered before the API runs anything, so repeating the request is always safe. */
describe('a 429 is retried for every method (issue 10 fidelity)', () => {
  it('finding 429-any-method: retries POST /briefs, /properties, taxonomy creates and PATCHes', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');
    const briefsBefore = (await rw.briefs.list()).total;
    for (const route of [
      'POST /briefs',
      'PATCH /briefs/{brief_id}',
      'POST /properties',
      'POST /pillars',
      'PATCH /pillars/{pillar_id}',
      'PATCH /content/items/{item_id}',
    ]) {
      emu.faults.add({ route, sequence: ['429'], retryAfter: 0 });
    }
    const brief = await rw.briefs.create({ title: 'Retried once' });
    const edited = await rw.briefs.update(brief.id, { tone: 'plain' });
    await rw.properties.create({ name: 'Retried property' });
    const pillar = await rw.pillars.create({ brandId: brand.id, name: 'Retried pillar' });
    await rw.pillars.update(pillar.id, { name: 'Renamed' });
    const item = (await rw.content.list()).items[0];
    if (!item) throw new Error('no item');
    await rw.content.update(item.id, { title: 'Retried title' });

    const routes = emu.stats().routes;
    expect(routes['POST /briefs']).toBe(2);
    expect(routes['PATCH /briefs/{brief_id}']).toBe(2);
    expect(routes['POST /properties']).toBe(2);
    expect(routes['POST /pillars']).toBe(2);
    expect(routes['PATCH /pillars/{pillar_id}']).toBe(2);
    expect(routes['PATCH /content/items/{item_id}']).toBe(2);
    // Each write happened once: one new brief, edited once (version 1 → 2).
    expect((await rw.briefs.list()).total).toBe(briefsBefore + 1);
    expect(edited.version).toBe((brief.version ?? 0) + 1);
  });

  it('still fails with RateLimitError once the budget is spent, and never retries a lost POST', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    emu.faults.add({ route: 'POST /briefs', sequence: ['429', '429'], retryAfter: 0 });
    const error = await rejection(rw.briefs.create({ title: 'Limited' }, { maxRetries: 1 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(emu.stats().routes['POST /briefs']).toBe(2);
    // A reset happens after the brief was created: repeating it could duplicate it.
    emu.faults.add({ route: 'POST /briefs', sequence: ['reset'] });
    expect(await rejection(rw.briefs.create({ title: 'Once' }))).toBeInstanceOf(APIConnectionError);
    expect(emu.stats().routes['POST /briefs']).toBe(3);
  });
});

describe('a DELETE whose response was lost (issue 10 fidelity)', () => {
  it('finding delete-404-on-retry: a 404 on the retry of a DELETE that went through is success', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const item = (await rw.content.list()).items[0];
    if (!item) throw new Error('no item');
    // `reset` drops the connection after the emulator deleted the item.
    emu.faults.add({ route: 'DELETE /content/items/{item_id}', sequence: ['reset'] });
    const { data, response } = await rw.content.delete(item.id).withResponse();
    expect(data).toBeNull();
    expect(response.status).toBe(404);
    expect(emu.stats().routes['DELETE /content/items/{item_id}']).toBe(2);
    expect(await rejection(rw.content.retrieve(item.id))).toBeInstanceOf(NotFoundError);

    const tag = (await rw.tags.list()).items[0];
    if (!tag) throw new Error('no tag');
    emu.faults.add({ route: 'DELETE /tags/{tag_id}', sequence: ['reset'] });
    expect(await rw.tags.delete(tag.id)).toBeNull();
  });

  it('a 404 is still NotFoundError on a first attempt, or when earlier attempts were refused', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    expect(await rejection(rw.content.delete('item_missing'))).toBeInstanceOf(NotFoundError);
    // A 429 means nothing ran: the 404 that follows is the truth about the id.
    emu.faults.add({ route: 'DELETE /content/items/{item_id}', sequence: ['429'], retryAfter: 0 });
    expect(await rejection(rw.content.delete('item_missing'))).toBeInstanceOf(NotFoundError);
    expect(emu.stats().routes['DELETE /content/items/{item_id}']).toBe(3);
  });
});
