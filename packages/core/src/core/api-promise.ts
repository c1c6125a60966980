/** What every call can tell about the HTTP exchange behind its result. */
export interface ResponseInfo {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The server's request id (`x-request-id`), when it sent one. */
  requestId: string | null;
  /** True when the server replayed a stored result for a reused `Idempotency-Key`. */
  replayed: boolean;
}

export interface WithResponse<T> {
  data: T;
  response: ResponseInfo;
}

/**
 * The promise every method returns: awaits to the parsed body, and `.withResponse()` gives the
 * body together with the response metadata. The request starts at once (like `fetch`). A list's
 * promise may be consumed only by `for await`, never awaited itself, so its own rejection is
 * marked handled here; whoever awaits or iterates still receives the error.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #raw: Promise<WithResponse<T>>;

  constructor(raw: Promise<WithResponse<T>>) {
    this.#raw = raw;
    raw.catch(() => {});
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is meant to be awaited.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#raw.then((r) => r.data).then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
