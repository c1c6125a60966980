import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_DRAFT_STATUSES, type Draft, RoboWrite, toDraft } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  astroBuild,
  copyBlog,
  filesContaining,
  type RunResult,
  siteEnv,
} from './support/blog-site.ts';
import { cliPull } from './support/cli-pull.ts';
import { pageText } from './support/html.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

// What the loader loads by default: the same statuses the CLI pulls.
const STATUSES = DEFAULT_DRAFT_STATUSES;
/** An item created with POST /content/items and never generated: no draft to show. */
const UNGENERATED_TITLE = 'Hybrid offices that work';

function routeCount(emu: Emulator, match: (route: string) => boolean): number {
  return Object.entries(emu.stats().routes as Record<string, number>)
    .filter(([route]) => match(route))
    .reduce((sum, [, count]) => sum + count, 0);
}
const itemRetrieves = (emu: Emulator) =>
  routeCount(emu, (route) => /^GET \/content\/[^/]+$/.test(route));
const listRequests = (emu: Emulator) => routeCount(emu, (route) => route === 'GET /content');

/** A heading of the body that Markdown renders verbatim (no quotes or dashes for smartypants). */
function plainHeading(draft: Draft): string {
  const heading = /^#{2,3} ([A-Za-z0-9 ,]+)$/m.exec(draft.body)?.[1];
  if (!heading) throw new Error(`no plain heading in ${draft.slug}`);
  return heading;
}

