/**
 * The `detail` of an error response, made safe to show: whatever the wire sent, it ends up one
 * short line of plain text without the API key. A JSON `{ "detail" }` envelope gives its detail;
 * anything else (a proxy's HTML 502 page, plain text) gives a plain-text excerpt.
 */

/** Long enough for "502 Bad Gateway nginx/1.25.3" and a sentence; short enough for a log line. */
export const EXCERPT_CHARS = 200;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X'
        ? Number.parseInt(name.slice(2), 16)
        : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  });
}

/** Markup gone (with script and style bodies, which are not prose), entities decoded. */
function stripMarkup(text: string): string {
  const withoutTags = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(withoutTags);
}

/** An ANSI escape sequence (`ESC [ 31 m`); built from a char code to keep ESC out of the source. */
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');

/**
 * One line: control characters (terminal escapes included; ESC's parameters are dropped with it)
 * and runs of whitespace become one space.
 */
function oneLine(text: string): string {
  return text
    .replace(ANSI_ESCAPE, ' ')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cap(text: string): string {
  return text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

function jsonDetail(text: string, field: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object' && field in body) {
      const value = (body as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : JSON.stringify(value);
    }
  } catch {
    // Not JSON: an excerpt of the text is the best explanation there is.
  }
  return undefined;
}

/**
 * `scrub` removes the API key; it runs on the cleaned text, before the cap, so a key split by
 * markup or control characters is still found and a cut can never leave part of one behind.
 * `field` names the JSON field holding the message: RoboWrite's `detail`, WriterzRoom's `message`.
 */
export function errorDetail(
  text: string,
  scrub: (text: string) => string,
  field = 'detail',
): string | null {
  if (text.trim() === '') return null;
  const detail = jsonDetail(text, field);
  const clean =
    detail !== undefined ? scrub(oneLine(detail)) : cap(scrub(oneLine(stripMarkup(text))));
  return clean === '' ? null : clean;
}
