import { describe, expect, it } from 'vitest';
import { changeMarker, type Draft, entryData, isInScope, toFrontmatter } from '../src/index.ts';

describe('changeMarker (the CLI and the loader compare the same marker)', () => {
  it.each([
    [{ status: 'draft', latest_version_id: 'ver_1', updated_at: 'T1' }, 'ver_1|T1|draft'],
    [{ status: 'published', latest_version_id: 'ver_1', updated_at: 'T1' }, 'ver_1|T1|published'],
    [{ status: 'draft', latest_version_id: 'ver_1' }, 'ver_1||draft'],
    [{ status: 'draft', updated_at: 'T1' }, '|T1|draft'],
    [{ status: 'draft', latest_version_id: null, updated_at: 'T1' }, '|T1|draft'],
    [{ status: 'draft', latest_version_id: '', updated_at: '' }, null],
    [{ status: 'draft' }, null],
  ])('%j -> %j', (summary, expected) => {
    expect(changeMarker(summary)).toBe(expected);
  });

  it('moves when only the status does (it sets the entry draft flag)', () => {
    const before = { status: 'in_review', latest_version_id: 'v', updated_at: 'T' };
    expect(changeMarker(before)).not.toBe(changeMarker({ ...before, status: 'published' }));
  });
});

describe('isInScope (which listed items a site syncs, on both paths)', () => {
  it.each([
    ['no brand set, any brand', { brand_id: 'b2', latest_version_id: 'v' }, null, true],
    ['same brand', { brand_id: 'b1', latest_version_id: 'v' }, 'b1', true],
    ['another brand', { brand_id: 'b2', latest_version_id: 'v' }, 'b1', false],
    ['summary names no brand', { latest_version_id: 'v' }, 'b1', true],
    ['summary brand null', { brand_id: null, latest_version_id: 'v' }, 'b1', true],
    ['summary brand empty', { brand_id: '', latest_version_id: 'v' }, 'b1', true],
    ['never generated', { brand_id: 'b1', latest_version_id: null }, 'b1', false],
    ['never generated, no brand set', { latest_version_id: null }, null, false],
    ['list without markers', { brand_id: 'b1' }, 'b1', true],
  ])('%s', (_case, summary, brand, expected) => {
    expect(isInScope(summary, brand)).toBe(expected);
  });
});

const draft: Draft = {
  provider: 'robowrite',
  id: 'item_1',
  versionId: 'ver_2',
  versionNumber: 2,
  slug: 'Remote Work',
  title: 'Remote work',
  status: 'in_review',
  body: '# Hello\n',
  excerpt: null,
  seoTitle: null,
  seoDescription: null,
  seoKeywords: [],
  tags: [],
  categories: [],
  authorId: null,
  wordCount: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  scoring: null,
  sources: null,
};

describe('entryData (what an entry contains, on both paths)', () => {
  it.each([
    ['draft', 'remote-work', true],
    ['in_review', 'remote-work-1a2b3c4d', true],
    ['published', 'remote-work', false],
    ['archived', 'remote-work', true],
  ])('a %s item named %s: slug is the name, draft is %s', (status, name, isDraft) => {
    const data = entryData({ ...draft, status }, name);
    expect(data).toEqual(toFrontmatter({ ...draft, status, slug: name }));
    expect(data.slug).toBe(name);
    expect(data.draft).toBe(isDraft);
    expect(data.robowrite).toMatchObject({ status, jobId: null, jobStatus: null });
  });

  it('rejects a draft the schema would reject, naming the item', () => {
    expect(() => entryData({ ...draft, createdAt: 'not-a-date' }, 'x')).toThrow(/item_1/);
  });
});