describe('examples/blog: astro build against the emulator', () => {
  let emu: Emulator;
  let site: string;
  let drafts: Draft[];
  let synced: Draft;
  let first: RunResult;
  let ungenerated: { id: string; slug: string };

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobDurationMs: 30, rateLimit: false });
    const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url });
    drafts = [];
    for (const status of STATUSES) {
      for await (const item of client.content.list({ status })) {
        drafts.push(
          toDraft(await client.content.retrieve(item.id, { include: ['scoring', 'sources'] })),
        );
      }
    }
    const property = (await client.properties.list()).items[0];
    if (!property) throw new Error('the demo fixture has a property');
    const brief = await client.briefs.create({ title: 'Hybrid offices', primaryKeyword: 'hybrid' });
    ungenerated = await client.content.create({
      briefId: brief.id,
      propertyId: property.id,
      title: UNGENERATED_TITLE,
    });
    site = await copyBlog();
    // The CLI pulls the in-review draft into the site: the `synced` collection reads that file.
    synced = drafts.find((draft) => draft.status === 'in_review') as Draft;
    await cliPull(site, siteEnv(emu), ['in_review']);
    first = await astroBuild(site, siteEnv(emu));
  });
  afterAll(async () => {
    await emu?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  const page = (path: string) => readFile(join(site, 'dist/client', path, 'index.html'), 'utf8');

  it('builds, syncing every draft, in-review and published draft through the loader', () => {
    expect(first.output).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(new Set(drafts.map((draft) => draft.status))).toEqual(new Set(STATUSES));
    // The never-generated item is left out at list time: it is neither counted nor fetched.
    expect(drafts.map((draft) => draft.id)).not.toContain(ungenerated.id);
    const n = drafts.length;
    expect(first.output).toContain(`synced ${n} items: ${n} fetched, ${n} rendered, 0 removed`);
  });

  it('builds without warnings: the live loader brings no MDX compiler into the server bundle', async () => {
    expect(first.output).not.toMatch(/\[WARN\]|MODULE_LEVEL_DIRECTIVE/);
    const chunks = await readdir(join(site, 'dist/server/chunks'));
    const bundled = await Promise.all(
      chunks.map((chunk) => readFile(join(site, 'dist/server/chunks', chunk), 'utf8')),
    );
    // Source comments name every bundled package: the markdown renderer is there; the MDX
    // compiler and acorn, which only its MDX processor imports, are not.
    expect(bundled.some((text) => text.includes('/@astrojs/markdown-remark/'))).toBe(true);
    expect(bundled.filter((text) => /\/(@mdx-js\/mdx|acorn)\//.test(text))).toEqual([]);
  });

  it('lists every draft on the index with its status badge, score and date', async () => {
    const html = await page('');
    const text = pageText(html);
    for (const draft of drafts) {
      expect(text).toContain(draft.title);
      expect(html).toContain(`href="/api/${draft.slug}/"`);
    }
    expect(html).toContain('class="badge badge-published"');
    expect(html).toContain('class="badge badge-in_review"');
    expect(html).toContain('class="badge badge-draft"');
    expect(text).not.toContain(UNGENERATED_TITLE);
    expect(html).not.toContain(`href="/api/${ungenerated.slug}/"`);
    const scored = drafts.find((draft) => typeof draft.scoring?.score === 'number');
    if (scored?.scoring?.score == null) throw new Error('the demo fixture has scored drafts');
    expect(text).toContain(`Score ${Math.round(scored.scoring.score)}`);
    expect(html).toContain(`datetime="${new Date(scored.createdAt).toISOString()}"`);
  });

  it('renders each post page: title, body, tags and numbered sources', async () => {
    for (const draft of drafts) {
      const html = await page(`api/${draft.slug}`);
      const text = pageText(html);
      expect(text).toContain(draft.title);
      expect(text).toContain(plainHeading(draft));
      for (const tag of draft.tags) expect(text).toContain(tag);
      for (const source of draft.sources ?? []) {
        expect(html).toContain(`href="${source.url}"`);
      }
    }
    // A structured_only body has no Sources section: the page adds the numbered list.
    const cited = drafts.find(
      (draft) => (draft.sources ?? []).length > 0 && !/^## Sources$/m.test(draft.body),
    );
    if (!cited) throw new Error('the demo fixture has a structured_only draft with sources');
    const html = await page(`api/${cited.slug}`);
    const list = /<section class="sources"[^>]*>[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(html)?.[1];
    const numbers = [...(list ?? '').matchAll(/<li value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual((cited.sources ?? []).map((source, i) => source.marker ?? i + 1));
    // An inline body brings its own numbered Sources section: the page shows it once, not twice.
    const inline = drafts.find((draft) => /^## Sources$/m.test(draft.body));
    if (!inline) throw new Error('the demo fixture has an inline-cited draft');
    const inlineHtml = await page(`api/${inline.slug}`);
    expect(inlineHtml.match(/<h2[^>]*>\s*Sources\s*<\/h2>/g)).toHaveLength(1);
    expect(inlineHtml).not.toContain('<section class="sources"');
  });

  it('renders the file the CLI synced through the same template', async () => {
    const text = pageText(await page(`synced/${synced.slug}`));
    expect(text).toContain(synced.title);
    expect(text).toContain(plainHeading(synced));
    expect(text).toContain('RoboWrite, synced into git');
    expect(pageText(await page(''))).toMatch(/RoboWrite, synced into git\s*1\b/);
  });

  it('a second build makes only the list requests and re-renders nothing', async () => {
    const retrievesBefore = itemRetrieves(emu);
    const listsBefore = listRequests(emu);

    const second = await astroBuild(site, siteEnv(emu));

    expect(second.code, second.output).toBe(0);
    expect(itemRetrieves(emu)).toBe(retrievesBefore);
    expect(listRequests(emu) - listsBefore).toBe(STATUSES.length);
    expect(second.output).toContain(
      `synced ${drafts.length} items: 0 fetched, 0 rendered, 0 removed`,
    );
    for (const draft of drafts) {
      expect(pageText(await page(`api/${draft.slug}`))).toContain(plainHeading(draft));
    }
  });

  it('leaves the API key nowhere in the output, the .astro folder or the content cache', async () => {
    for (const dir of ['dist', '.astro', 'node_modules/.astro']) {
      expect(await filesContaining(join(site, dir), emu.apiKey)).toEqual([]);
    }
    expect(await filesContaining(join(site, 'dist'), '<h1')).not.toEqual([]);
  });
});

describe('examples/blog: a build whose API fails', () => {
  it('stops with one readable line naming the failure, without the key or a stack', async () => {
    const emu = await startEmulator({ port: 0, rateLimit: false });
    const site = await copyBlog();
    try {
      const wrongKey = `${emu.apiKey}x`;
      const result = await astroBuild(site, siteEnv({ url: emu.url, apiKey: wrongKey }));
      expect(result.code).not.toBe(0);
      const line = result.output
        .split('\n')
        .find((text) => text.includes('RoboWrite sync of collection'));
      expect(line).toMatch(/RoboWrite sync of collection "api" failed: 401 GET \/content/);
      expect(result.output).not.toContain(wrongKey);
      expect(result.output).not.toMatch(/^\s+at /m);
    } finally {
      await emu.close();
      await rm(site, { recursive: true, force: true });
    }
  });
});
