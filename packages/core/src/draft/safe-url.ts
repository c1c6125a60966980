import { decodeString } from 'micromark-util-decode-string';

/** The only schemes an API-supplied URL may carry; anything without a scheme is relative. */
export const SAFE_URL_SCHEMES: readonly string[] = Object.freeze(['http', 'https', 'mailto']);

// What a browser's URL parser ignores before reading the scheme: leading and trailing C0 controls
// and spaces, and tabs or newlines anywhere (`java\tscript:` is `javascript:` to a browser).
// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls are what it must match.
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
// A scheme is whatever precedes the first `:` that comes before any `/`, `?` or `#`; this is
// stricter than a URL parser (`a b:c` counts as a scheme), so nothing a browser reads as a
// scheme slips through as "relative".
const SCHEME = /^([^/?#]*?):/;

function schemeIsSafe(url: string): boolean {
  const scheme = SCHEME.exec(url.replace(EDGE_CONTROLS, '').replace(TAB_OR_NEWLINE, ''));
  return scheme === null || SAFE_URL_SCHEMES.includes((scheme[1] ?? '').toLowerCase());
}

/**
 * Whether an API-supplied URL may reach a page: http(s), mailto or relative. The character
 * references are decoded first as well (`jav&#x61;script:`), since a URL may end up in Markdown
 * or an HTML attribute, where a browser decodes them; a URL must be safe read either way.
 */
export function isSafeUrl(url: string): boolean {
  return schemeIsSafe(url) && schemeIsSafe(decodeString(url));
}
