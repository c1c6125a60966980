import { describe, expect, it } from 'vitest';
import { decidePublish, type PublishTarget } from '../src/sync/publish-plan.ts';

function file(fields: { draft: boolean; itemId?: string; versionId?: string; status?: string }) {
  return [
    '---',
    'title: T',
    `draft: ${fields.draft}`,
    'robowrite:',
    `  itemId: ${fields.itemId ?? 'item_1'}`,
    `  versionId: ${fields.versionId ?? 'v2'}`,
    `  status: ${fields.status ?? 'in_review'}`,
    '---',
    'Body',
    '',
  ].join('\n');
}

const target = (published?: PublishTarget['published']): PublishTarget => ({
  itemId: 'item_1',
  file: 'a.md',
  published,
});
const LIVE = { publishedAt: '2026-03-01T00:00:00.000Z', versionId: 'v2' };

describe('decidePublish: one tracked item, from its file on this checkout', () => {
  it.each([
    ['a draft stays', target(), file({ draft: true }), { kind: 'skip', reason: 'draft: true' }],
    [
      'draft: false publishes its version',
      target(),
      file({ draft: false }),
      { kind: 'publish', versionId: 'v2' },
    ],
    [
      'the same version again sends nothing',
      target(LIVE),
      file({ draft: false }),
      { kind: 'skip', reason: 'already published' },
    ],
    [
      'a new version publishes again',
      target(LIVE),
      file({ draft: false, versionId: 'v3' }),
      { kind: 'publish', versionId: 'v3' },
    ],
    [
      'published upstream already',
      target(),
      file({ draft: false, status: 'published' }),
      { kind: 'skip', reason: 'published upstream already' },
    ],
    [
      'an unmerged draft is not "deleted"',
      target(),
      null,
      { kind: 'skip', reason: 'not on this branch' },
    ],
    [
      'a deleted published file is kept without the flag',
      target(LIVE),
      null,
      { kind: 'skip', reason: 'deleted here (publish --archive-deleted archives it)' },
    ],
    [
      'archived already',
      target({ ...LIVE, archivedAt: LIVE.publishedAt }),
      null,
      { kind: 'skip', reason: 'not on this branch' },
    ],
  ] as const)('%s', (_, t, text, expected) => {
    expect(decidePublish(t, text, false)).toEqual(expected);
  });

  it('archives a deleted published file with the flag', () => {
    expect(decidePublish(target(LIVE), null, true)).toEqual({ kind: 'archive' });
  });

  it.each([
    ['another item', file({ draft: false, itemId: 'item_2' }), /another item/],
    ['no robowrite block', '---\ndraft: false\n---\nBody\n', /lacks/],
    ['a YAML error', '---\ndraft: [\n---\nBody\n', /cannot be read/],
  ])('fails alone on %s', (_, text, reason) => {
    const decision = decidePublish(target(), text, true);
    expect(decision.kind).toBe('fail');
    expect(decision.kind === 'fail' && decision.reason).toMatch(reason);
  });
});
