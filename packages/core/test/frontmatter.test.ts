import { describe, expect, it } from 'vitest';
import { type Draft, isDraft, robowriteSchema, toFrontmatter } from '../src/index.ts';

const draft: Draft = {
  provider: 'robowrite',
  id: 'item_1',
  versionId: 'ver_2',
  versionNumber: 2,
  slug: 'remote-work',
  title: 'Remote work: a field guide',
  status: 'in_review',
  body: '# Hello\n',
  excerpt: 'An excerpt',
  seoTitle: 'Remote work',
  seoDescription: 'How to work remotely',
  seoKeywords: ['remote work'],
  tags: ['work'],
  categories: ['guides'],
  authorId: 'auth_1',
  wordCount: 1240,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  scoring: { score: 87, metrics: { geo_score: 87, draft_score: 0.82 }, warnings: [] },
  sources: [{ marker: 1, name: 'Stanford WFH Study', url: 'https://stanford.edu/wfh' }],
};

describe('toFrontmatter', () => {
  it('builds data the shared schema accepts, with dates coerced', () => {
    const data = robowriteSchema.parse(toFrontmatter(draft));
    expect(data.pubDate).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(data.description).toBe('How to work remotely');
    expect(data.draft).toBe(true);
    expect(data.robowrite).toMatchObject({
      itemId: 'item_1',
      versionNumber: 2,
      jobId: null,
      jobStatus: null,
    });
  });

  it('omits optional keys rather than writing null', () => {
    const fm = toFrontmatter({ ...draft, seoDescription: null, excerpt: null, authorId: null });
    expect(Object.keys(fm)).not.toContain('description');
    expect(Object.keys(fm)).not.toContain('author');
    expect(robowriteSchema.safeParse(fm).success).toBe(true);
  });

  it('drops sources whose URL is not http(s), mailto or relative (issue 10 #3)', () => {
    const sources = [
      { marker: 1, name: 'Good', url: 'https://stanford.edu/wfh' },
      { marker: 2, name: 'Script', url: 'javascript:alert(1)' },
      { marker: 3, name: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
      { marker: 4, name: 'Encoded', url: 'jav&#x61;script:alert(1)' },
      { marker: 5, name: 'Relative', url: '/library/remote-work' },
      { marker: 6, name: 'Mail', url: 'mailto:press@example.test' },
    ];
    const fm = toFrontmatter({ ...draft, sources });
    expect(fm.robowrite.sources?.map((source) => source.marker)).toEqual([1, 5, 6]);
  });

  // Only the item's status: the loader never sees jobs, and both paths must agree (issue 11).
  it.each([
    ['published', false],
    ['draft', true],
    ['in_review', true],
    ['archived', true],
    ['scheduled', true],
  ])('an item in %s is draft: %s', (status, expected) => {
    expect(isDraft(status)).toBe(expected);
    expect(toFrontmatter({ ...draft, status }).draft).toBe(expected);
  });
});
