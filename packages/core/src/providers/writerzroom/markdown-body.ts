/**
 * What a WriterzRoom body yields besides itself. No seed says the body is Markdown: the emulator
 * and the seeds' examples write Markdown, so it is taken as Markdown unless it plainly is an HTML
 * document or fragment (see `looksLikeHtml`), which is refused rather than half-converted.
 */

const HTML_START =
  /^(?:<!doctype\s+html|<(?:html|head|body|article|section|main|header|div|p|h[1-6]|ul|ol|table|blockquote|pre)\b[^>]*>)/i;

/** The body opens with an HTML document or block element (inline HTML in Markdown is fine). */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body.trimStart());
}

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
 * The api dialect's body opens with `# <title>` (seed 000 gives no title field): that heading is
 * the title, and is taken out of the body so a page does not show it twice (the v1 body has no
 * H1 either). A body whose first line is not an H1 is kept whole and has no heading title.
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
