import type { Draft } from '../../draft/draft.ts';
import { checkDraftSize, InvalidEntryError } from '../../draft/entry-check.ts';
import { splitLeadingHeading } from '../shared/markdown-body.ts';
import { isoOrNull, markdownDraft } from '../shared/markdown-draft.ts';
import type { GeneratedContent } from './generation-status.ts';
import { looksLikeHtml } from './html-body.ts';

/** The status a WriterzRoom draft carries: the only status a generation with content has. */
export const WRITERZROOM_DRAFT_STATUS = 'completed';

export interface DraftContext {
  /** The generation's request id: the draft's id when the content has none (api dialect). */
  requestId: string | null;
  /** The title of last resort (the `topic` input), when the provider knows it. */
  topic?: string | null | undefined;
  /** When the api dialect's answer carries no date: when the draft was first seen. */
  seenAt: string;
}

/**
 * A finished generation as the provider-neutral `Draft` (notes/providers.md, "Mapping to a
 * draft"): title from `content.title` (v1), else the body's leading `# ` heading (api), else the
 * topic, else the id; Markdown body; excerpt derived from the first paragraph; no tags, no
 * sources, no scoring; dates from `created_at` (and v1's `updated_at`); id from `content.id`,
 * else the request id; word count from `word_count`, else counted. An HTML body is refused with
 * `InvalidEntryError` (the seeds promise Markdown nowhere, and a converted page would be a guess).
 */
export function toWriterzRoomDraft(content: GeneratedContent, context: DraftContext): Draft {
  const id = content.id ?? context.requestId;
  if (id === null) throw new TypeError('a WriterzRoom draft needs a content id or a request id');
  if (looksLikeHtml(content.body)) {
    throw new InvalidEntryError(
      id,
      'body is HTML, not Markdown; WriterzRoom drafts must be Markdown',
    );
  }
  const { heading, body } = splitLeadingHeading(content.body);
  checkDraftSize({ id, body });
  const title =
    content.title?.replace(/\s+/g, ' ').trim() || heading || context.topic?.trim() || id;
  const createdAt = isoOrNull(content.createdAt) ?? context.seenAt;
  const updatedAt = isoOrNull(content.updatedAt) ?? createdAt;
  return markdownDraft({
    provider: 'writerzroom',
    id,
    title,
    status: WRITERZROOM_DRAFT_STATUS,
    body,
    wordCount: content.wordCount,
    createdAt,
    updatedAt,
  });
}
