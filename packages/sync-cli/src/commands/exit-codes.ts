/** Documented exit codes. */
export const EXIT = {
  ok: 0,
  /** Some item or request failed (the rest still ran). */
  failure: 1,
  /** Bad flags, bad config, an invalid state file, a missing or rejected API key, a Node.js below the engines range. */
  usage: 2,
  /** Local edits kept; incoming versions are in `.robowrite/conflicts/`. */
  conflicts: 3,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
