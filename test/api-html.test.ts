import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  copyBlog,
  type RunResult,
  type SiteServer,
  serveBuiltSite,
  siteEnv,
} from './support/blog-site.ts';
import { cliPull } from './support/cli-pull.ts';
import { HOSTILE_ITEM, HOSTILE_SLUG } from './support/hostile-draft.ts';
import { pageText, unsafeMarkup } from './support/html.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The benign parts of the hostile draft, which must still reach the page. */
function expectBenignContent(html: string): void {
  const text = pageText(html);
  expect(text).toContain('Benign heading');
  expect(text).toContain('A benign paragraph stays');
  expect(text).toContain('Emphasis inside an HTML block.');
  expect(html).toContain('href="https://example.com/safe"');
  expect(html).toContain('href="https://example.com/good"');
  // The payload shows as text (smartypants curls its quotes), code as code.
  expect(text).toMatch(/<script>alert\(.block.\)<\/script>/);
  expect(text).toContain('<img src=x onerror=');
  expect(text).toContain('<script>alert(11)</script>');
}

// Issue 10, item 3: "API HTML and URLs reach the built site". The hostile draft goes through
// both build paths (the CLI's file read by glob(), and robowriteLoader) and the live preview.
describe('API HTML and URLs reach the built site (issue 10.3): astro build of examples/blog', () => {
  let emu: Emulator;
  let site: string;
  let build: RunResult;
  let server: SiteServer | undefined;
  let itemId: string;

  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      jobDurationMs: 30,
      rateLimit: false,
      craftedItems: [HOSTILE_ITEM],
    });
    const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url });
    const listed = (await client.content.list({ status: 'in_review' })).items;
    itemId = listed.find((item) => item.slug === HOSTILE_SLUG)?.id ?? '';
    site = await copyBlog();
    await cliPull(site, siteEnv(emu), ['in_review']);
    build = await astroBuild(site, siteEnv(emu));
    if (build.code === 0) server = await serveBuiltSite(site, siteEnv(emu));
  });
  afterAll(async () => {
    await server?.close();
    await emu?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  const page = (path: string) => readFile(join(site, 'dist/client', path, 'index.html'), 'utf8');

  it('builds the site with the hostile draft in both collections', () => {
    expect(build.code, build.output).toBe(0);
    expect(itemId).not.toBe('');
  });

  it('the file the CLI wrote is already safe: raw HTML escaped, bad URLs gone', async () => {
    const file = await readFile(join(site, 'src/content/robowrite', `${HOSTILE_SLUG}.md`), 'utf8');
    expect(file).toContain("&lt;script>alert('block')&lt;/script>");
    expect(file).toContain('[js](#)');
    expect(file).not.toContain('javascript:alert(5)');
    expect(file).not.toContain('alert(13)');
    // Code keeps its text.
    expect(file).toContain('`<script>alert(11)</script>`');
  });

  it('the loader page (robowriteLoader) runs nothing from the API', async () => {
    const html = await page(`api/${HOSTILE_SLUG}`);
    expect(unsafeMarkup(html)).toEqual([]);
    expectBenignContent(html);
  });

  it('the synced page (CLI file, glob() loader) runs nothing from the API', async () => {
    const html = await page(`synced/${HOSTILE_SLUG}`);
    expect(unsafeMarkup(html)).toEqual([]);
    expectBenignContent(html);
  });

  it('no built HTML page carries <script>, on*= or a javascript:/data:/vbscript: URL', async () => {
    const dir = join(site, 'dist/client');
    const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const file of pages) {
      expect(unsafeMarkup(await readFile(join(dir, file), 'utf8')), file).toEqual([]);
    }
  });

  it('the live preview (robowriteLiveLoader, set:html) runs nothing from the API', async () => {
    if (!server) throw new Error('the site did not build');
    const response = await fetch(`${server.url}/preview/${itemId}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(unsafeMarkup(html)).toEqual([]);
    expectBenignContent(html);
  });
});
