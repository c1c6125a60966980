/**
 * Same-key requests that overlap in time. The guide promises a key "never double-creates", and a
 * client retrying after a timeout sends its second request while the first is still running: so
 * a key that is in flight makes later same-key requests wait for it (they then get its replay,
 * or run themselves if it failed and so left nothing to replay). The wait is bounded: past it the
 * later request gets a `409` (the guide's "resource is in the wrong state"), never a second run.
 */
import { ApiError } from './errors.ts';
import { findReplay } from './idempotency.ts';
import { Store } from './store/store.ts';
import type { IdempotencyRecord, Org } from './store/types.ts';

export const IN_FLIGHT_WAIT_MS = 30_000;

export class InFlightKeys {
  readonly #running = new Map<string, Promise<void>>();

  /**
   * Resolves true once no request holds `id` (the caller may then check for a replay and claim
   * it, synchronously), false when `waitMs` passed first.
   */
  async waitTurn(id: string, waitMs = IN_FLIGHT_WAIT_MS): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (let running = this.#running.get(id); running; running = this.#running.get(id)) {
      const left = deadline - Date.now();
      if (left <= 0 || !(await settlesWithin(running, left))) return false;
    }
    return true;
  }

  /** Marks `id` as running; the returned function ends it and wakes the waiters. */
  claim(id: string): () => void {
    let release = () => {};
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#running.set(id, running);
    return () => {
      if (this.#running.get(id) === running) this.#running.delete(id);
      release();
    };
  }
}

export interface KeyedRequest {
  store: Store;
  org: Org;
  /** `METHOD /concrete/path`. */
  scope: string;
  key: string;
  now: number;
}

/**
 * Waits for any same-key request in flight, then answers with its stored result (`replay`) or
 * lets this request run (`release` ends its turn). A wait that times out is a `409`.
 */
export async function takeTurn(
  inFlight: InFlightKeys,
  { store, org, scope, key, now }: KeyedRequest,
): Promise<
  { replay: IdempotencyRecord; release?: never } | { replay?: never; release: () => void }
> {
  const id = Store.idempotencyKey(org.id, scope, key);
  if (!(await inFlight.waitTurn(id))) {
    throw new ApiError(409, 'A request with this Idempotency-Key is still in progress');
  }
  const replay = findReplay(store, org, scope, key, now);
  return replay ? { replay } : { release: inFlight.claim(id) };
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
