import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNames, safeStem } from '../src/sync/naming.ts';

describe('safeStem', () => {
  it('never yields separators, dot segments, control characters or reserved names', () => {
    const hostile = [
      '../../etc/passwd',
      '..',
      '.',
      '.hidden',
      'a/b\\c',
      'nul',
      'CON',
      'com1',
      'tab\tand\u0000nul\u001b[31m',
      '   ',
      '',
      'C:\\Windows\\system32',
      '-leading-and-trailing-',
      '%2e%2e%2f',
    ];
    for (const slug of hostile) {
      const stem = safeStem(slug);
      expect(stem).not.toMatch(/[/\\\p{Cc}]/u);
      expect(stem).not.toMatch(/^\.|\.\.|^-|-$/);
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(stem.length).toBeGreaterThan(0);
    }
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('Remote Work: A Guide')).toBe('remote-work-a-guide');
  });

  it('normalizes Unicode and bounds length without splitting graphemes', () => {
    expect(safeStem('cafe\u0301')).toBe('café'.normalize('NFC'));
    const word = 'नमस्ते'.repeat(40);
    const stem = safeStem(word);
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(96);
    expect(word.startsWith(stem)).toBe(true);
    const boundaries = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(word)].map(
      (s) => s.index,
    );
    expect(boundaries).toContain(stem.length);
  });
});

describe('assignNames', () => {
  it('gives colliding slugs distinct names and slugs independent of list order', () => {
    const items = [
      { id: 'b-2', slug: 'Hello World' },
      { id: 'a-1', slug: 'hello-world' },
      { id: 'c-3', slug: 'hello world!' },
      { id: 'd-4', slug: 'other' },
    ];
    const forward = assignNames(items);
    const backward = assignNames([...items].reverse());
    expect(forward).toEqual(backward);
    const files = [...forward.values()].map((n) => n.file);
    const slugs = [...forward.values()].map((n) => n.slug);
    expect(new Set(files).size).toBe(4);
    expect(new Set(slugs).size).toBe(4);
    expect(forward.get('a-1')?.file).toBe('hello-world.md');
    expect(forward.get('b-2')?.file).toMatch(/^hello-world-[0-9a-f]{8}\.md$/);
  });

  it('lets the item that already holds a name keep it', () => {
    const current = new Map([['b-2', 'hello-world.md']]);
    const names = assignNames(
      [
        { id: 'a-1', slug: 'hello-world' },
        { id: 'b-2', slug: 'hello-world' },
      ],
      current,
    );
    expect(names.get('b-2')?.file).toBe('hello-world.md');
    expect(names.get('a-1')?.file).not.toBe('hello-world.md');
  });
});

describe('suffix collisions', () => {
  it('never hands out a name an item already has as its own slug', async () => {
    const { shortId } = await import('../src/sync/hash.ts');
    const suffixed = `a-${shortId('z-2')}`;
    const names = assignNames([
      { id: 'z-2', slug: 'a' },
      { id: 'a-1', slug: 'a' },
      { id: 'y-3', slug: suffixed },
    ]);
    const files = [...names.values()].map((n) => n.file);
    expect(new Set(files).size).toBe(3);
    expect(names.get('y-3')?.file).toBe(`${suffixed}.md`);
    expect(names.get('z-2')?.file).toMatch(/^a-[0-9a-f]{16}\.md$/);
  });
});

describe('stickiness', () => {
  it('keeps a suffixed name once the item it collided with is gone', () => {
    const both = assignNames([
      { id: 'a-1', slug: 'post' },
      { id: 'b-2', slug: 'post' },
    ]);
    const suffixed = both.get('b-2')?.file as string;
    expect(suffixed).toMatch(/^post-[0-9a-f]{8}\.md$/);
    const alone = assignNames([{ id: 'b-2', slug: 'post' }], new Map([['b-2', suffixed]]));
    expect(alone.get('b-2')?.file).toBe(suffixed);
    // A newcomer with the same slug takes the free plain name.
    const later = assignNames(
      [
        { id: 'b-2', slug: 'post' },
        { id: 'c-3', slug: 'post' },
      ],
      new Map([['b-2', suffixed]]),
    );
    expect(later.get('c-3')?.file).toBe('post.md');
    expect(later.get('b-2')?.file).toBe(suffixed);
  });
});

describe('naming properties', () => {
  const anySlug = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom('..', '.', 'con', 'LPT1', '../x', 'a/b', '\u0000'),
  );

  it('any slug gives a safe, bounded stem', () => {
    fc.assert(
      fc.property(anySlug, (slug) => {
        const stem = safeStem(slug);
        expect(stem).toMatch(/^[\p{L}\p{M}\p{N}_-]+$/u);
        expect(stem).not.toMatch(/^[-_]|[-_]$/);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
        expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(96);
        expect(stem).toBe(stem.normalize('NFC'));
      }),
      { numRuns: 1000 },
    );
  });

  it('names are distinct and do not depend on list order', () => {
    const items = fc.uniqueArray(
      fc.record({ id: fc.uuid(), slug: fc.constantFrom('a', 'A', 'a!', 'b', 'con', '', '..') }),
      { selector: (item) => item.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(items, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = [...list].sort(() => (seeds.next().value % 3) - 1);
        const names = assignNames(list);
        expect(assignNames(shuffled)).toEqual(names);
        const files = [...names.values()].map((n) => n.file);
        expect(new Set(files).size).toBe(list.length);
        expect(new Set([...names.values()].map((n) => n.slug)).size).toBe(list.length);
      }),
    );
  });
});
