import { isDeepStrictEqual } from 'node:util';
import * as jsYaml from 'js-yaml';
import { Document, isScalar, visit } from 'yaml';
import { emitSimpleFrontmatter } from './fast-frontmatter.ts';

/** Plain JSON data: what frontmatter may hold. */
export type FrontmatterData = Record<string, unknown>;

export interface MarkdownFile {
  data: FrontmatterData;
  body: string;
}

export class FrontmatterRoundTripError extends Error {
  override name = 'FrontmatterRoundTripError';
}

/**
 * Strings a YAML reader could turn into something else: numbers (including YAML 1.1 forms like
 * `0o17`, `1_000`, `12:30`), dates, booleans and nulls in YAML 1.1 and 1.2 spellings. Astro reads
 * frontmatter with js-yaml's default schema (timestamps included) and other tools still speak 1.1,
 * so anything that any of them might type gets double quotes.
 */
const KEYWORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
  '~',
  '<<',
  '=',
]);
export function looksTyped(value: string): boolean {
  if (value === '' || value.trim() !== value) return true;
  if (KEYWORDS.has(value.toLowerCase())) return true;
  // Anything starting like a number, sign, dot or date is quoted rather than guessed at.
  return /^[-+.\d]/.test(value);
}

/**
 * YAML text for frontmatter. `yaml` chooses a safe form for each string; on top of that we
 * force double quotes for strings another reader could type, never fold lines, never emit
 * anchors/aliases, and keep insertion order so the same data always gives the same bytes.
 * The usual entry shapes take a direct emitter that writes the same bytes (fast-frontmatter.ts).
 */
export function stringifyFrontmatter(data: FrontmatterData): string {
  return emitSimpleFrontmatter(data, looksTyped) ?? stringifyWithYaml(data);
}

/** The reference output: `yaml`'s Document with our options, for any data. */
export function stringifyWithYaml(data: FrontmatterData): string {
  const doc = new Document(data, { aliasDuplicateObjects: false, version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && looksTyped(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: false,
    singleQuote: false,
    indentSeq: true,
    doubleQuotedAsJSON: false,
    nullStr: 'null',
    trueStr: 'true',
    falseStr: 'false',
  });
}

/**
 * LF line endings and exactly one trailing newline (none for an empty body). The trailing
 * newlines are cut with a loop: `/\n+$/` retries at every run of newlines in the body, which
 * made this about 9 µs for a 6 KB body, twice per written file.
 */
export function normalizeBody(body: string): string {
  const lf = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 10) end--;
  return end === 0 ? '' : `${lf.slice(0, end)}\n`;
}

/** The exact text of a Markdown file with frontmatter. */
export function serializeMarkdown(data: FrontmatterData, body: string): string {
  return withFrontmatter(data, normalizeBody(body));
}

function withFrontmatter(data: FrontmatterData, normalBody: string): string {
  return `---\n${stringifyFrontmatter(data)}---\n${normalBody}`;
}

// The same expression Astro uses (@astrojs/internal-helpers/frontmatter): the frontmatter ends at
// the first line starting with `---` or `+++`, and js-yaml's `load` parses it.
const ASTRO_FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** Parses a file the way Astro's content layer does (`parseFrontmatter`, js-yaml `load`). */
export function parseLikeAstro(text: string): MarkdownFile {
  const raw = ASTRO_FRONTMATTER_RE.exec(text)?.[1];
  if (raw === undefined) return { data: {}, body: text };
  const parsed = jsYaml.load(raw);
  const data = parsed && typeof parsed === 'object' ? (parsed as FrontmatterData) : {};
  const content = text.replace(`---${raw}---`, '');
  // Astro keeps the newline after the closing delimiter in `content`; our files always have one.
  return { data, body: content.startsWith('\n') ? content.slice(1) : content };
}

/** A JSON-clean deep copy: what a YAML round trip can possibly give back. */
function toPlainData(data: FrontmatterData): FrontmatterData {
  return JSON.parse(JSON.stringify(data)) as FrontmatterData;
}

/**
 * Serializes, then parses the result back the way Astro does; the text is returned only if that
 * gives exactly the intended data and body. Throws otherwise, so a surprising value fails its one
 * item instead of landing as a subtly different file. One check, the reader that builds the site:
 * the tests also read every shape back with gray-matter, for the other tools that open these files,
 * without every pull paying for a second parse.
 */
export function renderMarkdown(data: FrontmatterData, body: string): string {
  const intended = toPlainData(data);
  const normalBody = normalizeBody(body);
  const text = withFrontmatter(intended, normalBody);
  const parsed = parseLikeAstro(text);
  if (!isDeepStrictEqual(parsed.data, intended)) {
    throw new FrontmatterRoundTripError(
      "frontmatter does not read back identically with Astro's parser",
    );
  }
  if (parsed.body !== normalBody) {
    throw new FrontmatterRoundTripError('body does not read back identically with Astro');
  }
  return text;
}
