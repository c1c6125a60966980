import { type Draft, toFrontmatter } from '@robowrite/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitSimpleFrontmatter } from '../src/sync/fast-frontmatter.ts';
import {
  looksTyped,
  parseLikeAstro,
  renderMarkdown,
  stringifyFrontmatter,
  stringifyWithYaml,
} from '../src/sync/frontmatter.ts';

/** Strings a YAML writer can get wrong: indicators, typed look-alikes, breaks, odd unicode. */
const HOSTILE = [
  '',
  ' ',
  'a: b',
  'a:b',
  'ends with colon:',
  'trailing ',
  ' leading',
  'x #y',
  'x#y',
  '# comment',
  '-',
  '- item',
  '-dash',
  '?',
  '? q',
  '?q',
  '!tag',
  '&anchor',
  '*alias',
  '|',
  '>',
  '%directive',
  '@at',
  '`tick',
  "'single'",
  "it's",
  '"double"',
  'say "hi"',
  'back\\slash',
  '[flow]',
  '{map}',
  ',comma',
  'a, b',
  '---',
  '...',
  '1',
  '-1',
  '+1',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '12:30',
  '2026-01-01',
  '.inf',
  '.nan',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'N',
  'true',
  'False',
  'null',
  'NULL',
  'Null',
  '~',
  '<<',
  '=',
  'line1\nline2',
  'tab\there',
  'cr\rhere',
  '\u0000nul',
  '\u0007bell',
  '\u007fdel',
  '\u0085nel',
  '\u00a0nbsp',
  '\u2028ls',
  'a\u2029ps',
  '\ufeffbom',
  // Outside YAML's printable set: written raw, js-yaml (Astro's reader) refuses the file.
  '\ufffe',
  'non\uffffchar',
  '🎉 emoji',
  'emoji 🎉',
  'שלום עולם',
  'café',
  'naïve — dash',
  'https://example.com/a?b=c#d',
  'mailto:x@example.com',
  'x'.repeat(500),
  `${'word '.repeat(80)}end`,
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(fc.constantFrom(...HOSTILE.filter((s) => s.length < 20), 'plain', ' ', ':', '#', '-'), {
      maxLength: 5,
    })
    .map((parts) => parts.join('')),
);
/** Realistic text: words, spaces and some punctuation, which the fast path must mostly take. */
const proseString = fc
  .array(fc.constantFrom('Astro', 'content', "writer's", 'guide', '2026', '(part', '1)', '—'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((words) => words.join(' '));
const anyString = fc.oneof(hostileString, proseString);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const draftArb: fc.Arbitrary<Draft> = fc.record({
  provider: fc.constantFrom('robowrite', 'writerzroom', 'writer'),
  id: anyString,
  versionId: nullable(anyString),
  versionNumber: nullable(fc.integer()),
  slug: anyString,
  title: anyString,
  status: anyString,
  body: fc.constant(''),
  excerpt: nullable(anyString),
  seoTitle: nullable(anyString),
  seoDescription: nullable(anyString),
  seoKeywords: fc.array(anyString, { maxLength: 4 }),
  tags: fc.array(anyString, { maxLength: 4 }),
  categories: fc.array(anyString, { maxLength: 3 }),
  authorId: nullable(anyString),
  wordCount: nullable(fc.integer({ min: 0, max: 1e6 })),
  createdAt: anyString,
  updatedAt: anyString,
  scoring: nullable(
    fc.record({
      score: nullable(fc.double({ noNaN: true })),
      metrics: fc.dictionary(anyString, fc.oneof(fc.integer(), fc.double()), { maxKeys: 3 }),
      warnings: fc.array(anyString, { maxLength: 3 }),
    }),
  ),
  sources: nullable(
    fc.array(
      fc.record({
        marker: nullable(fc.integer()),
        name: nullable(anyString),
        url: fc.oneof(anyString, fc.constantFrom('https://example.com/x', '/relative')),
      }),
      { maxLength: 4 },
    ),
  ),
});

/** Keys: mostly identifiers (the fast path's), sometimes anything. */
const keyArb = fc.oneof(
  {
    arbitrary: fc.constantFrom('key', 'a_b', 'x1', 'title', 'Tags', '_x', 'yes', 'null'),
    weight: 4,
  },
  { arbitrary: anyString, weight: 1 },
);

/** Any JSON-like value, nested: maps and lists in each other, empty ones included. */
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    anyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(keyArb, tie('tree'), { maxKeys: 4 }),
  ),
}));

/** The fast emitter's text, when it takes the data, must be exactly `yaml`'s. */
function checkSame(data: Record<string, unknown>, taken: { count: number }): void {
  const fast = emitSimpleFrontmatter(data, looksTyped);
  if (fast === undefined) return;
  taken.count++;
  expect(fast).toBe(stringifyWithYaml(data));
}

describe('fast frontmatter emitter', () => {
  it('writes the same bytes as yaml for entries made from hostile drafts (property)', () => {
    const taken = { count: 0 };
    fc.assert(
      fc.property(draftArb, (draft) => {
        checkSame(JSON.parse(JSON.stringify(toFrontmatter(draft))), taken);
      }),
      { numRuns: 3000, seed: 14 },
    );
    // Not vacuous: a good share of entries take the fast path.
    expect(taken.count).toBeGreaterThan(300);
  });

  it('writes the same bytes as yaml for any nested map (property)', () => {
    const taken = { count: 0 };
    fc.assert(
      fc.property(fc.dictionary(keyArb, tree), (data) => {
        checkSame(data, taken);
      }),
      { numRuns: 3000, seed: 10 },
    );
    // Many trees hold a value the fast path refuses (NaN, -0, a line break); enough do not.
    expect(taken.count).toBeGreaterThan(200);
  });

  it('takes a realistic entry and still reads back with Astro', () => {
    const data = {
      title: "Writer's guide: part 2",
      slug: 'writers-guide-2',
      pubDate: '2026-03-01T10:00:00.000Z',
      tags: ['astro', 'seo audit'],
      categories: [],
      draft: true,
      robowrite: {
        versionNumber: 3,
        jobId: null,
        scoring: { score: 81.5, metrics: { geo_score: 70 }, warnings: [] },
        sources: [{ marker: 1, name: 'MDN', url: 'https://developer.mozilla.org/' }, {}],
      },
    };
    const fast = emitSimpleFrontmatter(data, looksTyped);
    expect(fast).toBe(stringifyWithYaml(data));
    expect(fast).toContain('title: "Writer\'s guide: part 2"\n');
    expect(fast).toContain('  sources:\n    - marker: 1\n      name: MDN\n');
    expect(parseLikeAstro(renderMarkdown(data, 'body')).data).toEqual(data);
  });

  it('leaves what it does not handle to yaml, whole', () => {
    // U+FFFE and U+FFFF are outside YAML's printable set: `yaml` escapes them, js-yaml refuses them raw.
    const nonPrintable = [{ t: '\ufffe' }, { tags: ['a\uffffb'] }];
    for (const data of [
      {},
      { 'a b': 1 },
      { yes: 1 },
      { t: 'line\nbreak' },
      { n: -0 },
      ...nonPrintable,
    ]) {
      expect(emitSimpleFrontmatter(data, looksTyped)).toBeUndefined();
      expect(stringifyFrontmatter(data)).toBe(stringifyWithYaml(data));
    }
    expect(emitSimpleFrontmatter({ list: [['nested']] }, looksTyped)).toBeUndefined();
    expect(emitSimpleFrontmatter({ when: new Date(0) }, looksTyped)).toBeUndefined();
  });
});
