import { describe, expect, it } from 'vitest';
import { assignEntryNames, entryNameInput, entryNameSuffix } from '../src/index.ts';

describe('entryNameInput (CLI `filename` and loader `id` resolve here)', () => {
  it.each([
    [{ id: 'item_1', slug: 'remote-work' }, 'slug', { id: 'item_1', slug: 'remote-work' }],
    [{ id: 'item_1', slug: '' }, 'slug', { id: 'item_1', slug: 'item_1' }],
    [{ id: 'item_1', slug: null }, 'slug', null],
    [{ id: 'item_1', slug: 'remote-work' }, 'id', { id: 'item_1', slug: 'item_1' }],
    [{ id: 'item_1', slug: null }, 'id', { id: 'item_1', slug: 'item_1' }],
  ] as const)('%j by %s -> %j', (item, by, expected) => {
    expect(entryNameInput(item, by)).toEqual(expected);
  });
});

describe('assignEntryNames (the collision rule of both paths)', () => {
  const suffix = (id: string) => entryNameSuffix(id);

  it.each([
    [
      'distinct slugs keep their safe names',
      [
        { id: 'b', slug: 'Remote Work' },
        { id: 'a', slug: 'Office' },
      ],
      {},
      { a: 'office', b: 'remote-work' },
    ],
    [
      'on a collision the smallest id keeps the name',
      [
        { id: 'item_b', slug: 'remote-work' },
        { id: 'item_a', slug: 'Remote Work' },
      ],
      {},
      { item_a: 'remote-work', item_b: `remote-work-${suffix('item_b')}` },
    ],
    [
      'the current holder keeps the name',
      [
        { id: 'item_b', slug: 'remote-work' },
        { id: 'item_a', slug: 'Remote Work' },
      ],
      { item_b: 'remote-work' },
      { item_a: `remote-work-${suffix('item_a')}`, item_b: 'remote-work' },
    ],
  ])('%s', (_case, items, current, expected) => {
    const names = assignEntryNames(items, new Map(Object.entries(current)));
    expect(Object.fromEntries(names)).toEqual(expected);
  });

  it('does not depend on the listing order', () => {
    const items = [
      { id: 'item_c', slug: 'same' },
      { id: 'item_a', slug: 'same' },
      { id: 'item_b', slug: 'Same' },
    ];
    const forward = assignEntryNames(items);
    expect(assignEntryNames([...items].reverse())).toEqual(forward);
    expect(new Set(forward.values()).size).toBe(3);
  });
});
