import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './emulator.ts';

export interface RewritingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server in front of the emulator that rewrites its JSON responses: it stands in for
 * an API that returns what the emulator never would (hostile slugs, a bad date, a huge body).
 */
export async function rewritingProxy(
  emu: Emulator,
  rewrite: (path: string, body: unknown) => unknown,
  /** Maps each request's path and query before forwarding: serves ids the emulator never issues. */
  forward: (url: string) => string = (url) => url,
): Promise<RewritingProxy> {
  const target = new URL(emu.url);
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && key !== 'host' && key !== 'content-length') {
        headers.set(key, value);
      }
    }
    const response = await fetch(`${target.origin}${forward(req.url ?? '/')}`, {
      method: req.method ?? 'GET',
      headers,
    });
    const text = await response.text();
    const path = new URL(req.url ?? '/', target).pathname;
    const out = response.ok && text ? JSON.stringify(rewrite(path, JSON.parse(text))) : text;
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Item = { id?: string } & Record<string, unknown>;

/**
 * A rewrite that changes the items `pick` chooses (by their position in the first listing they
 * appear in) wherever they appear: in content lists and in single-item responses.
 */
export function rewriteItems(change: (item: Item, index: number) => Item, count: number) {
  const chosen = new Map<string, number>();
  const rewrite = (_path: string, body: unknown): unknown => {
    const page = body as { items?: Item[] };
    if (Array.isArray(page.items)) {
      for (const item of page.items) {
        if (chosen.size < count && item.id !== undefined && !chosen.has(item.id)) {
          chosen.set(item.id, chosen.size);
        }
      }
      return { ...page, items: page.items.map((item) => changed(item)) };
    }
    return changed(body as Item);
  };
  const changed = (item: Item): Item => {
    const index = item.id === undefined ? undefined : chosen.get(item.id);
    return index === undefined ? item : change(item, index);
  };
  return { rewrite, chosen: () => [...chosen.keys()] };
}
