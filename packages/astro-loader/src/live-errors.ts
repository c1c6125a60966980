import { LiveCollectionError, LiveEntryNotFoundError } from 'astro/content/runtime';

/**
 * The API failed while serving a live collection (unreachable, rate limited past the retry
 * budget, a bad key). `status` is the HTTP status when the API answered at all.
 */
export class RobowriteLiveError extends LiveCollectionError {
  readonly status: number | null;

  constructor(collection: string, message: string, status: number | null, cause?: Error) {
    super(collection, message, cause);
    this.name = 'RobowriteLiveError';
    this.status = status;
    // The cause's stack would point into the HTTP client; the message already says what failed.
    this.stack = `${this.name}: ${message}`;
  }

  static override is(error: unknown): error is RobowriteLiveError {
    return (error as { name?: unknown } | null)?.name === 'RobowriteLiveError';
  }
}

/**
 * No item matches the id or slug. Keeps Astro's error name, so `LiveEntryNotFoundError.is(error)`
 * in a page still recognises it; `instanceof RobowriteEntryNotFoundError` tells it apart.
 */
export class RobowriteEntryNotFoundError extends LiveEntryNotFoundError {
  readonly lookup: string;

  constructor(collection: string, lookup: string) {
    super(collection, lookup);
    this.lookup = lookup;
  }
}

/** The errors a live loader's calls answer with. */
export type RobowriteLiveErrorType = RobowriteLiveError | RobowriteEntryNotFoundError;
