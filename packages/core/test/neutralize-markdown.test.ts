import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { asCodeBlock, clearlyNothingToEdit, findEdits } from '../src/draft/neutralize-markdown.ts';
import { isSafeUrl, neutralizeMarkdown } from '../src/index.ts';

// Issue 10, item 3: "API HTML and URLs reach the built site". A draft body is AI output that can
// carry injected content from its sources; nothing in it may run in a reader's browser.
const neutral = (markdown: string) => neutralizeMarkdown(markdown);

describe('neutralizeMarkdown: API HTML reaches the built site (issue 10 #3)', () => {
  it('escapes a <script> block and inline script tags so they show as text', () => {
    expect(neutral("<script>alert('block')</script>\n")).toBe(
      "&lt;script>alert('block')&lt;/script>\n",
    );
    expect(neutral('Intro <script>alert(1)</script> inline.\n')).toBe(
      'Intro &lt;script>alert(1)&lt;/script> inline.\n',
    );
  });

  it('escapes an <img onerror> and inline HTML in paragraphs', () => {
    expect(neutral('<img src=x onerror="alert(2)">\n')).toBe('&lt;img src=x onerror="alert(2)">\n');
    expect(neutral('Some <b onmouseover="x()">bold</b> text.')).toBe(
      'Some &lt;b onmouseover="x()">bold&lt;/b> text.',
    );
  });

  it('escapes HTML blocks, comments and HTML inside lists and quotes', () => {
    const body = '<div class="x">\n\n*kept*\n\n</div>\n\n<!-- <script>x</script> -->\n';
    expect(neutral(body)).toBe(
      '&lt;div class="x">\n\n*kept*\n\n&lt;/div>\n\n&lt;!-- &lt;script>x&lt;/script> -->\n',
    );
    expect(neutral('- item <iframe src="https://x"></iframe>\n> <svg onload=alert(1)>\n')).toBe(
      '- item &lt;iframe src="https://x">&lt;/iframe>\n> &lt;svg onload=alert(1)>\n',
    );
  });

  it('points javascript:, data: and vbscript: links and images to #', () => {
    expect(neutral('[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:msgbox(1))')).toBe(
      '[a](#) [b](#) [c](#)',
    );
    expect(neutral('![pic](javascript:alert(7) "title") ![d](data:image/svg+xml,<svg>)')).toBe(
      '![pic](# "title") ![d](#)',
    );
    expect(neutral('[angle](<javascript:alert(1)>)')).toBe('[angle](<#>)');
  });

  it('catches mixed case, entity-encoded, escaped and whitespace-hidden schemes', () => {
    expect(neutral('[a](JaVaScRiPt:alert(1))')).toBe('[a](#)');
    expect(neutral('[a](jav&#x61;script:alert(1))')).toBe('[a](#)');
    expect(neutral('[a](javascript&colon;alert(1))')).toBe('[a](#)');
    expect(neutral('[a](java\\script:alert(1))')).toBe('[a](#)');
    expect(neutral('[a](<java\tscript:alert(1)>)')).toBe('[a](<#>)');
    expect(neutral('[a](&#0001;javascript:alert(1))')).toBe('[a](#)');
  });

  it('neutralises reference definitions, and every reference to them with it', () => {
    expect(neutral('[ref] and ![img][ref]\n\n[ref]: javascript:alert(9) "t"\n')).toBe(
      '[ref] and ![img][ref]\n\n[ref]: # "t"\n',
    );
  });

  it('turns an unsafe autolink into text and keeps safe ones', () => {
    expect(neutral('<javascript:alert(8)> <DATA:text/html,x>')).toBe(
      '&lt;javascript:alert(8)> &lt;DATA:text/html,x>',
    );
    const safe = '<https://example.com/a> <mailto:a@b.test> <a@b.test> www.example.com';
    expect(neutral(safe)).toBe(safe);
  });

  it('leaves code spans and fenced or indented code containing <script> untouched', () => {
    const body = [
      'Use `<script>alert(1)</script>` with care.',
      '',
      '```html',
      '<script>fenced</script>',
      '[x](javascript:alert(1))',
      '```',
      '',
      '    <img src=x onerror=alert(1)>',
      '',
    ].join('\n');
    expect(neutral(body)).toBe(body);
  });

  it('keeps benign Markdown byte-identical, GFM included', () => {
    const body = [
      '# Title',
      '',
      'A paragraph with **bold**, _em_, ~~gone~~, a [link](https://example.com "t"), a',
      '[relative one](/docs/a?b=c#d), [mail](mailto:a@b.test), a footnote[^1] and 3 < 4 > 2.',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '- [x] done',
      '- [ ] todo',
      '',
      '![chart](./chart.png)',
      '',
      '[^1]: A note.',
      '',
      '## Sources',
      '',
      '1. [Stanford WFH Study](https://stanford.edu/wfh)',
      '',
    ].join('\r\n');
    expect(neutral(body)).toBe(body);
  });

  it('allowRawHtml keeps raw HTML but still defuses Markdown URLs', () => {
    const body = '<div onclick="x()">hi</div>\n\n[a](javascript:alert(1))\n';
    expect(neutralizeMarkdown(body, { allowRawHtml: true })).toBe(
      '<div onclick="x()">hi</div>\n\n[a](#)\n',
    );
  });

  it('is idempotent: a neutralised body comes back unchanged', () => {
    const body = '<script>x</script>\n\nA <i>b</i> [c](javascript:d) <vbscript:e>\n';
    const once = neutral(body);
    expect(neutral(once)).toBe(once);
  });
});

