import { describe, expect, it } from 'vitest';
import {
  checkedFrontmatter,
  type Draft,
  InvalidEntryError,
  MAX_DRAFT_BODY_BYTES,
  toFrontmatter,
} from '../src/index.ts';

const draft: Draft = {
  provider: 'robowrite',
  id: 'item-1',
  versionId: 'v-1',
  versionNumber: 1,
  slug: 'a-post',
  title: 'A post',
  status: 'draft',
  body: '# A post\n',
  excerpt: null,
  seoTitle: null,
  seoDescription: null,
  seoKeywords: [],
  tags: [],
  categories: [],
  authorId: null,
  wordCount: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  scoring: null,
  sources: null,
};

function thrown(fn: () => unknown): InvalidEntryError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEntryError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEntryError');
}

describe('checkedFrontmatter', () => {
  it('returns toFrontmatter for a valid draft', () => {
    expect(checkedFrontmatter(draft)).toEqual(toFrontmatter(draft));
  });

  it('issue 10 #7: rejects created_at "not-a-date" in one line naming the item and the field', () => {
    const error = thrown(() => checkedFrontmatter({ ...draft, createdAt: 'not-a-date' }));
    expect(error.itemId).toBe('item-1');
    expect(error.message).toBe(
      'item item-1: invalid frontmatter: pubDate: not a valid date (got "not-a-date")',
    );
    expect(error.message).not.toContain('\n');
  });

  it('issue 10 clear errors (200 MB draft): accepts a body of exactly the limit and rejects one byte more', () => {
    const limit = 'x'.repeat(MAX_DRAFT_BODY_BYTES);
    expect(() => checkedFrontmatter({ ...draft, body: limit })).not.toThrow();
    const error = thrown(() => checkedFrontmatter({ ...draft, body: `${limit}é` }));
    expect(error.reason).toBe('body is 5.0 MB, over the 5.0 MB limit per draft');
  });
});
