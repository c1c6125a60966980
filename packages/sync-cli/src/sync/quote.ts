/**
 * A value read from outside (the state file, the API) for one line of output: JSON-quoted, with
 * every control or format character escaped too (JSON leaves C1 controls, bidi overrides and
 * line separators as they are), so it can neither break the line nor drive the terminal.
 */
export function quote(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
