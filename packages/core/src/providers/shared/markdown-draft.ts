import type { Draft } from '../../draft/draft.ts';
import { safeEntryName } from '../../draft/entry-name.ts';
import { countWords, deriveExcerpt } from './markdown-body.ts';

/** An API date as ISO 8601, or null when absent or not a date. */
export function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** What a provider decides about a Markdown draft; the rest follows from the body. */
export interface MarkdownDraftFields {
  provider: string;
  id: string;
  title: string;
  status: string;
  /** Markdown, already scrubbed and size-checked. */
  body: string;
  /** The provider's own count when it sends one; else the body's words are counted. */
  wordCount?: number | null | undefined;
  createdAt: string;
  updatedAt: string;
}

/**
 * A draft from a provider that sends one Markdown body and nothing else RoboWrite has: the slug
 * from the title, the excerpt and word count from the body, one version, no SEO fields, tags,
 * categories, author, scoring or sources.
 */
export function markdownDraft(fields: MarkdownDraftFields): Draft {
  const { provider, id, title, status, body, createdAt, updatedAt } = fields;
  return {
    provider,
    id,
    versionId: null,
    versionNumber: null,
    slug: safeEntryName(title),
    title,
    status,
    body,
    excerpt: deriveExcerpt(body),
    seoTitle: null,
    seoDescription: null,
    seoKeywords: [],
    tags: [],
    categories: [],
    authorId: null,
    wordCount: fields.wordCount ?? countWords(body),
    createdAt,
    updatedAt,
    scoring: null,
    sources: null,
  };
}
