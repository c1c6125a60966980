/**
 * Text from outside (an API `detail`, a job error, a title) made safe to print or store: the API
 * key removed however a server echoed it, and nothing a terminal would act on. Printing a
 * server's text raw lets it clear the screen, set the window title, overwrite a line with `\r`
 * or reorder it with a bidi override, and so fake a result such as "all synced OK".
 */

/**
 * Shorter "keys" are not scrubbed: replacing every `abc` in a text would mangle it and hide
 * nothing worth hiding. Real keys are far longer.
 */
export const MIN_SECRET_LENGTH = 8;

export const REDACTED = '[redacted]';

export interface ScrubTextOptions {
  /** Keep `\n` (for text printed as several lines on purpose); otherwise it is shown as `\n`. */
  keepNewlines?: boolean;
}

/**
 * Terminal escape sequences, dropped whole (their parameters are instructions, not text): CSI
 * (`ESC [ 2 J`), OSC up to BEL or ST (`ESC ] 0 ; title BEL`), DCS / SOS / PM / APC strings up
 * to ST, and the two-character escapes. Written with `\u` escapes to keep ESC out of the source.
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '\\u001b[PX^_][^\\u001b]*(?:\\u001b\\\\)?',
    '\\u001b[ -/]*[0-~]',
  ].join('|'),
  'g',
);

/**
 * What is left to neutralise: C0 controls but tab (and newline, handled apart), DEL, C1 controls
 * (0x9b is a one-byte CSI to some terminals), line and paragraph separators, the bidi marks,
 * embeddings, overrides and isolates.
 */
const CONTROL_RANGES = [
  '\\u0000-\\u0008',
  '\\u000b-\\u001f',
  '\\u007f-\\u009f',
  '\\u061c\\u200e\\u200f',
  '\\u2028-\\u202e',
  '\\u2066-\\u2069',
];
const CONTROL = new RegExp(`[${CONTROL_RANGES.join('')}]`, 'g');

/** `\x1b`, `\u202e`: the character named, visibly, instead of acted on. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The forms a key can take in text: as is, and URL-encoded when that differs. */
function secretForms(secrets: readonly (string | null | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a form that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function removeSecrets(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

/**
 * `text` without the `secrets` (each at least {@link MIN_SECRET_LENGTH} characters; shorter ones
 * and `undefined` are ignored) and without terminal controls. The key is removed before and after
 * escape sequences are dropped, so one split by a sequence is found too.
 */
export function scrubText(
  text: string,
  secrets: readonly (string | null | undefined)[] = [],
  options: ScrubTextOptions = {},
): string {
  const forms = secretForms(secrets);
  const plain = removeSecrets(removeSecrets(text, forms).replace(ESCAPE_SEQUENCE, ''), forms);
  const controlled = plain.replace(CONTROL, visible);
  return options.keepNewlines ? controlled : controlled.replace(/\n/g, '\\n');
}

/**
 * Removes only the `secrets` (as is and URL-encoded), nothing else: for content that is stored as
 * written (a draft's body and fields go into files and the data store, where a tab or a `\r` is
 * data, not an instruction to a terminal). Printing such text still goes through `scrubText`.
 */
export function secretRemover(
  secrets: readonly (string | null | undefined)[],
): (text: string) => string {
  const forms = secretForms(secrets);
  return (text) => removeSecrets(text, forms);
}

/** A scrubber bound to its secrets, for code that scrubs many texts with the same key. */
export function textScrubber(
  secrets: readonly (string | null | undefined)[],
  options: ScrubTextOptions = {},
): (text: string) => string {
  return (text) => scrubText(text, secrets, options);
}

/**
 * Every string in a JSON-like value scrubbed (newlines kept: JSON escapes them), for documents
 * such as `--json` output. Keys are scrubbed too: some records are keyed by ids from the API.
 */
export function scrubDeep(
  value: unknown,
  secrets: readonly (string | null | undefined)[],
): unknown {
  if (typeof value === 'string') return scrubText(value, secrets, { keepNewlines: true });
  if (Array.isArray(value)) return value.map((entry) => scrubDeep(entry, secrets));
  // A Date (or anything with toJSON) is scrubbed as JSON.stringify would write it.
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  if (typeof toJSON === 'function') return scrubDeep(toJSON.call(value), secrets);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, entry] of Object.entries(value)) {
      out[scrubText(key, secrets, { keepNewlines: true })] = scrubDeep(entry, secrets);
    }
    return out;
  }
  return value;
}
