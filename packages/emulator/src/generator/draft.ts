import type { GenInput } from '../store/types.ts';
import {
  ANCHORS,
  CATEGORIES,
  LIST_ITEMS,
  OPENERS,
  SECTION_HEADINGS,
  SENTENCES,
  SOURCES,
  TAGS,
  WARNINGS,
} from './phrases.ts';
import { Random } from './random.ts';
import { capitalize, countWords, slugify } from './words.ts';

export interface GeneratedSource {
  marker: number;
  source_name: string;
  source_url: string;
}

export interface GeneratedDraft {
  markdown_body: string;
  excerpt: string;
  seo_title: string;
  seo_description: string;
  seo_keywords: string[];
  tags: string[];
  categories: string[];
  word_count: number;
  sources: GeneratedSource[];
  scoring: { geo_score: number; draft_score: number; warnings: string[] };
}

const LENGTHS: Record<string, number> = { short: 500, medium: 900, long: 1600 };

function targetWords(gen: GenInput): number {
  const fromDirection = gen.direction?.content_length
    ? LENGTHS[gen.direction.content_length.toLowerCase()]
    : undefined;
  return Math.min(fromDirection ?? gen.target_word_count ?? 900, 3000);
}

function fill(template: string, kw: string): string {
  return template.replaceAll('{kw}', kw).replaceAll('{Kw}', capitalize(kw));
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:.]$/, '')}…`;
}

/**
 * Writes a deterministic, realistic Markdown draft: the same input always gives the same bytes.
 * `inline` citation mode puts markdown links in the prose and a numbered `## Sources` section at
 * the end; `structured_only` bodies carry no links at all (sources stay readable via include).
 */
export function generateDraft(gen: GenInput): GeneratedDraft {
  const rng = new Random(
    `${gen.seed}|${gen.title}|${gen.primary_keyword}|${gen.citation_mode}|${JSON.stringify(gen.direction)}`,
  );
  const kw = gen.primary_keyword.toLowerCase();
  const inline = gen.citation_mode === 'inline';
  const sources = rng.sample(SOURCES, rng.int(3, 5)).map((s, i) => ({
    marker: i + 1,
    source_name: s.name,
    source_url: s.url,
  }));
  let cited = 0;
  const sentence = (template: string): string => {
    const text = fill(template, kw);
    if (!inline || !rng.chance(0.25)) return text;
    const source = sources[cited % sources.length] as GeneratedSource;
    cited++;
    return `${text.slice(0, -1)}, according to [${rng.pick(ANCHORS)}](${source.source_url}).`;
  };
  const paragraph = (count: number): string => rng.sample(SENTENCES, count).map(sentence).join(' ');

  const blocks: string[] = [];
  const intro = `${fill(rng.pick(OPENERS), kw)} ${paragraph(2)}`;
  blocks.push(intro);
  if (gen.secondary_keywords.length > 0) {
    blocks.push(
      `This guide also touches on ${gen.secondary_keywords.join(', ')}, because ${gen.secondary_keywords.length === 1 ? 'it comes' : 'they come'} up whenever ${gen.brand_name} readers ask about ${kw}.`,
    );
  }
  const headings = rng.sample(SECTION_HEADINGS, SECTION_HEADINGS.length).map((h) => fill(h, kw));
  const target = targetWords(gen);
  let section = 0;
  const body = (): string => blocks.join('\n\n');
  while (section < headings.length && (section < 5 || countWords(body()) < target)) {
    blocks.push(`## ${capitalize(headings[section] as string)}`);
    blocks.push(paragraph(rng.int(3, 5)));
    switch (section) {
      case 1:
        blocks.push(
          rng
            .sample(LIST_ITEMS, 4)
            .map((item) => `- ${item}`)
            .join('\n'),
        );
        break;
      case 2:
        blocks.push(
          rng
            .sample(LIST_ITEMS, 3)
            .map((item, i) => `${i + 1}. ${item}.`)
            .join('\n'),
        );
        blocks.push(`### A quick example\n\n${paragraph(2)}`);
        break;
      case 3:
        blocks.push(
          [
            '| Approach | Effort | Impact |',
            '| --- | --- | --- |',
            `| Weekly review | Low | ${rng.pick(['Medium', 'High'])} |`,
            `| Shared checklist | Low | ${rng.pick(['Medium', 'High'])} |`,
            `| Full process redesign | High | ${rng.pick(['Medium', 'High', 'Uncertain'])} |`,
          ].join('\n'),
        );
        break;
      case 4:
        blocks.push(
          [
            '```yaml',
            `goal: "${kw}"`,
            `review_cadence: ${rng.pick(['weekly', 'biweekly', 'monthly'])}`,
            'owners:',
            '  - editor',
            '  - analyst',
            '```',
          ].join('\n'),
        );
        break;
    }
    if (section >= 4) blocks.push(paragraph(rng.int(2, 4)));
    section++;
  }
  blocks.push('## Key takeaways');
  blocks.push(`${capitalize(kw)} rewards patience and clear measurement. ${paragraph(2)}`);
  if (inline) {
    blocks.push('## Sources');
    blocks.push(sources.map((s) => `${s.marker}. [${s.source_name}](${s.source_url})`).join('\n'));
  }
  const markdown_body = `${body()}\n`;

  const tags = [...new Set([slugify(kw), ...rng.sample(TAGS, 3)])];
  const plainIntro = intro.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
  return {
    markdown_body,
    excerpt: truncate(plainIntro, 200),
    seo_title: truncate(gen.title, 60),
    seo_description: truncate(plainIntro, 155),
    seo_keywords: [gen.primary_keyword, ...gen.secondary_keywords],
    tags,
    categories: rng.sample(CATEGORIES, rng.int(1, 2)),
    word_count: countWords(markdown_body),
    sources,
    scoring: {
      geo_score: rng.int(62, 96),
      draft_score: Math.round((0.6 + rng.next() * 0.35) * 100) / 100,
      warnings: rng.sample(WARNINGS, rng.int(0, 2)),
    },
  };
}
