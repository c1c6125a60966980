import { generateDraft } from '../generator/draft.ts';
import { Random } from '../generator/random.ts';
import { makeTitle } from '../generator/titles.ts';
import { capitalize } from '../generator/words.ts';
import type { Application, JobInput } from './types.ts';

const HEADING_MAX = 160;

/** One line of plain text: inputs may hold newlines or Markdown markers a heading must not carry. */
function oneLine(text: string, max = HEADING_MAX): string {
  const line = text
    .replace(/\s+/g, ' ')
    .replace(/^[#>*\-\s]+/, '')
    .trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function values(inputs: JobInput[], name: string): string[] {
  return inputs.find((input) => input.id === name)?.value.map((v) => oneLine(v)) ?? [];
}

/** A blog post: `# <title from the topic>`, then a full generated Markdown article. */
function blogPost(seed: string, inputs: JobInput[]): string {
  const topic = values(inputs, 'topic')[0] || 'content strategy';
  const audience = values(inputs, 'audience')[0];
  const rng = new Random(`${seed}|title|${topic}`);
  const title = oneLine(makeTitle(rng, topic));
  const draft = generateDraft({
    seed,
    title,
    primary_keyword: topic,
    secondary_keywords: values(inputs, 'keywords').slice(0, 5),
    brand_name: 'our',
    format: 'blog_post',
    citation_mode: 'structured_only',
    direction: null,
    target_word_count: null,
  });
  const lead = audience ? `_Written for ${audience}._\n\n` : '';
  return `# ${title}\n\n${lead}${draft.markdown_body}`;
}

const HASHTAG_WORDS = ['GetOutside', 'NewArrival', 'MadeToLast', 'EverydayCarry', 'TryItToday'];

/** One post per product, in the shape of the guide's example. */
function socialPost(seed: string, inputs: JobInput[]): string {
  const products = values(inputs, 'Product descriptions');
  const posts = products.map((product) => {
    const rng = new Random(`${seed}|social|${product}`);
    const tag = capitalize(product).replace(/[^\p{L}\p{N}]+(\p{L}?)/gu, (_, c: string) =>
      c.toUpperCase(),
    );
    const tags = [`#${tag}`, ...rng.sample(HASHTAG_WORDS, 2).map((w) => `#${w}`)].join(' ');
    return [
      `## ${product}`,
      `Image: A photo of someone using the ${product} on an ordinary, busy day.`,
      'Caption:',
      `Introducing the ${product}, ${rng.pick(['designed', 'built', 'made'])} for people who ${rng.pick(['never stop moving', 'want less fuss', 'care about the details'])}. ${rng.pick(['Try it once and you will wonder how you managed without it.', 'It does one job, and it does it well.', 'Small change, big difference.'])}`,
      tags,
    ].join('\n\n');
  });
  return `# Social post\n\n${posts.join('\n\n')}\n`;
}

/** The finished job's `data`: the same job always yields the same bytes. */
export function jobData(
  app: Application,
  jobSeed: string,
  inputs: JobInput[],
): { title: string; suggestion: string } {
  const suggestion =
    app.kind === 'blog_post' ? blogPost(jobSeed, inputs) : socialPost(jobSeed, inputs);
  return { title: app.output_title, suggestion };
}
