const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const HEADING = /^ {0,3}# +(.*?)(?: +#+)? *$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * The text of the suggestion's first `# ` heading outside a code fence, or null. Writer's
 * `data.title` names the output field ("Social post"), not the article: the heading is the
 * article's title when the agent writes one (notes/providers.md).
 */
export function firstHeading(markdown: string): string | null {
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      fence = fence === null ? marker : fence === marker ? null : fence;
      continue;
    }
    if (fence !== null) continue;
    const text = HEADING.exec(line.replace(/\r$/, ''))?.[1];
    if (text !== undefined && oneLine(text) !== '') return oneLine(text);
  }
  return null;
}

/** The title a job's draft carries: the first heading, else `data.title`, else null. */
export function suggestionTitle(
  suggestion: string,
  dataTitle: string | null | undefined,
): string | null {
  return firstHeading(suggestion) ?? (dataTitle ? oneLine(dataTitle) || null : null);
}
