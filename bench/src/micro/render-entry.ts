/**
 * Micro-benchmark (not a test): the cold pull's own CPU per file, without the network or the
 * disk. Renders drafts written by the emulator's generator through `renderEntry` (entryData and
 * its zod check, neutralizeMarkdown, the YAML output and the Astro-style read-back) and prints
 * the time per file of each step. Run with `--cpu-prof` to see the split inside a step.
 *
 *   node bench/src/micro/render-entry.ts [count]
 */
import { performance } from 'node:perf_hooks';
import { type Draft, entryData, neutralizeMarkdown } from '../../../packages/core/src/index.ts';
import { generateDraft } from '../../../packages/emulator/src/generator/draft.ts';
import {
  parseLikeAstro,
  renderMarkdown,
  serializeMarkdown,
} from '../../../packages/sync-cli/src/sync/frontmatter.ts';
import { renderEntry } from '../../../packages/sync-cli/src/sync/render-entry.ts';

const KEYWORDS = ['astro content', 'static sites', 'seo audit', "writer's block", 'edge cache'];

function draftFor(i: number): Draft {
  const keyword = KEYWORDS[i % KEYWORDS.length] as string;
  const title = `How to master ${keyword}: part ${i}`;
  const gen = generateDraft({
    seed: `micro-${i}`,
    title,
    primary_keyword: keyword,
    secondary_keywords: [],
    brand_name: 'Acme',
    format: 'blog_post',
    citation_mode: i % 2 === 0 ? 'inline' : 'structured_only',
    direction: null,
    target_word_count: 900,
  });
  return {
    provider: 'robowrite',
    id: `0b7c2f9e-${String(i).padStart(4, '0')}-4c1a-9d2e-5f6a7b8c9d0e`,
    versionId: `a1b2c3d4-${String(i).padStart(4, '0')}-4e5f-8a9b-0c1d2e3f4a5b`,
    versionNumber: 1 + (i % 3),
    slug: `how-to-master-${i}`,
    title,
    status: i % 4 === 0 ? 'published' : 'in_review',
    body: gen.markdown_body,
    excerpt: gen.excerpt,
    seoTitle: gen.seo_title,
    seoDescription: gen.seo_description,
    seoKeywords: gen.seo_keywords,
    tags: gen.tags,
    categories: gen.categories,
    authorId: i % 5 === 0 ? 'author-7' : null,
    wordCount: gen.word_count,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T11:30:00.000Z',
    scoring: {
      score: gen.scoring.draft_score,
      metrics: { geo_score: gen.scoring.geo_score, draft_score: gen.scoring.draft_score },
      warnings: gen.scoring.warnings,
    },
    sources: gen.sources.map((s) => ({ marker: s.marker, name: s.source_name, url: s.source_url })),
  };
}

function perFile(label: string, count: number, step: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(count, 300); i++) step(i); // warm up
  const start = performance.now();
  for (let i = 0; i < count; i++) step(i);
  const ms = (performance.now() - start) / count;
  console.log(`${label.padEnd(34)} ${(ms * 1000).toFixed(0).padStart(5)} µs/file`);
}

const count = Number(process.argv[2] ?? 3000);
const drafts = Array.from({ length: count }, (_, i) => draftFor(i));
const datas = drafts.map((d) => entryData(d, d.slug) as Record<string, unknown>);
const bodies = drafts.map((d) => neutralizeMarkdown(d.body, { allowRawHtml: false }));
const texts = drafts.map((_, i) =>
  serializeMarkdown(datas[i] as Record<string, unknown>, bodies[i] as string),
);
const name = (i: number) => ({ slug: drafts[i]?.slug as string, file: `${drafts[i]?.slug}.md` });
const record = { marker: null, job: null };

console.log(`${count} drafts from the emulator's generator`);
perFile('entryData (toFrontmatter + zod)', count, (i) => entryData(drafts[i] as Draft, `s${i}`));
perFile('neutralizeMarkdown', count, (i) =>
  neutralizeMarkdown((drafts[i] as Draft).body, { allowRawHtml: false }),
);
perFile('serializeMarkdown (YAML out)', count, (i) =>
  serializeMarkdown(datas[i] as Record<string, unknown>, bodies[i] as string),
);
perFile('parseLikeAstro (js-yaml read-back)', count, (i) => parseLikeAstro(texts[i] as string));
perFile('renderMarkdown (out + read-back)', count, (i) =>
  renderMarkdown(datas[i] as Record<string, unknown>, bodies[i] as string),
);
perFile('renderEntry (all of the above)', count, (i) =>
  renderEntry(`id${i}`, drafts[i] as Draft, name(i), record, false),
);
