import type { Draft } from '../../draft/draft.ts';
import { checkDraftSize, InvalidEntryError } from '../../draft/entry-check.ts';
import { splitLeadingHeading } from '../shared/markdown-body.ts';
import { isoOrNull, markdownDraft } from '../shared/markdown-draft.ts';
import type { WriterJob } from './schemas.ts';
import { suggestionTitle } from './suggestion-title.ts';

/** The only status a job with a draft has. */
export const WRITER_DRAFT_STATUS = 'completed';

/**
 * A suggestion as stored: scrubbed of the key and terminal controls, with CRLF line ends made LF
 * first, since a `\r` ending a line is a line end, not an overwrite (scrubbing would show it as
 * a literal `\x0d` in the title, the slug and every line). A lone `\r` is still shown inert.
 */
export function scrubbedSuggestion(suggestion: string, scrub: (text: string) => string): string {
  return scrub(suggestion.replace(/\r\n/g, '\n'));
}

/**
 * A completed job as the provider-neutral `Draft` (notes/providers.md, Writer "Mapping"): the
 * body is `data.suggestion` (Markdown), less a leading `# ` heading when that heading is the
 * title (a page shows the title once, as for WriterzRoom); the title is the suggestion's first
 * `# ` heading, else `data.title`, else the job id; `createdAt` from `created_at`, `updatedAt`
 * from `completed_at` (a retried job's run ends later); the id is the job id; no tags, sources,
 * scoring or SEO fields. API text is scrubbed of the key and of terminal controls on the way in.
 * A completed job without a suggestion is refused with `InvalidEntryError`.
 */
export function toWriterDraft(job: WriterJob, scrub: (text: string) => string): Draft {
  const id = job.id;
  const suggestion = job.data?.suggestion;
  if (!suggestion || suggestion.trim() === '') {
    throw new InvalidEntryError(id, 'the completed job has no data.suggestion');
  }
  const markdown = scrubbedSuggestion(suggestion, scrub);
  const title = suggestionTitle(markdown, job.data?.title ? scrub(job.data.title) : null) ?? id;
  const leading = splitLeadingHeading(markdown);
  const body = leading.heading === title ? leading.body : markdown;
  checkDraftSize({ id, body });
  const createdAt = isoOrNull(job.created_at) ?? isoOrNull(job.completed_at);
  if (createdAt === null) throw new InvalidEntryError(id, 'created_at is not a date');
  return markdownDraft({
    provider: 'writer',
    id,
    title,
    status: WRITER_DRAFT_STATUS,
    body,
    createdAt,
    updatedAt: isoOrNull(job.completed_at) ?? createdAt,
  });
}
