/**
 * What a Markdown draft body yields besides itself (WriterzRoom and Writer both send Markdown):
 * its leading `# ` heading, its word count, its excerpt.
 */

/**
 * Runs of letters or digits, joined by an apostrophe or hyphen: Markdown punctuation is not a
 * word. The emulator's `word_count` follows the same rule.
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(markdown: string): number {
  return markdown.match(WORD)?.length ?? 0;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A body that opens with `# <title>` (WriterzRoom's api dialect, seed 000, has no title field;
 * Writer's suggestions often do): that heading, and the body without it, so a page does not show
 * the title twice. A body whose first line is not an H1 is kept whole and has no heading.
 */
export function splitLeadingHeading(body: string): { heading: string | null; body: string } {
  const match = /^\s*# +([^\n]+?)\s*#*\s*(?:\n|$)/.exec(body);
  if (!match?.[1] || oneLine(match[1]) === '') return { heading: null, body };
  return { heading: oneLine(match[1]), body: body.slice(match[0].length).replace(/^\s*\n/, '') };
}

/** Not prose: headings, lists, tables, quotes, HTML, fences, rules. */
const NOT_PROSE = /^(?:#|[-*+] |\d+[.)] |\||>|<|```|~~~|---|\*\*\*)/;
const EXCERPT_CHARS = 200;

function plainText(markdown: string): string {
  return oneLine(
    markdown
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)/g, ''),
  );
}

/** The first prose paragraph as plain text, cut at a word near 200 characters; null if none. */
export function deriveExcerpt(markdown: string): string | null {
  let inFence = false;
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = block.trim();
    const fences = text.match(/^(```|~~~)/gm)?.length ?? 0;
    if (inFence || NOT_PROSE.test(text) || text === '') {
      if (fences % 2 === 1) inFence = !inFence;
      continue;
    }
    const plain = plainText(text);
    if (plain === '') continue;
    if (plain.length <= EXCERPT_CHARS) return plain;
    const cut = plain.slice(0, EXCERPT_CHARS - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return null;
}
