import { PaginationError, type PaginationStopReason } from './errors.ts';

/** A walk never fetches more pages than this, whatever the server says. */
export const MAX_PAGES = 10_000;

/** What a walk over a list remembers, to tell a list that ends from one that never will. */
export interface PageWalk {
  /** The list's path, for errors; read only once a page has been fetched. */
  path: () => string;
  /** The offset the walk started at. */
  start: number;
  /** The `total` the first page announced. */
  firstTotal: number;
}

/** Where one page sits in its walk. */
export interface PagePosition {
  walk: PageWalk;
  /** The offset this page was requested at (the server's `offset` may differ). */
  requestedOffset: number;
  /** 1 for the first page of the walk. */
  pageNumber: number;
}

interface PageShape {
  offset: number;
  total: number;
  limit: number;
  items: readonly unknown[];
}

function stop(
  position: PagePosition,
  reason: PaginationStopReason,
  offset: number,
  pages: number,
  problem: string,
): PaginationError {
  return new PaginationError({ reason, path: position.walk.path(), offset, pages, problem });
}

/**
 * Throws before requesting the page at `next` when that request could never bring the walk
 * closer to its end. The total may grow while paging (items are created meanwhile), so the
 * runaway bound allows the walk twice the first page's total plus a page, not just the total.
 */
export function checkNextOffset(position: PagePosition, page: PageShape, next: number): void {
  const pages = position.pageNumber;
  if (next <= position.requestedOffset) {
    const problem =
      `asked for offset ${position.requestedOffset}, the server answered offset ${page.offset} ` +
      `with ${page.items.length} items, so the next page would not move forward`;
    throw stop(position, 'no-progress', next, pages, problem);
  }
  if (next >= page.total) {
    const problem = `has_more is true, but this page already reaches the ${page.total} items its total announced`;
    throw stop(position, 'past-total', next, pages, problem);
  }
  const travelled = next - position.walk.start;
  if (pages >= MAX_PAGES || travelled > 2 * position.walk.firstTotal + page.limit) {
    const problem =
      `${pages} pages and ${travelled} items in, far past the ${position.walk.firstTotal} ` +
      'items the first page announced, and has_more is still true';
    throw stop(position, 'runaway', next, pages, problem);
  }
}

function fingerprint(items: readonly unknown[]): string {
  const ids = items.map((item) =>
    item !== null && typeof item === 'object' && 'id' in item ? item.id : undefined,
  );
  return JSON.stringify(ids.every((id) => id !== undefined) ? ids : items);
}

/** Throws when a page repeats the rows of the one before it (a server ignoring `offset`). */
export function checkNotRepeated(
  position: PagePosition,
  previous: readonly unknown[],
  items: readonly unknown[],
): void {
  if (items.length === 0 || fingerprint(items) !== fingerprint(previous)) return;
  const problem = `the page at offset ${position.requestedOffset} repeats the previous page's rows`;
  throw stop(position, 'repeated-page', position.requestedOffset, position.pageNumber, problem);
}
