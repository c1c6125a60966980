import { APIPromise, type ResponseInfo, type WithResponse } from './api-promise.ts';
import { checkNextOffset, checkNotRepeated, type PagePosition } from './page-walk.ts';

/** The documented list envelope. */
export interface PageEnvelope<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  has_more: boolean;
}

/** Fetches the page at an offset; the resource fixes every other query parameter. */
export type PageFetcher<T> = (offset: number) => Promise<WithResponse<PageEnvelope<T>>>;

function idOf(item: unknown): unknown {
  return item !== null && typeof item === 'object' && 'id' in item ? item.id : undefined;
}

/**
 * One page of a list, plus the way to the rest. Paging follows the guide: the next offset is
 * `offset + items.length` (not `offset + limit`, which would skip items if the server ever
 * returned a short page), and it stops on `has_more === false` or an empty page. Items inserted
 * ahead of the cursor while paging shift earlier items onto the next page; iteration remembers
 * the ids it has yielded so it never yields one twice. A server that keeps saying `has_more` in a
 * way that cannot end (see page-walk.ts) gets a `PaginationError` instead of endless requests.
 */
export class Page<T> implements PageEnvelope<T>, AsyncIterable<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly has_more: boolean;
  readonly response: ResponseInfo;
  readonly #fetch: PageFetcher<T>;
  readonly #position: PagePosition;

  constructor(
    envelope: PageEnvelope<T>,
    response: ResponseInfo,
    fetch: PageFetcher<T>,
    position?: PagePosition,
  ) {
    this.items = envelope.items;
    this.total = envelope.total;
    this.limit = envelope.limit;
    this.offset = envelope.offset;
    this.has_more = envelope.has_more;
    this.response = response;
    this.#fetch = fetch;
    this.#position = position ?? {
      walk: { path: () => '(list)', start: envelope.offset, firstTotal: envelope.total },
      requestedOffset: envelope.offset,
      pageNumber: 1,
    };
  }

  hasNextPage(): boolean {
    return this.has_more && this.items.length > 0;
  }

  /** The next page, or null after the last one. */
  async getNextPage(): Promise<Page<T> | null> {
    if (!this.hasNextPage()) return null;
    const next = this.offset + this.items.length;
    checkNextOffset(this.#position, this, next);
    const { data, response } = await this.#fetch(next);
    const position: PagePosition = {
      walk: this.#position.walk,
      requestedOffset: next,
      pageNumber: this.#position.pageNumber + 1,
    };
    checkNotRepeated(position, this.items, data.items);
    return new Page(data, response, this.#fetch, position);
  }

  /** This page and every later one. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> | null = this;
    while (page) {
      yield page;
      page = await page.getNextPage();
    }
  }

  /** Every item from this page on, each id at most once. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const seen = new Set<unknown>();
    for await (const page of this.iterPages()) {
      for (const item of page.items) {
        const id = idOf(item);
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        yield item;
      }
    }
  }
}

/**
 * What a `list()` returns: await it for the first page, or iterate it directly
 * (`for await (const item of client.content.list())`) to walk every item on every page.
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  /** `path` names the list in a `PaginationError`. */
  constructor(fetch: PageFetcher<T>, offset: number, path: () => string = () => '(list)') {
    super(
      fetch(offset).then(({ data, response }) => {
        const walk = { path, start: offset, firstTotal: data.total };
        const position = { walk, requestedOffset: offset, pageNumber: 1 };
        return { data: new Page(data, response, fetch, position), response };
      }),
    );
  }

  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    const first = await this;
    yield* first.iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const first = await this;
    yield* first;
  }
}
