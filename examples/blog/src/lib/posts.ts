import { type CollectionEntry, getCollection } from 'astro:content';

/** The two build-time collections; both hold the shared RoboWrite frontmatter. */
export type Source = 'api' | 'synced';
export type Post = CollectionEntry<'api'> | CollectionEntry<'synced'>;

export const SOURCE_LABELS: Record<Source, string> = {
  api: 'Straight from the API',
  synced: 'Synced into git',
};

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
