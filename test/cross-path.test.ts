import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { robowriteLiveLoader } from '@robowrite/astro-loader';
import { RoboWrite } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyBlog, type RunResult, siteEnv } from './support/blog-site.ts';
import { runCli } from './support/cli-pull.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Every status the API sets, `archived` included: both paths are asked for all of them. */
const STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
const TWIN_TITLE = 'Remote work: a field guide';
const UNBRANDED_TITLE = 'Listed without a brand';
const GENERATED_TITLE = 'Hybrid teams: a checklist';

const body = (n: number) => `## Section ${n}\n\nParagraph ${n} of a crafted draft.\n`;

/** Both collections over the same drafts, the way the site's own content layer reads them. */
const CONTENT_CONFIG = (brand: string) => `import { defineCollection } from 'astro:content';
import { robowriteLoader, robowriteSchema } from '@robowrite/astro-loader';
import { glob } from 'astro/loaders';

export const collections = {
  synced: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/robowrite' }),
    schema: robowriteSchema,
  }),
  api: defineCollection({
    loader: robowriteLoader({ brand: ${JSON.stringify(brand)}, statuses: ${JSON.stringify(STATUSES)} }),
  }),
};
`;

/** A prerendered endpoint that dumps every entry of both collections (ids and data). */
const ENTRIES_ENDPOINT = `import { getCollection } from 'astro:content';

export const prerender = true;

async function entries(name) {
  const all = await getCollection(name);
  return all
    .map((entry) => ({ id: entry.id, data: entry.data }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function GET() {
  return new Response(JSON.stringify({ synced: await entries('synced'), api: await entries('api') }));
}
`;

interface Entry {
  id: string;
  data: {
    slug: string;
    title: string;
    draft: boolean;
    robowrite: { itemId: string; status: string };
  };
}

describe('the CLI and the loader give the same item the same entry (issue 11)', () => {
  let emu: Emulator;
  let site: string;
  let build: RunResult;
  let synced: Entry[];
  let api: Entry[];
  let brand: string;
  let otherBrandItems: string[];

  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      rateLimit: false,
      jobDurationMs: 30,
      craftedItems: [
        // Two items with the same title: the same slug, so one gets a suffixed name.
        { title: TWIN_TITLE, status: 'draft', markdownBody: body(1) },
        { title: TWIN_TITLE, status: 'in_review', markdownBody: body(2) },
        { title: 'A published guide', status: 'published', markdownBody: body(3) },
        { title: 'An archived guide', status: 'archived', markdownBody: body(4) },
        {
          title: UNBRANDED_TITLE,
          status: 'published',
          markdownBody: body(5),
          listedWithoutBrand: true,
        },
      ],
    });
    const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url });
    const crafted = [];
    otherBrandItems = [];
    for await (const item of client.content.list({})) {
      if (item.title === TWIN_TITLE) crafted.push(item);
    }
    const first = crafted[0];
    if (!first) throw new Error('the crafted items are listed');
    brand = (await client.content.retrieve(first.id)).brand_id;
    for await (const item of client.content.list({})) {
      if (item.brand_id && item.brand_id !== brand) otherBrandItems.push(item.id);
    }
    site = await copyBlog();
    await writeFile(join(site, 'src/content.config.ts'), CONTENT_CONFIG(brand));
    await writeFile(join(site, 'src/pages/entries.json.ts'), ENTRIES_ENDPOINT);
    const env = siteEnv(emu);
    // A draft the CLI generated itself (brief flow, job `completed`, item left `draft`): the
    // CLI knows its job, the loader never does, and the entry must not depend on it.
    const brief = join(site, 'brief.yaml');
    await writeFile(brief, `title: "${GENERATED_TITLE}"\nprimary_keyword: hybrid teams\n`);
    const generated = await runCli(
      ['generate', '--cwd', site, '--brief', brief, '--brand', brand, '--wait', '--interval', '50'],
      env,
    );
    if (generated.code !== 0) throw new Error(`robowrite generate failed: ${generated.stderr}`);
    const pulled = await runCli(
      ['pull', '--cwd', site, '--status', STATUSES.join(','), '--brand', brand],
      env,
    );
    if (pulled.code !== 0) throw new Error(`robowrite pull failed: ${pulled.stderr}`);
    build = await astroBuild(site, env);
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
    const dump = JSON.parse(await readFile(join(site, 'dist/client/entries.json'), 'utf8'));
    ({ synced, api } = dump as { synced: Entry[]; api: Entry[] });
  });
  afterAll(async () => {
    await emu?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('puts the same entries, field for field, in both collections', () => {
    expect(synced.length).toBeGreaterThan(5);
    expect(api).toEqual(synced);
  });

  it('gives the live loader the same entries as the build loader, same-titled items included', async () => {
    const live = robowriteLiveLoader({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      brand,
      statuses: [...STATUSES],
    });
    const result = await live.loadCollection({ collection: 'live', filter: { limit: 1000 } });
    if ('error' in result) throw result.error;
    // Through JSON, as the build's dump went: dates compare as the same ISO strings.
    const entries = JSON.parse(
      JSON.stringify(result.entries.map((entry) => ({ id: entry.id, data: entry.data }))),
    ) as Entry[];
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(entries.filter((entry) => entry.data.title === TWIN_TITLE)).toHaveLength(2);
    expect(entries).toEqual(api);
    for (const twin of entries.filter((entry) => entry.data.title === TWIN_TITLE)) {
      const one = await live.loadEntry({ collection: 'live', filter: { id: twin.id } });
      if (!one || 'error' in one) throw new Error(`no live entry for ${twin.id}`);
      expect(JSON.parse(JSON.stringify({ id: one.id, data: one.data }))).toEqual(twin);
    }
  });

  it('names the two same-titled items alike on both paths: one plain, one suffixed', () => {
    const twins = api.filter((entry) => entry.data.title === TWIN_TITLE);
    expect(twins).toHaveLength(2);
    const [plain, suffixed] = [...twins].sort((a, b) => a.id.length - b.id.length);
    expect(plain?.id).toBe('remote-work-a-field-guide');
    expect(suffixed?.id).toMatch(/^remote-work-a-field-guide-[0-9a-f]{8}$/);
    // The smaller item id keeps the plain name, whichever path names it.
    expect((plain?.data.robowrite.itemId ?? '') < (suffixed?.data.robowrite.itemId ?? '')).toBe(
      true,
    );
    for (const entry of [...synced, ...api]) expect(entry.data.slug).toBe(entry.id);
  });

  it('keeps the item whose list row names no brand, and drops items of another brand', () => {
    expect(otherBrandItems.length).toBeGreaterThan(0);
    for (const entries of [synced, api]) {
      expect(entries.map((entry) => entry.data.title)).toContain(UNBRANDED_TITLE);
      const ids = new Set(entries.map((entry) => entry.data.robowrite.itemId));
      for (const id of otherBrandItems) expect(ids.has(id)).toBe(false);
    }
  });

  it('gives the draft the CLI generated the same entry: draft by its status, no job fields', () => {
    for (const entries of [synced, api]) {
      const entry = entries.find((candidate) => candidate.data.title === GENERATED_TITLE);
      expect(entry?.data).toMatchObject({
        draft: true,
        robowrite: { status: 'draft', jobId: null, jobStatus: null },
      });
    }
  });

  it('has items in every status, draft: false only for published ones', () => {
    expect(new Set(api.map((entry) => entry.data.robowrite.status))).toEqual(new Set(STATUSES));
    for (const entry of [...synced, ...api]) {
      expect(entry.data.draft).toBe(entry.data.robowrite.status !== 'published');
    }
  });
});
