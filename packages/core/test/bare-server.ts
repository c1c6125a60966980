import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { RoboWrite } from '../src/index.ts';

/**
 * A bare loopback HTTP server standing in for an API that answers off-spec (what the faithful
 * emulator never does), so the client's own guards can be seen working.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export const BARE_API_KEY = 'rw_bare_server_key_0123456789';

const open: { servers: ReturnType<typeof createServer>[]; clients: RoboWrite[] } = {
  servers: [],
  clients: [],
};
afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((c) => c.close()));
  await Promise.all(open.servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Starts `handler` on a free port; `hits` lists `METHOD url` of every request it received. */
export async function bareServer(handler: Handler): Promise<{ client: RoboWrite; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  open.servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const client = new RoboWrite({
    apiKey: BARE_API_KEY,
    baseURL: `http://127.0.0.1:${port}/api/public/v1`,
    rateLimit: false,
    logLevel: 'off',
  });
  open.clients.push(client);
  return { client, hits };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The `offset` query parameter of a request (0 when absent). */
export function offsetOf(req: IncomingMessage): number {
  return Number(new URL(req.url ?? '', 'http://x').searchParams.get('offset') ?? 0);
}
