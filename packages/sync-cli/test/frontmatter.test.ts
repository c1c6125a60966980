import fc from 'fast-check';
import matter from 'gray-matter';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  type MarkdownFile,
  normalizeBody,
  parseLikeAstro,
  renderMarkdown,
} from '../src/sync/frontmatter.ts';

/**
 * The files are also read by tools other than Astro (editors, other site generators, scripts),
 * most of them through gray-matter: read back as they would, with an explicit js-yaml 4 engine
 * (not its bundled js-yaml 3) and options on every call, which bypasses its shared result cache.
 */
function parseWithGrayMatter(text: string): MarkdownFile {
  const file = matter(text, {
    language: 'yaml',
    delimiters: '---',
    engines: { yaml: (input: string) => (jsYaml.load(input) ?? {}) as object },
  });
  return { data: file.data as Record<string, unknown>, body: file.content };
}

const tricky = [
  'yes',
  'No',
  'null',
  '~',
  'true',
  '2026-01-01',
  '2026-01-01T00:00:00Z',
  '12:30',
  '0o17',
  '0x1F',
  '1_000',
  '1e3',
  '.inf',
  '-.nan',
  '<<',
  'a: b',
  '# not a comment',
  '---',
  '- item',
  '"quoted"',
  "it's",
  'line1\nline2',
  'trailing space ',
  '🎉 emoji',
  'שלום עולם',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '{ flow: map }',
  '[flow, seq]',
  '|',
  '>',
  'tab\there',
  '\u0000nul',
  '\u2028line separator',
  '\uFEFFbom',
];

function frontmatter(title: string, tags: string[]) {
  return { title, slug: 'x', tags, robowrite: { seo: { keywords: tags } } };
}

describe('frontmatter', () => {
  it('writes YAML that Astro and gray-matter read back exactly, for tricky strings', () => {
    for (const value of tricky) {
      const text = renderMarkdown(frontmatter(value, [value, 'plain']), `Body ${value}`);
      expect(parseLikeAstro(text).data).toEqual(frontmatter(value, [value, 'plain']));
      expect(parseWithGrayMatter(text).data.title).toBe(value);
    }
  });

  it('is deterministic: LF, one trailing newline, no folding, double quotes where typed', () => {
    const long = 'word '.repeat(60).trim();
    const text = renderMarkdown(
      { title: long, date: '2026-01-01', n: 3, flag: true },
      'a\r\nb\n\n\n',
    );
    expect(text).toBe(`---\ntitle: ${long}\ndate: "2026-01-01"\n"n": 3\nflag: true\n---\na\nb\n`);
    expect(renderMarkdown({ title: long }, 'x')).toBe(renderMarkdown({ title: long }, 'x'));
  });

  it('keeps a body that itself begins with --- as body', () => {
    const body = '---\ntitle: injected\n---\nreal text';
    const text = renderMarkdown({ title: 't' }, body);
    expect(parseLikeAstro(text)).toEqual({ data: { title: 't' }, body: `${body}\n` });
    expect(parseWithGrayMatter(text).body).toBe(`${body}\n`);
  });

  it('writes shared objects twice instead of with anchors', () => {
    const shared = ['a', 'b'];
    const text = renderMarkdown({ tags: shared, categories: shared }, '');
    expect(text).not.toMatch(/[&*]/);
  });

  it('normalizes a body exactly as the regular-expression form did (property)', () => {
    const reference = (body: string) => {
      const lf = body.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
      return lf === '' ? '' : `${lf}\n`;
    };
    const bodyArb = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc
        .array(fc.constantFrom('a', 'b c', '\n', '\r', '\r\n', '\n\n', ' ', '\t', '🎉'), {
          maxLength: 20,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(bodyArb, (body) => {
        expect(normalizeBody(body)).toBe(reference(body));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any title, body and tag string (property)', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...tricky),
      fc
        .array(fc.constantFrom('---', ':', '\n', ' ', '#', '"', "'", 'yes', '1', '-', '🎉', 'ש'), {
          maxLength: 12,
        })
        .map((parts) => parts.join('')),
    );
    // Lone surrogates cannot be stored as UTF-8 at all; everything else must survive.
    const storable = anyString.filter((s) => !/[\uD800-\uDFFF]/u.test(s));
    fc.assert(
      fc.property(storable, storable, fc.array(storable, { maxLength: 4 }), (title, body, tags) => {
        const data = frontmatter(title, tags);
        const text = renderMarkdown(data, body);
        const astro = parseLikeAstro(text);
        expect(astro.data).toEqual(data);
        expect(astro.body).toBe(normalizeBody(body));
        const gray = parseWithGrayMatter(text);
        expect(gray.data).toEqual(data);
        expect(gray.body).toBe(normalizeBody(body));
        if (!/[\r]/.test(body))
          expect(astro.body.replace(/\n$/, '')).toBe(body.replace(/\n+$/, ''));
      }),
      { numRuns: 500 },
    );
  });
});
