import { describe, expect, it } from 'vitest';
import { call, start } from './helpers.ts';

describe('the list envelope', () => {
  it('defaults to limit 50, offset 0 and reports total and has_more', async () => {
    const emu = await start({ items: 120 });
    const res = await call(emu, 'GET', '/content');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['has_more', 'items', 'limit', 'offset', 'total']);
    expect(res.body.limit).toBe(50);
    expect(res.body.offset).toBe(0);
    expect(res.body.total).toBe(125); // 120 generated + 5 demo items of this organization
    expect(res.body.items).toHaveLength(50);
    expect(res.body.has_more).toBe(true);
  });

  it('pages deterministically to the exact end, with no gaps or repeats', async () => {
    const emu = await start({ items: 120 });
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const { body } = await call(emu, 'GET', `/content?limit=40&offset=${offset}`);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      if (!body.has_more) break;
      offset += 40;
    }
    expect(seen).toHaveLength(125);
    expect(new Set(seen).size).toBe(125);
    const last = await call(emu, 'GET', '/content?limit=5&offset=120');
    expect(last.body.items).toHaveLength(5);
    expect(last.body.has_more).toBe(false);
    const justBefore = await call(emu, 'GET', '/content?limit=5&offset=119');
    expect(justBefore.body.has_more).toBe(true);
    const past = await call(emu, 'GET', '/content?offset=500');
    expect(past.body.items).toEqual([]);
    expect(past.body.has_more).toBe(false);
    expect(past.body.total).toBe(125);
  });

  it('accepts limit 1 and 200 and rejects out-of-range or non-integer values with 422', async () => {
    const emu = await start({ items: 300 });
    expect((await call(emu, 'GET', '/content?limit=1')).body.items).toHaveLength(1);
    expect((await call(emu, 'GET', '/content?limit=200')).body.items).toHaveLength(200);
    for (const q of ['limit=0', 'limit=201', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const res = await call(emu, 'GET', `/content?${q}`);
      expect(res.status, q).toBe(422);
      expect(typeof res.body.detail).toBe('string');
    }
    expect((await call(emu, 'GET', '/brands?limit=201')).status).toBe(422);
  });

  it('serves 100 000 generated items without building them up front', async () => {
    const emu = await start({ items: 100_000 });
    const first = await call(emu, 'GET', '/content?limit=200');
    expect(first.body.total).toBe(100_005);
    const tail = await call(emu, 'GET', '/content?limit=200&offset=99900');
    expect(tail.body.items).toHaveLength(105);
    const oldest = tail.body.items.at(-1);
    const detail = await call(emu, 'GET', `/content/${oldest.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.versions.length).toBeGreaterThan(0);
    expect(detail.body.versions[0].markdown_body.length).toBeGreaterThan(200);
  });
});
