/**
 * Whether a WriterzRoom body is HTML. No seed says the body is Markdown: the emulator
 * and the seeds' examples write Markdown, so it is taken as Markdown unless it plainly is an HTML
 * document or fragment (see `looksLikeHtml`), which is refused rather than half-converted.
 */

const HTML_START =
  /^(?:<!doctype\s+html|<(?:html|head|body|article|section|main|header|div|p|h[1-6]|ul|ol|table|blockquote|pre)\b[^>]*>)/i;

/** The body opens with an HTML document or block element (inline HTML in Markdown is fine). */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body.trimStart());
}
