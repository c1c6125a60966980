import { describe, expect, it } from 'vitest';
import { call, start } from './helpers.ts';

describe('documents', () => {
  it('lists the library and filters by category, status and q', async () => {
    const emu = await start();
    const all = (await call(emu, 'GET', '/documents')).body;
    expect(all.total).toBe(5);
    const research = (await call(emu, 'GET', '/documents?category=research')).body.items;
    expect(research.map((d: { category: string }) => d.category)).toEqual(['research', 'research']);
    const ready = (await call(emu, 'GET', '/documents?status=ready')).body.items;
    expect(ready).toHaveLength(3);
    expect(ready.every((d: { summary: string | null }) => typeof d.summary === 'string')).toBe(
      true,
    );
    const q = (await call(emu, 'GET', '/documents?q=SURVEY')).body.items;
    expect(q.map((d: { title: string }) => d.title)).toEqual(['Remote work survey 2025']);
    const combined = (await call(emu, 'GET', '/documents?category=research&status=processing')).body
      .items;
    expect(combined).toHaveLength(1);
    expect((await call(emu, 'GET', `/documents?status=${'x'.repeat(101)}`)).status).toBe(422);
    expect((await call(emu, 'GET', '/documents?q=nothing-matches')).body.total).toBe(0);
  });

  it('gets one document with its metadata and summary', async () => {
    const emu = await start();
    const first = (await call(emu, 'GET', '/documents')).body.items[0];
    const res = await call(emu, 'GET', `/documents/${first.id}`);
    expect(res.body).toMatchObject({
      id: first.id,
      title: expect.any(String),
      mime_type: expect.any(String),
      size_bytes: expect.any(Number),
      summary: expect.any(String),
    });
    expect((await call(emu, 'GET', '/documents/missing')).status).toBe(404);
  });
});

describe('imported content', () => {
  it('lists imported items without bodies and gets one with its body', async () => {
    const emu = await start();
    const list = (await call(emu, 'GET', '/imported-content')).body;
    expect(list.total).toBe(3);
    expect(list.items[0].markdown_body).toBeUndefined();
    const one = await call(emu, 'GET', `/imported-content/${list.items[0].id}`);
    expect(one.body.markdown_body).toEqual(expect.any(String));
    expect(one.body).toMatchObject({
      source: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
      title: list.items[0].title,
    });
    expect((await call(emu, 'GET', '/imported-content/missing')).status).toBe(404);
  });
});
