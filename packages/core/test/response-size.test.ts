import { describe, expect, it } from 'vitest';
import { APIConnectionError } from '../src/index.ts';
import { bareServer } from './bare-server.ts';

// Issue 10: a 200 MB draft was read whole (1.7 GB peak); the client now stops at 64 MiB.
describe('response size limit', () => {
  it('refuses a response over 64 MiB while it streams in, without retrying', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const { client, hits } = await bareServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const more = () => {
        while (sent < 80) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => {});
      more();
    });
    const error = await client.content.retrieve('item-1').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'GET /content/item-1: response is over the 64 MB limit (a draft may hold 5 MB)',
    );
    expect(hits).toHaveLength(1);
  });
});
