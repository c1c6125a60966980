import { describe, expect, it } from 'vitest';
import { robowriteSchema, toDraft, toFrontmatter } from '../src/index.ts';
import { client, emulator } from './helpers.ts';

describe('toDraft', () => {
  it('maps a generated item (latest version, scoring, sources) onto the shared Draft', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const property = (await rw.properties.list()).items[0];
    if (!property) throw new Error('no property');
    const { item, result } = await rw.generateFromBrief(
      {
        brief: { title: 'Calm meetings', primaryKeyword: 'calm meetings' },
        propertyId: property.id,
      },
      { intervalMs: 30, timeoutMs: 10_000 },
    );
    expect(result.status).toBe('completed');
    // A second run adds version 2, so "latest" has to be chosen.
    const again = await rw.content.generateItem(item.id, { citationMode: 'inline' });
    await rw.jobs.waitFor(again.job_id, { intervalMs: 30, timeoutMs: 10_000 });
    const full = await rw.content.retrieve(item.id, { include: ['scoring', 'sources'] });
    const latest = [...full.versions].sort((a, b) => b.version_number - a.version_number)[0];
    if (!latest) throw new Error('no versions');

    // Reversed version order must not change which version is used.
    const draft = toDraft({ ...full, versions: [...full.versions].reverse() });
    expect(draft).toMatchObject({
      provider: 'robowrite',
      id: full.id,
      versionId: latest.id,
      versionNumber: latest.version_number,
      slug: full.slug,
      title: full.title,
      status: full.status,
      body: latest.markdown_body,
      excerpt: latest.excerpt,
      seoTitle: latest.seo_title,
      seoDescription: latest.seo_description,
      seoKeywords: latest.seo_keywords,
      tags: latest.tags,
      categories: latest.categories,
      authorId: full.author_id,
      wordCount: latest.word_count,
    });
    expect(draft.versionNumber).toBeGreaterThanOrEqual(2);
    const scoring = latest.scoring;
    if (!scoring) throw new Error('expected scoring after completion');
    expect(draft.scoring).toEqual({
      score: scoring.geo_score,
      metrics: { geo_score: scoring.geo_score, draft_score: scoring.draft_score },
      warnings: scoring.warnings,
    });
    expect(draft.sources).toEqual(
      (latest.sources ?? []).map((s) => ({
        marker: s.marker,
        name: s.source_name,
        url: s.source_url,
      })),
    );
    const newest = [full.updated_at, latest.created_at].sort().at(-1);
    expect(draft.updatedAt).toBe(newest);
    expect(robowriteSchema.safeParse(toFrontmatter(draft)).success).toBe(true);
  });

  it('keeps scoring and sources null when not requested, and handles an item without versions', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const property = (await rw.properties.list()).items[0];
    if (!property) throw new Error('no property');
    const brief = await rw.briefs.create({ title: 'Empty', primaryKeyword: 'empty' });
    const created = await rw.content.create({
      briefId: brief.id,
      propertyId: property.id,
      title: 'Empty',
    });
    const draft = toDraft(await rw.content.retrieve(created.id));
    expect(draft.scoring).toBeNull();
    expect(draft.sources).toBeNull();
    if (created.versions.length === 0) {
      expect(draft).toMatchObject({ versionId: null, versionNumber: null, body: '' });
    }
    expect(draft.createdAt).toBeTruthy();
    expect(draft.updatedAt >= draft.createdAt).toBe(true);
  });

  it('takes the later of the item time and the latest version time', () => {
    const base = {
      id: 'i',
      title: 'T',
      slug: 't',
      status: 'draft',
      brand_id: 'b',
      property_id: null,
      author_id: null,
      created_at: '2026-01-01T00:00:00Z',
    };
    const version = {
      id: 'v1',
      version_number: 1,
      title: 'T',
      markdown_body: '# T',
      excerpt: null,
      seo_title: null,
      seo_description: null,
      seo_keywords: [],
      tags: [],
      categories: [],
      word_count: 1,
      created_at: '2026-01-03T00:00:00Z',
      scoring: null,
      sources: [],
    };
    expect(
      toDraft({ ...base, updated_at: '2026-01-02T00:00:00Z', versions: [version] }).updatedAt,
    ).toBe('2026-01-03T00:00:00Z');
    expect(
      toDraft({ ...base, updated_at: '2026-01-05T00:00:00Z', versions: [version] }).updatedAt,
    ).toBe('2026-01-05T00:00:00Z');
    expect(toDraft({ ...base, versions: [version] }).sources).toEqual([]);
  });
});
