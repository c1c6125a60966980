const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The common named entities and every numeric one decoded, as a browser would. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
    }
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? entity;
  });
}

/**
 * What a reader would read in a page, roughly: tags and scripts dropped, entities decoded,
 * whitespace collapsed. Enough to assert that titles and paragraphs made it into the HTML.
 */
export function pageText(html: string): string {
  return decodeEntities(
    html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ');
}

// A start tag with its attributes, quoted values allowed to hold `>`; escaped text (`&lt;img`)
// is no tag, so a payload shown as text is not counted.
const START_TAG =
  /<[a-z][a-z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/gi;
const URL_ATTRIBUTE =
  /\s(?:href|src|srcset|action|formaction|poster|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gi;
const SCRIPT_SCHEME = /^(?:javascript|data|vbscript):/i;

function hasScriptUrl(tag: string): boolean {
  for (const [, raw = ''] of tag.matchAll(URL_ATTRIBUTE)) {
    const value = decodeEntities(raw.replace(/^["']|["']$/g, ''));
    // Browsers skip controls and spaces around a URL and tabs or newlines inside it.
    const squeezed = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
    if (SCRIPT_SCHEME.test(squeezed)) return true;
  }
  return false;
}

/**
 * The tags of a page that could run script in a reader's browser: `<script>` elements, `on*=`
 * event-handler attributes, and `javascript:`, `data:` or `vbscript:` URLs in URL attributes.
 */
export function unsafeMarkup(html: string): string[] {
  return (html.match(START_TAG) ?? []).filter(
    (tag) => /^<script\b/i.test(tag) || /\son[a-z]+\s*=/i.test(tag) || hasScriptUrl(tag),
  );
}
