import { type CollectionEntry, getCollection } from 'astro:content';

/** The build-time collections; every one holds the shared robowrite frontmatter. */
export type Source = 'api' | 'synced' | 'writerzroom' | 'writer';
export type Post = CollectionEntry<Source>;

/** In the order the index shows them. */
export const SOURCES: readonly Source[] = ['api', 'synced', 'writerzroom', 'writer'];

export const SOURCE_LABELS: Record<Source, string> = {
  api: 'RoboWrite, straight from the API',
  synced: 'RoboWrite, synced into git',
  writerzroom: 'WriterzRoom, synced into git',
  writer: 'Writer, synced into git',
};

/** The command that fills a synced collection (the index says it while one is empty). */
export const PULL_COMMANDS: Partial<Record<Source, { command: string; folder: string }>> = {
  synced: { command: 'robowrite pull', folder: 'src/content/robowrite/' },
  writerzroom: {
    command: 'robowrite pull -C providers/writerzroom',
    folder: 'providers/writerzroom/posts/',
  },
  writer: { command: 'robowrite pull -C providers/writer', folder: 'providers/writer/posts/' },
};

/** What the provider calls a draft's id, for the line under each post. */
const PROVIDER_ITEMS: Record<string, string> = {
  robowrite: 'RoboWrite item',
  writerzroom: 'WriterzRoom generation',
  writer: 'Writer job',
};

export function providerItem(provider: string): string {
  return PROVIDER_ITEMS[provider] ?? `${provider} draft`;
}

/** Newest first. */
export async function postsFrom(source: Source): Promise<Post[]> {
  const posts: Post[] = await getCollection(source);
  return posts.sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime());
}

export function postUrl(source: Source, post: Post): string {
  return `/${source}/${post.id}/`;
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  // A WriterzRoom generation or Writer job that finished: a draft waiting for review.
  completed: 'Completed',
  archived: 'Archived',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * Whether a draft's body already ends with its own numbered Sources section (RoboWrite's
 * `citation_mode=inline` writes one; `structured_only` bodies have none). Takes the Markdown body
 * or the rendered HTML, so pages only add the structured list where the reader would otherwise
 * have none, never a second copy.
 */
export function bodyListsSources(text: string | undefined): boolean {
  if (!text) return false;
  return /^##\s+Sources\s*$/m.test(text) || /<h2[^>]*>\s*Sources\s*<\/h2>/i.test(text);
}
