import type { Draft } from './draft.ts';
import { type RobowriteFrontmatterInput, robowriteSchema, toFrontmatter } from './frontmatter.ts';

/**
 * The largest Markdown body a draft may have, in UTF-8 bytes: 5 MiB, about 800,000 words and
 * some hundred times a long article. Rendering, checking and writing hold a few copies of the
 * body, so an unbounded body (200 MB seen) costs gigabytes; a larger draft fails alone instead.
 */
export const MAX_DRAFT_BODY_BYTES = 5 * 1024 * 1024;

/** A draft that cannot become an entry: too large, or its frontmatter fails `robowriteSchema`. */
export class InvalidEntryError extends Error {
  override name = 'InvalidEntryError';
  readonly itemId: string;
  /** Why, in one line, without the item's id. */
  readonly reason: string;

  constructor(itemId: string, reason: string) {
    super(`item ${itemId}: ${reason}`);
    this.itemId = itemId;
    this.reason = reason;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Throws when the draft's body is over `MAX_DRAFT_BODY_BYTES`; checked before any rendering. */
export function checkDraftSize(draft: Pick<Draft, 'id' | 'body'>): void {
  // A UTF-8 byte count is at most three per UTF-16 unit: most bodies are cleared without a count.
  if (draft.body.length * 3 <= MAX_DRAFT_BODY_BYTES) return;
  const bytes = Buffer.byteLength(draft.body, 'utf8');
  if (bytes <= MAX_DRAFT_BODY_BYTES) return;
  throw new InvalidEntryError(
    draft.id,
    `body is ${megabytes(bytes)}, over the ${megabytes(MAX_DRAFT_BODY_BYTES)} limit per draft`,
  );
}

/** What a value at a path looks like, short and on one line, for an error message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * zod's message for a date that does not parse ("expected date, received Date": coercion made an
 * Invalid Date) reads like a contradiction; say what is wrong instead.
 */
function issueText(issue: { code: string; message: string; expected?: unknown }): string {
  if (issue.code === 'invalid_type' && issue.expected === 'date') return 'not a valid date';
  return issue.message;
}

/**
 * The frontmatter of a draft, checked: the size limit, then `robowriteSchema` over
 * `toFrontmatter(draft)`. The CLI runs it before writing a file and the Astro loader before
 * storing an entry, so a draft the site's build would reject (`pubDate: not-a-date`) fails alone,
 * in one line naming the item, on both paths.
 */
export function checkedFrontmatter(draft: Draft): RobowriteFrontmatterInput {
  checkDraftSize(draft);
  const data = toFrontmatter(draft);
  const result = robowriteSchema.safeParse(data);
  if (result.success) return data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.') || '(frontmatter)';
    return `${where}: ${issueText(issue)} (got ${shown(valueAt(data, issue.path))})`;
  });
  throw new InvalidEntryError(draft.id, `invalid frontmatter: ${problems.join('; ')}`);
}
