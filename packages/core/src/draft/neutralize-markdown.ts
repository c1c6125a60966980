import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { decodeString } from 'micromark-util-decode-string';
import type { Event } from 'micromark-util-types';
import { isSafeUrl } from './safe-url.ts';

export interface NeutralizeOptions {
  /**
   * Leave raw HTML in the body as it is, for bodies from a source you trust: its tags,
   * attributes and URLs then reach the page unchecked. Markdown link and image URLs are checked
   * either way. Off by default.
   */
  allowRawHtml?: boolean;
}

/** Replace `start..end` (UTF-16 offsets into the body) with `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

// Each pass removes every `<` that opens raw HTML or an unsafe autolink, and every unsafe
// destination; a pass can turn what follows into different Markdown, so the result is parsed
// again until a pass finds nothing. Two passes are the most seen; the cap is a fuse.
const MAX_PASSES = 8;

/** micromark's own pipeline up to the events, with the GFM syntax Astro's remark-gfm adds. */
function markdownEvents(markdown: string): Event[] {
  const chunks = preprocess()(markdown, undefined, true);
  return postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(chunks),
  );
}

// Where a destination can start: right after `](` (inline links and images) or `]:` (reference
// definitions), past any whitespace. A destination that starts with one of these prefixes has a
// safe scheme whatever follows, even after decoding (nothing before the first `/`, `?` or `#`
// can be an escape or a character reference).
const DESTINATION_OPENER = /\](?:\(|:)[ \t\r\n]*/g;
const SAFE_START = /^(?:https?:\/\/|mailto:|[#/?])/i;

/**
 * True only when a parse could find nothing to edit, proved without parsing: raw HTML and
 * autolinks need a `<`, and every destination follows a `](` or `]:` and starts safely. Most
 * drafts pass, and parsing a body is what a pull's render spent most of its time on. False
 * means "parse to know" (a blockquote's `>` after a `](`, a relative `page.md`), never "unsafe".
 */
export function clearlyNothingToEdit(markdown: string): boolean {
  if (markdown.includes('<')) return false;
  for (const opener of markdown.matchAll(DESTINATION_OPENER)) {
    const at = (opener.index ?? 0) + opener[0].length;
    if (!SAFE_START.test(markdown.slice(at, at + 8))) return false;
  }
  return true;
}

/** What one pass changes: raw HTML escaped, unsafe destinations and autolinks defused. */
export function findEdits(markdown: string, options: NeutralizeOptions): Edit[] {
  const edits: Edit[] = [];
  for (const [kind, token] of markdownEvents(markdown)) {
    if (kind !== 'enter') continue;
    const start = token.start.offset;
    const end = token.end.offset;
    const source = markdown.slice(start, end);
    switch (token.type) {
      case 'htmlFlow':
      case 'htmlText':
        // `&lt;` reads as a literal `<` in Markdown: the tag shows as text, nothing else moves.
        if (!options.allowRawHtml) edits.push({ start, end, text: source.replaceAll('<', '&lt;') });
        break;
      case 'resourceDestinationString':
      case 'definitionDestinationString':
        // What the renderer will use: backslash escapes and character references decoded.
        if (!isSafeUrl(decodeString(source))) edits.push({ start, end, text: '#' });
        break;
      case 'autolinkProtocol':
        // `<javascript:...>` becomes the text it spelled: the `<` before the URL is escaped.
        if (!isSafeUrl(source)) edits.push({ start: start - 1, end: start, text: '&lt;' });
        break;
    }
  }
  return edits;
}

/** The body with the edits applied; an edit overlapping an earlier one waits for the next pass. */
function applyEdits(markdown: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    out += markdown.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + markdown.slice(at);
}

/** The whole body as one fenced code block, longer-fenced than any backtick run inside it. */
export function asCodeBlock(markdown: string): string {
  const longest = Math.max(2, ...(markdown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${markdown}\n${fence}\n`;
}

/**
 * An API-supplied Markdown body made safe to render: raw HTML is escaped so it shows as text
 * (unless `allowRawHtml`), and every link, image, reference definition and autolink whose URL is
 * not http(s), mailto or relative (see `isSafeUrl`) points to `#` or becomes plain text. Only
 * those spans change, so a body without them comes back byte-identical and re-syncs stay stable.
 * Code spans and fenced code are left alone: Markdown renders them escaped. GFM literal
 * autolinks (`www.`, `https://`, emails) only ever produce http(s), mailto or xmpp URLs.
 */
export function neutralizeMarkdown(markdown: string, options: NeutralizeOptions = {}): string {
  let text = markdown;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (clearlyNothingToEdit(text)) return text;
    const edits = findEdits(text, options);
    if (edits.length === 0) return text;
    text = applyEdits(text, edits);
  }
  // Never seen: a body that keeps producing unsafe Markdown is shown as its source, as code.
  return asCodeBlock(markdown);
}
