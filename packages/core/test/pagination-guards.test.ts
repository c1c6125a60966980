import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type PaginationError, RoboWriteError } from '../src/index.ts';
import { bareServer, offsetOf, sendJson } from './bare-server.ts';
import { rejection } from './helpers.ts';

/**
 * Servers that always answer `has_more: true`. Each gives up after `GIVE_UP` requests (answering
 * `has_more: false`) so that a client without the guards fails these tests instead of hanging.
 */
const GIVE_UP = 40;

function endless(
  page: (offset: number, hit: number) => { items: { id: string }[]; total: number; offset: number },
) {
  let hit = 0;
  return (req: IncomingMessage, res: ServerResponse) => {
    hit += 1;
    const { items, total, offset } = page(offsetOf(req), hit);
    sendJson(res, 200, { items, total, limit: 2, offset, has_more: hit < GIVE_UP });
  };
}

async function walk(list: AsyncIterable<unknown>): Promise<Error> {
  return rejection(
    (async () => {
      for await (const _ of list) {
        // Draining is the point.
      }
    })(),
  );
}

function expectPaginationError(error: Error, reason: PaginationError['reason']): void {
  expect(error).toBeInstanceOf(RoboWriteError);
  expect(error.name).toBe('PaginationError');
  expect((error as PaginationError).reason).toBe(reason);
  expect(error.message).toContain('GET /brands');
}

describe('pagination against a server that always says has_more (issue 10, finding 6)', () => {
  it('finding 6: stops on a repeated page (same rows at every offset)', async () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    const { client, hits } = await bareServer(
      endless((offset) => ({ items: rows, total: 99, offset })),
    );
    expectPaginationError(await walk(client.brands.list({ limit: 2 })), 'repeated-page');
    expect(hits).toHaveLength(2);
  });

  it('finding 6: stops when the offset makes no progress (the server ignores it)', async () => {
    const { client, hits } = await bareServer(
      endless((_offset, hit) => ({
        items: [{ id: `x${hit}` }, { id: `y${hit}` }],
        total: 99,
        offset: 0,
      })),
    );
    expectPaginationError(await walk(client.brands.list({ limit: 2 })), 'no-progress');
    expect(hits).toHaveLength(2);
  });

  it('finding 6: stops past the total the server announced (new rows forever)', async () => {
    const { client, hits } = await bareServer(
      endless((offset) => ({
        items: [{ id: `r${offset}` }, { id: `s${offset}` }],
        total: 6,
        offset,
      })),
    );
    const error = await walk(client.brands.list({ limit: 2 }));
    expectPaginationError(error, 'past-total');
    expect(hits).toHaveLength(3);
    expect((error as PaginationError).offset).toBe(6);
  });

  it('finding 6: stops a walk whose total keeps growing (hard cap)', async () => {
    const { client, hits } = await bareServer(
      endless((offset) => ({
        items: [{ id: `r${offset}` }, { id: `s${offset}` }],
        total: offset + 10,
        offset,
      })),
    );
    expectPaginationError(await walk(client.brands.list({ limit: 2 })), 'runaway');
    // The first page announced 10: the walk may reach twice that plus a page, then stops.
    expect(hits.length).toBeLessThan(GIVE_UP);
  });

  it('getNextPage() refuses the same way, page by page', async () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    const { client } = await bareServer(endless((offset) => ({ items: rows, total: 99, offset })));
    const first = await client.brands.list({ limit: 2 });
    expectPaginationError(await rejection(first.getNextPage()), 'repeated-page');
  });
});
