import { countWords } from '@robowrite/emulator';
import { describe, expect, it } from 'vitest';
import {
  checkedFrontmatter,
  type GeneratedContent,
  InvalidEntryError,
  toWriterzRoomDraft,
} from '../src/index.ts';

const SEEN = '2026-11-30T12:00:00.000Z';
const BODY = [
  '## Why it matters',
  '',
  'Bakeries that **publish** weekly see [more visits](https://example.com) from nearby',
  'customers, and `local` search rewards them.',
  '',
  '- one',
  '- two',
].join('\n');

function content(overrides: Partial<GeneratedContent> = {}): GeneratedContent {
  return {
    id: null,
    title: null,
    body: BODY,
    wordCount: null,
    createdAt: null,
    updatedAt: null,
    ...overrides,
  };
}

describe('WriterzRoom result → Draft', () => {
  it('v1: title, id, word count and dates from the content object', () => {
    const draft = toWriterzRoomDraft(
      content({
        id: 'cnt_abc123',
        title: '  The Future of\nAI in Content ',
        wordCount: 1842,
        createdAt: '2026-03-10T20:03:42Z',
      }),
      { requestId: 'req_xyz789', seenAt: SEEN },
    );
    expect(draft).toMatchObject({
      provider: 'writerzroom',
      id: 'cnt_abc123',
      title: 'The Future of AI in Content',
      slug: 'the-future-of-ai-in-content',
      status: 'completed',
      wordCount: 1842,
      createdAt: '2026-03-10T20:03:42.000Z',
      updatedAt: '2026-03-10T20:03:42.000Z',
      tags: [],
      categories: [],
      sources: null,
      scoring: null,
    });
    expect(draft.body).toBe(BODY);
    expect(draft.excerpt).toBe(
      'Bakeries that publish weekly see more visits from nearby customers, and local search rewards them.',
    );
  });

  it('api: the leading H1 is the title and leaves the body; id from the request; words counted', () => {
    const draft = toWriterzRoomDraft(content({ body: `# Bread & Search\n\n${BODY}` }), {
      requestId: 'req_1',
      seenAt: SEEN,
    });
    expect(draft).toMatchObject({ id: 'req_1', title: 'Bread & Search', slug: 'bread-search' });
    expect(draft.body).toBe(BODY);
    // The emulator's word_count rule, so a counted api draft matches its v1 twin.
    expect(draft.wordCount).toBe(countWords(BODY));
    expect(draft.wordCount).toBe(23);
    expect(draft.createdAt).toBe(SEEN);
    expect(checkedFrontmatter(draft).title).toBe('Bread & Search');
  });

  it('without a title field or a leading H1, the topic names it, else the id', () => {
    const later = `Intro line.\n\n# Not first\n\n${BODY}`;
    const withTopic = toWriterzRoomDraft(content({ body: later }), {
      requestId: 'req_2',
      topic: 'Rye bread',
      seenAt: SEEN,
    });
    expect(withTopic.title).toBe('Rye bread');
    expect(withTopic.body).toBe(later);
    expect(toWriterzRoomDraft(content(), { requestId: 'req_3', seenAt: SEEN }).title).toBe('req_3');
  });

  it('refuses an HTML body in one line naming the item; inline HTML in Markdown is fine', () => {
    for (const body of [
      '<!DOCTYPE html><html><body>x</body></html>',
      '  <p>Hello</p>',
      '<h1>T</h1>',
    ]) {
      const error = (() => {
        try {
          toWriterzRoomDraft(content({ body }), { requestId: 'req_4', seenAt: SEEN });
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(InvalidEntryError);
      expect((error as Error).message).toBe(
        'item req_4: body is HTML, not Markdown; WriterzRoom drafts must be Markdown',
      );
    }
    const mixed = `${BODY}\n\n<details><summary>More</summary>text</details>`;
    expect(
      toWriterzRoomDraft(content({ body: mixed }), { requestId: 'r', seenAt: SEEN }).body,
    ).toBe(mixed);
  });

  it('the excerpt skips headings, lists, tables and code, and is cut at a word', () => {
    const long = 'word '.repeat(80).trim();
    const body = [
      '## H',
      '',
      '| a | b |',
      '|---|---|',
      '',
      '```',
      'code here',
      '',
      'still code',
      '```',
      '',
      long,
    ].join('\n');
    const draft = toWriterzRoomDraft(content({ body }), { requestId: 'r', seenAt: SEEN });
    expect(draft.excerpt?.endsWith('word…')).toBe(true);
    expect(draft.excerpt?.length).toBeLessThanOrEqual(200);
    expect(
      toWriterzRoomDraft(content({ body: '## Only a heading' }), { requestId: 'r', seenAt: SEEN })
        .excerpt,
    ).toBeNull();
  });

  it('an unparseable created_at falls back to when the draft was first seen', () => {
    const draft = toWriterzRoomDraft(content({ id: 'cnt_1', createdAt: 'yesterday' }), {
      requestId: null,
      seenAt: SEEN,
    });
    expect(draft.createdAt).toBe(SEEN);
    expect(checkedFrontmatter(draft).pubDate).toBe(SEEN);
  });
});
