// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText() is the rendered text, what a reader sees, which is the point here.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DRAFT_STATUSES, type Draft, RoboWrite, toDraft } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  copyBlog,
  type SiteServer,
  serveBuiltSite,
  siteEnv,
} from './support/blog-site.ts';
import { requireChromium } from './support/chromium.ts';
import { cliPull } from './support/cli-pull.ts';

const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const CHROMIUM = requireChromium();
const BADGES: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};

describe('examples/blog in headless Chromium', () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let site: string;
  let server: SiteServer;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;
  let drafts: Draft[];

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobDurationMs: 30, rateLimit: false });
    const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url });
    drafts = [];
    // The loader's default statuses: the same the CLI pulls.
    for (const status of DEFAULT_DRAFT_STATUSES) {
      for await (const item of client.content.list({ status })) {
        drafts.push(
          toDraft(await client.content.retrieve(item.id, { include: ['scoring', 'sources'] })),
        );
      }
    }
    site = await copyBlog();
    const env = siteEnv(emu);
    await cliPull(site, env, ['in_review']);
    const build = await astroBuild(site, env);
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
    server = await serveBuiltSite(site, env);
    userDataDir = await mkdtemp(join(tmpdir(), 'robowrite-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1000, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await emu?.close();
    for (const dir of [site, userDataDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the index shows each draft with its status, score and date', async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Drafts · RoboWrite blog');
    const cards = page.locator('section').first().locator('.post-card');
    await expect(cards.count()).resolves.toBe(drafts.length);
    for (const draft of drafts) {
      const card = cards.filter({ hasText: draft.title });
      await expect(card.count()).resolves.toBe(1);
      const badge = (await card.locator('.badge').innerText()).trim();
      expect(badge).toBe(BADGES[draft.status]);
      if (typeof draft.scoring?.score === 'number') {
        await expect(card.locator('.score').innerText()).resolves.toBe(
          `Score ${Math.round(draft.scoring.score)}`,
        );
      }
      await expect(card.locator('time').getAttribute('datetime')).resolves.toBe(
        new Date(draft.createdAt).toISOString(),
      );
    }
    const synced = page.locator('section').nth(1);
    await expect(synced.locator('h2').innerText()).resolves.toBe('RoboWrite, synced into git 1');
    await expect(synced.locator('.post-card h3').innerText()).resolves.toBe(
      drafts.find((draft) => draft.status === 'in_review')?.title,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'blog-index.png'), fullPage: true });
  });

  it('a reader follows a title to the post: body, tags and numbered sources', async () => {
    // A structured_only draft: its body has no Sources section, so the page adds the list.
    const cited = drafts.find(
      (draft) => (draft.sources ?? []).length > 0 && !/^## Sources$/m.test(draft.body),
    );
    if (!cited) throw new Error('the demo fixture has a structured_only draft with sources');
    await page.goto(`${server.url}/`);
    await page.locator('section').first().getByRole('link', { name: cited.title }).click();
    await page.waitForURL(`**/api/${cited.slug}/`);

    await expect(page.locator('h1').innerText()).resolves.toBe(cited.title);
    const prose = page.locator('.prose');
    await expect(prose.locator('h2').count()).resolves.toBeGreaterThan(0);
    const paragraphs = await prose.locator('p').allInnerTexts();
    expect(paragraphs.join(' ').split(/\s+/).length).toBeGreaterThan(100);
    await expect(page.locator('.tags li').allInnerTexts()).resolves.toEqual(cited.tags);

    const sources = page.locator('.sources ol li');
    const sourceLinks = await sources
      .locator('a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(sourceLinks).toEqual((cited.sources ?? []).map((source) => source.url));
    const numbers = await sources.evaluateAll((items) =>
      items.map((item) => (item as HTMLLIElement).value),
    );
    expect(numbers).toEqual((cited.sources ?? []).map((source, i) => source.marker ?? i + 1));
    await page.screenshot({ path: join(SCREENSHOTS, 'blog-post.png'), fullPage: true });
  });

  it('the live preview page renders a draft on demand, straight from the API', async () => {
    const target = drafts[0] as Draft;
    const response = await page.goto(`${server.url}/preview/${target.id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe(target.title);
    await expect(page.locator('.prose h2').count()).resolves.toBeGreaterThan(0);

    const missing = await page.goto(`${server.url}/preview/no-such-draft/`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Preview unavailable');
  });
});