describe('isSafeUrl', () => {
  it('allows http(s), mailto and relative URLs only', () => {
    for (const url of ['https://a.test', 'HTTP://a.test', 'mailto:a@b.test', '/a', '#x', '']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
    for (const url of ['//a.test/x', 'a/b:c', '?q=a:b']) expect(isSafeUrl(url), url).toBe(true);
    const unsafe = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'jav&#x61;script:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ];
    for (const url of unsafe) expect(isSafeUrl(url), url).toBe(false);
  });
});

describe('asCodeBlock (the fuse when passes do not settle)', () => {
  it('fences the body longer than any backtick run in it', () => {
    expect(asCodeBlock('a ```` b <script>')).toBe('`````text\na ```` b <script>\n`````\n');
  });
});

describe('neutralizeMarkdown on bodies built from hostile fragments (property)', () => {
  // Fragments that open, close and nest HTML, code, links, containers and tables, so the
  // generated bodies hit the cases where escaping one span changes how the rest parses.
  const FRAGMENTS = [
    '<',
    '>',
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    '<div>',
    '</div>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<?',
    '?>',
    '<!X',
    '`',
    '```',
    '~~~',
    '    ',
    '\n',
    '\n\n',
    '> ',
    '- ',
    '1. ',
    '[',
    ']',
    '(',
    ')',
    '![',
    'javascript:alert(1)',
    'jav&#x61;script:x',
    '&colon;',
    ':',
    '"',
    "'",
    '\\',
    '[a]: ',
    '[a]',
    '|',
    '| - |',
    'www.x.test',
    'https://x.test',
    '<javascript:x>',
    '<https://x.test>',
    ' ',
    'text',
    '*',
    '_',
    '#',
    '&lt;',
    '&',
    '\t',
    '[^1]',
    '[^1]: ',
    '<a href="javascript:x">',
    '<textarea>',
    '<pre>',
    '</pre>',
    '<svg/onload=alert(1)>',
  ];
  const body = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((f) => f.join(''));

  it('leaves nothing to neutralise: a second pass changes nothing', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        const once = neutralizeMarkdown(markdown);
        expect(neutralizeMarkdown(once)).toBe(once);
      }),
      { numRuns: 1000, seed: 103 },
    );
  });

  it('renders, even with raw HTML and every protocol allowed, to nothing that runs', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        const html = micromark(neutralizeMarkdown(markdown), {
          allowDangerousHtml: true,
          allowDangerousProtocol: true,
          extensions: [gfm()],
        });
        const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
        for (const tag of tags) {
          expect(tag).not.toMatch(/^<(script|div|svg|textarea|!)|\son\w+\s*=/i);
          expect(tag).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
        }
      }),
      { numRuns: 1000, seed: 103 },
    );
  });
});

describe('neutralizeMarkdown: the check that skips the parse', () => {
  // Near misses of a safe destination: each must fall back to the parse.
  const FRAGMENTS = [
    '[a](https://x.test)',
    '[a](http://x.test "t")',
    '[a](mailto:a@x.test)',
    '[a](#top)',
    '[a](/page)',
    '[a](?q=1)',
    '[a]: https://x.test',
    '[a]:\n  /page',
    '](',
    ']:',
    ']( ',
    '](\n',
    '\n> ',
    '> ',
    'javascript:x)',
    'jav&#x61;script:x',
    'https:',
    '//x',
    'page.md',
    '.javascript:x',
    '[^1]: ',
    '![i](',
    '(',
    ')',
    '[',
    ']',
    ':',
    '\\',
    '&#58;',
    ' ',
    '\t',
    '\n',
    'text',
    '|',
    '| - |',
    '```',
  ];
  const body = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((f) => f.join(''));

  it('says "nothing to edit" only where the parse finds nothing to edit', () => {
    let skipped = 0;
    fc.assert(
      fc.property(body, (markdown) => {
        if (!clearlyNothingToEdit(markdown)) return;
        skipped++;
        expect(findEdits(markdown, {})).toEqual([]);
      }),
      { numRuns: 3000, seed: 7 },
    );
    // The property would hold vacuously if the check never said yes.
    expect(skipped).toBeGreaterThan(100);
  });

  it('passes typical drafts (safe links, no HTML) and sends the rest to the parse', () => {
    const typical =
      '# Title\n\nSee [the guide](https://x.test/a) and [home](/).\n\n[ref]: #notes\n';
    expect(clearlyNothingToEdit(typical)).toBe(true);
    expect(neutralizeMarkdown(typical)).toBe(typical);
    for (const unsafe of [
      '[a](javascript:alert(1))',
      '[a]( \njavascript:x)',
      '[a]:\n> javascript:x',
      '[a](.javascript:x)',
      'x <b>y</b>',
    ]) {
      expect(clearlyNothingToEdit(unsafe)).toBe(false);
    }
  });
});
