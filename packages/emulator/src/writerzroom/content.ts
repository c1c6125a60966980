import { generateDraft } from '../generator/draft.ts';
import { SENTENCES } from '../generator/phrases.ts';
import { Random } from '../generator/random.ts';
import { makeTitle } from '../generator/titles.ts';
import { countWords } from '../generator/words.ts';
import { findTemplate } from './catalog.ts';
import type { WzrStore } from './store.ts';
import type { ContentRecord, Generation } from './types.ts';

const MAX_WORDS = 3000;

function inputText(inputs: Record<string, unknown>, name: string): string | null {
  const value = inputs[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The seeded Markdown article a completed generation yields: same request, same bytes. */
export function writeContent(store: WzrStore, g: Generation, at: string): ContentRecord {
  const template = findTemplate(g.template_id);
  const topic = inputText(g.inputs, 'topic') ?? template?.name ?? g.template_id;
  const seed = `${store.seed}:${g.request_id}`;
  const title = inputText(g.inputs, 'title') ?? makeTitle(new Random(seed), topic);
  const wordCount = typeof g.inputs.word_count === 'number' ? g.inputs.word_count : null;
  const draft = generateDraft({
    seed,
    title,
    primary_keyword: topic,
    secondary_keywords: [],
    brand_name: 'WriterzRoom',
    format: g.template_id,
    citation_mode: 'structured_only',
    direction: null,
    target_word_count: Math.min(wordCount ?? template?.default_word_count ?? 900, MAX_WORDS),
  });
  const content: ContentRecord = {
    id: store.nextId('cnt'),
    account_id: g.account_id,
    request_id: g.request_id,
    template_id: g.template_id,
    style_profile_id: g.style_profile_id,
    vertical: g.vertical,
    brand_voice_id: g.brand_voice_id,
    title,
    body: draft.markdown_body,
    word_count: draft.word_count,
    created_at: at,
    updated_at: at,
  };
  store.contents.set(content.id, content);
  return content;
}

/** The `api` dialect's `content` string: the title as a `# ` heading, then the body. */
export function contentString(content: ContentRecord): string {
  return `# ${content.title}\n\n${content.body}`;
}

/**
 * Replaces what follows the `## <section>` heading (up to the next `## ` heading) with fresh,
 * seeded prose. Returns false when the body has no such heading.
 */
export function regenerateSection(
  store: WzrStore,
  content: ContentRecord,
  section: string,
  at: string,
): boolean {
  const lines = content.body.split('\n');
  const wanted = section.trim().toLowerCase();
  const start = lines.findIndex(
    (l) => l.startsWith('## ') && l.slice(3).trim().toLowerCase() === wanted,
  );
  if (start < 0) return false;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  store.counter += 1;
  const rng = new Random(`${store.seed}:${content.id}:${wanted}:${store.counter}`);
  const kw = wanted;
  const paragraph = rng
    .sample(SENTENCES, rng.int(3, 5))
    .map((s) =>
      s.replaceAll('{kw}', kw).replaceAll('{Kw}', kw.charAt(0).toUpperCase() + kw.slice(1)),
    )
    .join(' ');
  const tail = end < lines.length ? ['', ...lines.slice(end)] : [''];
  content.body = [...lines.slice(0, start + 1), '', paragraph, ...tail].join('\n');
  content.word_count = countWords(content.body);
  content.updated_at = at;
  store.dirty = true;
  return true;
}
