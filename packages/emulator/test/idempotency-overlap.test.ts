import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { InFlightKeys } from '../src/idempotency-in-flight.ts';
import type { Emulator } from '../src/index.ts';
import { call, demoBrands, start } from './helpers.ts';

const ROUTE = 'POST /brands/{brand_id}/topics';

interface Answer {
  status: number;
  replayed: string | undefined;
  body: { id: string };
}

/** A same-key POST whose headers are on the wire but whose body is held back until `send`. */
function heldPost(emu: Emulator, path: string, key: string, body: unknown) {
  let req: ClientRequest | undefined;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(`${emu.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${emu.apiKey}`,
        'user-agent': 'robowrite-tests/1.0',
        'content-type': 'application/json',
        'idempotency-key': key,
      },
    });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const replayed = res.headers['idempotency-replayed'];
        resolve({
          status: res.statusCode ?? 0,
          replayed: replayed as string,
          body: JSON.parse(text),
        });
      });
    });
    req.flushHeaders();
  });
  return { answer, send: () => req?.end(JSON.stringify(body)) };
}

/** Waits, without a clock, until the emulator has seen `count` requests on the route. */
async function seen(emu: Emulator, count: number): Promise<void> {
  while ((emu.stats().routes[ROUTE] ?? 0) < count) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('issue 10 fidelity: overlapping requests with one Idempotency-Key', () => {
  it('three concurrent same-key topic POSTs create one topic; the later two are replays of it', async () => {
    const emu = await start();
    const { noCms } = await demoBrands(emu);
    const path = `/brands/${noCms}/topics`;
    const title = 'Overlapping same-key topic';
    const posts = [1, 2, 3].map(() =>
      heldPost(emu, path, 'overlap-1', { title, primary_keyword: 'overlap' }),
    );
    // All three are in flight (headers read, bodies not yet sent) before any can finish.
    await seen(emu, 3);
    for (const post of posts) post.send();
    const answers = await Promise.all(posts.map((p) => p.answer));

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === 'true')).toHaveLength(2);
    expect(answers.filter((a) => a.replayed === undefined)).toHaveLength(1);
    const listed = await call(
      emu,
      'GET',
      `/topics?brand_id=${noCms}&keyword=${encodeURIComponent(title)}`,
    );
    expect(listed.body.total).toBe(1);
    expect(emu.stats().replays).toBe(2);
  });
});

describe('InFlightKeys', () => {
  it('gives up waiting on a key still held once the wait is over, and frees it on release', async () => {
    const keys = new InFlightKeys();
    const release = keys.claim('org POST /x k');
    expect(await keys.waitTurn('org POST /x k', 0)).toBe(false);
    expect(await keys.waitTurn('org POST /x other', 0)).toBe(true);
    release();
    expect(await keys.waitTurn('org POST /x k', 0)).toBe(true);
  });
});
