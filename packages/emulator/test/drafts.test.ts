import { describe, expect, it } from 'vitest';
import { countWords } from '../src/index.ts';
import { call, start } from './helpers.ts';

async function generate(citationMode?: string, seed?: string) {
  const emu = await start({ jobDurationMs: 0, completionLagMs: 0, seed });
  const item = (await call(emu, 'GET', '/content?status=draft')).body.items[0];
  const body = citationMode ? { citation_mode: citationMode } : {};
  const job = await call(emu, 'POST', `/content/items/${item.id}/generate`, { body });
  const done = (await call(emu, 'GET', `/jobs/${job.body.job_id}`)).body;
  const detail = (await call(emu, 'GET', `/content/${item.id}?include=scoring,sources`)).body;
  const version = detail.versions.find((v: { id: string }) => v.id === done.content_version_id);
  return { emu, version };
}

describe('generated drafts', () => {
  it('inline: markdown links in the prose and a numbered ## Sources section', async () => {
    const { version } = await generate('inline');
    const body: string = version.markdown_body;
    expect(body).toContain('](http');
    expect(body).toMatch(/## Sources\n\n1\. \[[^\]]+\]\(https:\/\/[^)]+\)\n2\. /);
    expect(body).not.toMatch(/\[\d+\](?!\()/);
    for (const source of version.sources) expect(body).toContain(source.source_url);
  });

  it('structured_only (the default): no links in the body, sources still captured', async () => {
    for (const mode of [undefined, 'structured_only']) {
      const { version } = await generate(mode);
      expect(version.markdown_body).not.toContain('](');
      expect(version.markdown_body).not.toContain('## Sources');
      expect(version.sources.length).toBeGreaterThan(0);
      expect(version.sources.map((s: { marker: number }) => s.marker)).toEqual(
        version.sources.map((_: unknown, i: number) => i + 1),
      );
    }
  });

  it('is realistic Markdown with SEO fields and a word count matching the body', async () => {
    const { version } = await generate('inline');
    const body: string = version.markdown_body;
    expect(body).toMatch(/^## /m);
    expect(body).toMatch(/^### /m);
    expect(body).toMatch(/^- /m);
    expect(body).toMatch(/^1\. /m);
    expect(body).toMatch(/^\| --- \| --- \| --- \|$/m);
    expect(body).toMatch(/^```yaml\n[\s\S]+?\n```$/m);
    // The documented rule, counted independently of the emulator's helper.
    const words = body.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length;
    expect(version.word_count).toBe(words);
    expect(version.word_count).toBe(countWords(body));
    expect(version.word_count).toBeGreaterThan(300);
    expect(version.excerpt.length).toBeGreaterThan(20);
    expect(version.excerpt.length).toBeLessThanOrEqual(200);
    expect(version.excerpt).not.toContain('](');
    expect(version.seo_title.length).toBeLessThanOrEqual(60);
    expect(version.seo_description.length).toBeLessThanOrEqual(155);
    expect(version.seo_keywords.length).toBeGreaterThan(0);
    expect(version.tags.length).toBeGreaterThan(0);
    expect(version.categories.length).toBeGreaterThan(0);
    expect(version.scoring.geo_score).toBeGreaterThanOrEqual(0);
    expect(version.scoring.geo_score).toBeLessThanOrEqual(100);
    expect(version.scoring.draft_score).toBeGreaterThan(0);
    expect(version.scoring.draft_score).toBeLessThanOrEqual(1);
  });

  it('is deterministic for the same input and differs for another seed', async () => {
    const a = await generate('inline');
    const b = await generate('inline');
    const c = await generate('inline', 'another-seed');
    expect(b.version.markdown_body).toBe(a.version.markdown_body);
    expect(b.version.id).toBe(a.version.id);
    expect(c.version.markdown_body).not.toBe(a.version.markdown_body);
  });
});

describe('craftedItems', () => {
  it('serves a crafted body and sources verbatim, listed like any item', async () => {
    const markdownBody = '# Crafted\n\n<script>alert(1)</script>\n';
    const emu = await start({
      craftedItems: [
        {
          title: 'Crafted payload',
          markdownBody,
          sources: [{ marker: 1, name: 'Bad', url: 'javascript:alert(1)' }],
        },
      ],
    });
    const listed = (await call(emu, 'GET', '/content?status=in_review')).body.items;
    const summary = listed.find((item: { title: string }) => item.title === 'Crafted payload');
    expect(summary).toMatchObject({ slug: 'crafted-payload', status: 'in_review' });
    const detail = (await call(emu, 'GET', `/content/${summary.id}?include=scoring,sources`)).body;
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0].markdown_body).toBe(markdownBody);
    expect(detail.versions[0].word_count).toBe(countWords(markdownBody));
    expect(detail.versions[0].sources).toEqual([
      { marker: 1, source_name: 'Bad', source_url: 'javascript:alert(1)' },
    ]);
  });
});
