/** How long a finished listing is reused by default: a page's several calls, not an editor's wait. */
export const DEFAULT_LISTING_MAX_AGE_MS = 5_000;

/**
 * Listings shared between the calls one server serves, per scope key. A listing in flight is
 * joined; a finished one is reused for `maxAgeMs` after it finished; one that failed is dropped at
 * once (the callers already waiting on it get its error, the next call lists anew).
 */
export interface SharedListing<T> {
  /** The listing for `key`: the one in flight, else one finished within `maxAgeMs`, else a new one. */
  listing(key: string, list: () => Promise<T>): Promise<T>;
  /**
   * What `pick` finds in the listing for `key`. When it finds nothing in a listing that started
   * before this call (a reused one), lists once more (or joins a listing started since) before
   * answering null: something created before the call is never reported missing.
   */
  find<R>(key: string, list: () => Promise<T>, pick: (listing: T) => R | null): Promise<R | null>;
}

export interface SharedListingOptions {
  /** 0 lists on every call, sharing nothing. */
  maxAgeMs?: number;
  /** Epoch ms; tests pass their own. */
  now?: () => number;
}

interface Listed<T> {
  promise: Promise<T>;
  /** Order of the start among this cache's listings: later starts have larger numbers. */
  started: number;
  /** When it finished (`now()`); null while in flight. */
  finishedAt: number | null;
}

export function sharedListing<T>(options: SharedListingOptions = {}): SharedListing<T> {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_LISTING_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const byKey = new Map<string, Listed<T>>();
  // A counter, not the clock: "started after this call began" must hold within one millisecond.
  let starts = 0;

  const reusable = (listed: Listed<T>, startedAfter: number): boolean =>
    maxAgeMs > 0 &&
    listed.started > startedAfter &&
    (listed.finishedAt === null || now() - listed.finishedAt < maxAgeMs);

  const start = (key: string, list: () => Promise<T>): Listed<T> => {
    dropStale(byKey, now(), maxAgeMs);
    const listed: Listed<T> = { promise: list(), started: ++starts, finishedAt: null };
    byKey.set(key, listed);
    listed.promise.then(
      () => {
        listed.finishedAt = now();
      },
      // Never cached: only the entry of this very listing goes (a newer one may have replaced it).
      () => {
        if (byKey.get(key) === listed) byKey.delete(key);
      },
    );
    return listed;
  };

  /** A listing that started after the `startedAfter`-th start, reused when allowed. */
  const listedAfter = (key: string, list: () => Promise<T>, startedAfter: number): Listed<T> => {
    const current = byKey.get(key);
    return current !== undefined && reusable(current, startedAfter) ? current : start(key, list);
  };

  return {
    listing: async (key, list) => listedAfter(key, list, 0).promise,
    find: async (key, list, pick) => {
      const callStart = starts;
      const first = listedAfter(key, list, 0);
      const found = pick(await first.promise);
      if (found !== null || first.started > callStart) return found;
      // Reused from before this call: what the caller wants may have been created since.
      return pick(await listedAfter(key, list, callStart).promise);
    },
  };
}

/** Forgets finished listings past their age, so scopes asked for once do not pile up. */
function dropStale<T>(byKey: Map<string, Listed<T>>, at: number, maxAgeMs: number): void {
  for (const [key, listed] of byKey) {
    if (listed.finishedAt !== null && at - listed.finishedAt >= maxAgeMs) byKey.delete(key);
  }
}
