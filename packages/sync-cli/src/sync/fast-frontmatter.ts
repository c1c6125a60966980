/**
 * A direct emitter for the frontmatter shapes entries actually have, giving the very bytes the
 * `yaml` path in frontmatter.ts gives. Why hand-written: building a `yaml` Document, visiting it
 * and printing it cost about 0.2 ms of CPU per file (profiled, bench/src/micro/render-entry.ts),
 * the largest share of a cold pull's own work over 10 000 files. It only handles what it can
 * prove the same: identifier keys, finite numbers, booleans, null, strings free of anything that
 * needs an escape, and block maps and lists of those. For anything else it returns undefined and
 * the caller uses `yaml` for the whole document (test/fast-frontmatter.test.ts compares the two).
 */

/** Keys written plain by `yaml` and by us: identifiers that no reader types. */
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Strings whose double-quoted form is just the text between quotes and whose plain form is the
 * text itself: no `"` or `\`, no line breaks or other control characters, no C1 controls
 * (U+0085), no NBSP, line/paragraph separators or BOM, no lone surrogates, no U+FFFE or U+FFFF
 * (outside YAML's printable set: js-yaml, Astro's reader, refuses them raw) (`yaml` escapes all
 * of these, or quotes them when we would not). Emoji and other astral characters are fine.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const SAFE_TEXT = /^[^"\\\x00-\x1f\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff\u{d800}-\u{dfff}]*$/u;
/** `yaml`'s own test (stringifyString.ts `plainString`) for text that cannot be written plain. */
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * A map or list that fast output must refuse: not a plain object or array. Anything typed
 * (Date, Map, class instances) goes through `yaml`, which knows what to do with it.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A scalar as `yaml` writes it under our options, or undefined when not provably the same. */
function scalarText(value: unknown, mustQuote: (text: string) => boolean): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0) ? JSON.stringify(value) : undefined;
  }
  if (typeof value !== 'string' || !SAFE_TEXT.test(value)) return undefined;
  return mustQuote(value) || NOT_PLAIN.test(value) ? `"${value}"` : value;
}

type Lines = string[];

function emitList(items: unknown[], indent: string, out: Lines, mustQuote: Quoting): boolean {
  for (const item of items) {
    if (Array.isArray(item)) return false;
    if (isPlainObject(item)) {
      const keys = Object.keys(item);
      if (keys.length === 0) {
        out.push(`${indent}- {}`);
        continue;
      }
      const start = out.length;
      if (!emitMap(item, `${indent}  `, out, mustQuote)) return false;
      // The first key shares the dash's line: "- marker: 1", the rest line up under it.
      out[start] = `${indent}- ${(out[start] as string).slice(indent.length + 2)}`;
      continue;
    }
    const text = scalarText(item, mustQuote);
    if (text === undefined) return false;
    out.push(`${indent}- ${text}`);
  }
  return true;
}

type Quoting = (text: string) => boolean;

function emitMap(
  map: Record<string, unknown>,
  indent: string,
  out: Lines,
  mustQuote: Quoting,
): boolean {
  for (const key of Object.keys(map)) {
    if (!SAFE_KEY.test(key) || mustQuote(key)) return false;
    const value = map[key];
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${indent}${key}: []`);
      else {
        out.push(`${indent}${key}:`);
        if (!emitList(value, `${indent}  `, out, mustQuote)) return false;
      }
    } else if (isPlainObject(value)) {
      if (Object.keys(value).length === 0) out.push(`${indent}${key}: {}`);
      else {
        out.push(`${indent}${key}:`);
        if (!emitMap(value, `${indent}  `, out, mustQuote)) return false;
      }
    } else {
      const text = scalarText(value, mustQuote);
      if (text === undefined) return false;
      out.push(`${indent}${key}: ${text}`);
    }
  }
  return true;
}

/**
 * The frontmatter text for `data`, byte for byte what frontmatter.ts's `yaml` path writes, or
 * undefined when `data` holds anything this emitter does not handle. `mustQuote` is the rule that
 * forces double quotes on strings another reader could type (frontmatter.ts `looksTyped`).
 */
export function emitSimpleFrontmatter(
  data: Record<string, unknown>,
  mustQuote: Quoting,
): string | undefined {
  if (!isPlainObject(data) || Object.keys(data).length === 0) return undefined;
  const out: Lines = [];
  if (!emitMap(data, '', out, mustQuote)) return undefined;
  return `${out.join('\n')}\n`;
}
