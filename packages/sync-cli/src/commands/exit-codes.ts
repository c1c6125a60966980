/** Documented exit codes. */
export const EXIT = {
  ok: 0,
  /** Some item or request failed (the rest still ran); `publish`: an item the API refused. */
  failure: 1,
  /**
   * Bad flags, bad config, an invalid state file, a missing or rejected API key, a Node.js below
   * the engines range; or a `generate` that needs a decision first: a previous run sent the same
   * generation to an API with no idempotency key and its answer was lost (`pull`, or `--new`).
   */
  usage: 2,
  /** Local edits kept; incoming versions are in `.robowrite/conflicts/`. */
  conflicts: 3,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
