import { neutralizeMarkdown } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robowriteLiveLoader, robowriteLoader } from '../src/index.ts';
import { adminClient, type Emulator, fastEmulator } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';

// Issue 10, item 3: "API HTML and URLs reach the built site". The site's Markdown pipeline
// renders raw HTML and `javascript:` links as they are, so the loaders must hand it a safe body.
const BODY = [
  '## Kept heading',
  '',
  '<script>alert(1)</script>',
  '',
  'Text <img src=x onerror="alert(2)"> and [js](javascript:alert(3)) and ![i](data:image/png,x).',
  '',
  '<jav&#x61;script:alert(4)> and [ref]',
  '',
  '[ref]: vbscript:alert(5)',
  '',
].join('\n');
const SLUG = 'hostile-html';

/** What would run in a reader's browser: script tags, handler attributes, script URLs. */
function expectNothingRuns(html: string | undefined): void {
  expect(html).toContain('<h2');
  expect(html).toContain('Kept heading');
  expect(html).not.toContain('<script');
  expect(html).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(?:href|src)="(?:javascript|data|vbscript):/i);
}

describe('loaders neutralise API HTML and URLs (issue 10 #3)', () => {
  let emu: Emulator;
  let itemId: string;

  beforeAll(async () => {
    emu = await fastEmulator({
      craftedItems: [{ title: 'Hostile HTML', status: 'in_review', markdownBody: BODY }],
    });
    const listed = await adminClient(emu).content.list({ status: 'in_review' });
    const item = listed.items.find((summary) => summary.slug === SLUG);
    if (!item) throw new Error('the emulator lists the crafted item');
    itemId = item.id;
  });
  afterAll(async () => {
    await emu.close();
  });

  it('robowriteLoader stores the neutralised body and renders it', async () => {
    const context = mockContext();
    await robowriteLoader({ apiKey: emu.apiKey, baseURL: emu.url }).load(context);
    const entry = context.entries.get(SLUG);
    expect(entry?.body).toBe(neutralizeMarkdown(BODY));
    expectNothingRuns(entry?.rendered?.html);
  });

  it('robowriteLoader({ allowRawHtml: true }) keeps raw HTML, and turning it off renders again', async () => {
    const context = mockContext();
    const options = { apiKey: emu.apiKey, baseURL: emu.url };
    await robowriteLoader({ ...options, allowRawHtml: true }).load(context);
    const raw = context.entries.get(SLUG);
    expect(raw?.rendered?.html).toContain('<script>alert(1)</script>');
    // Markdown link URLs are checked either way.
    expect(raw?.rendered?.html).not.toMatch(/href="javascript:/);

    await robowriteLoader(options).load(mockContext(context));
    expectNothingRuns(context.entries.get(SLUG)?.rendered?.html);
  });

  it('robowriteLiveLoader renders the neutralised body into rendered.html', async () => {
    const loader = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url });
    const result = await loader.loadEntry({ collection: 'preview', filter: { id: itemId } });
    if (!result || 'error' in result) throw new Error('expected an entry');
    expectNothingRuns(result.rendered?.html);
  });

  it('robowriteLiveLoader({ allowRawHtml: true }) keeps raw HTML', async () => {
    const loader = robowriteLiveLoader({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      allowRawHtml: true,
    });
    const result = await loader.loadEntry({ collection: 'preview', filter: { id: itemId } });
    if (!result || 'error' in result) throw new Error('expected an entry');
    expect(result.rendered?.html).toContain('<script>alert(1)</script>');
  });
});
