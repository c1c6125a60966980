import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RewritingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server in front of the emulator that rewrites response bodies as text: it stands in
 * for an API that sends what the emulator never would (a slug with terminal escapes in it).
 */
export async function textRewritingProxy(
  baseURL: string,
  rewrite: (body: string) => string,
): Promise<RewritingProxy> {
  const target = new URL(baseURL);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
        headers.set(name, value);
    }
    const response = await fetch(`${target.origin}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(rewrite(await response.text()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
