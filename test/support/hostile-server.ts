import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_DRAFT_BODY_BYTES } from '@robowrite/core';
import type { CraftedItem } from '@robowrite/emulator';
import { HOSTILE_BODY } from './hostile-draft.ts';

type Item = Record<string, unknown> & { id?: string; versions?: Record<string, unknown>[] };

/**
 * One item the hostile server serves: the emulator crafts it under `key` (its title there), the
 * server rewrites it on the way out. `good` items must still become a file and an entry, under
 * a safe name and with `title`; `bad` ones must fail alone, in one line naming their id.
 */
export interface HostileCase {
  key: string;
  kind: 'good' | 'bad';
  /** The title served (every case's is rewritten); the title its file and entry must carry. */
  title: string;
  /** The rest of the rewrite: a slug, an id, a date or a body the emulator would never send. */
  change?: (item: Item) => Item;
}

const ESC = '\u001b';
const huge = `${'word '.repeat(MAX_DRAFT_BODY_BYTES / 5)}over the limit\n`;

const withVersionsBody =
  (body: string) =>
  (item: Item): Item =>
    Array.isArray(item.versions)
      ? { ...item, versions: item.versions.map((version) => ({ ...version, markdown_body: body })) }
      : item;

/** Issue 10's hostile mix: crafted slugs, ids, YAML specials, controls, scripts, bad data. */
export const HOSTILE_CASES: HostileCase[] = [
  { key: 'case-plain', kind: 'good', title: 'A plain good draft' },
  { key: 'case-html-title', kind: 'good', title: '<img src=x onerror=alert(1)> in a title' },
  {
    key: 'case-dotdot-slug',
    kind: 'good',
    title: '---',
    change: (item) => ({ ...item, slug: '..' }),
  },
  {
    key: 'case-passwd-slug',
    kind: 'good',
    title: 'key: value',
    change: (item) => ({ ...item, slug: '../../etc/passwd' }),
  },
  {
    key: 'case-nested-slug',
    kind: 'good',
    title: '!!js/function "function () { return 1 }"',
    change: (item) => ({ ...item, slug: 'a/b/c' }),
  },
  {
    key: 'case-dot-slug',
    kind: 'good',
    title: '&anchor *alias',
    change: (item) => ({ ...item, slug: '.' }),
  },
  {
    key: 'case-con-slug',
    kind: 'good',
    title: '# not a comment',
    change: (item) => ({ ...item, slug: 'CON' }),
  },
  {
    key: 'case-escape-slug',
    kind: 'good',
    title: '@leading at',
    change: (item) => ({ ...item, slug: `${ESC}[2J\rclear` }),
  },
  { key: 'case-percent-title', kind: 'good', title: '%YAML 1.2' },
  {
    key: 'case-bidi-title',
    kind: 'good',
    title: `Bidi \u202Etxt.exe, a bell \u0007 and ${ESC}[31mred`,
  },
  {
    key: 'case-proto-id',
    kind: 'good',
    title: 'An item whose id is __proto__',
    change: (item) => ({ ...item, id: '__proto__', slug: 'proto' }),
  },
  {
    key: 'case-constructor-id',
    kind: 'good',
    title: 'An item whose id is constructor',
    change: (item) => ({ ...item, id: 'constructor', slug: 'ctor' }),
  },
  {
    key: 'case-bad-date',
    kind: 'bad',
    title: 'Bad date',
    change: (item) => ({ ...item, created_at: 'not-a-date' }),
  },
  {
    // Server text in the error line: controls and a bidi override must reach no terminal raw.
    key: 'case-control-date',
    kind: 'bad',
    title: 'Bad date with controls',
    change: (item) => ({ ...item, created_at: `${ESC}[2J\rnot-a-date\u202Eevil` }),
  },
  { key: 'case-huge-body', kind: 'bad', title: 'Huge body', change: withVersionsBody(huge) },
  {
    key: 'case-dotdot-id',
    kind: 'bad',
    title: 'An item whose id is ..',
    change: (item) => ({ ...item, id: '..' }),
  },
];

/** The emulator's items: one per case, the script-laden body in each (sources included). */
export function craftedItems(): CraftedItem[] {
  return HOSTILE_CASES.map((hostile) => ({
    title: hostile.key,
    status: 'in_review',
    markdownBody: `${HOSTILE_BODY}\n\nCase ${hostile.key}.\n`,
    sources: [
      { marker: 1, name: 'Good source', url: 'https://example.com/good' },
      { marker: 2, name: 'Script source', url: 'javascript:alert(13)' },
    ],
  }));
}

export interface HostileServer {
  url: string;
  /** Each case the server has listed, with the id it served the item under. */
  served(): { id: string; hostile: HostileCase }[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback in front of the emulator: it serves the emulator's RoboWrite v1
 * responses with each case's rewrite applied (in lists and single items alike), and maps the ids
 * it made up back to real ones, so a retrieve of `__proto__` reaches the item it stands for.
 * `endless` makes every list answer `has_more: true`, forever.
 */
export async function hostileServer(
  emulatorUrl: string,
  options: { endless?: boolean } = {},
): Promise<HostileServer> {
  const target = new URL(emulatorUrl);
  const byRealId = new Map<string, HostileCase>();
  const realIdOf = new Map<string, string>();

  const rewriteItem = (item: Item): Item => {
    const hostile = typeof item.id === 'string' ? byRealId.get(item.id) : undefined;
    if (hostile === undefined) return item;
    const titled = { ...item, title: hostile.title };
    const changed = hostile.change ? hostile.change(titled) : titled;
    if (changed.id !== item.id && typeof changed.id === 'string' && typeof item.id === 'string') {
      realIdOf.set(changed.id, item.id);
    }
    return changed;
  };
  const rewrite = (body: unknown): unknown => {
    const page = body as { items?: Item[] };
    if (!Array.isArray(page.items)) return rewriteItem(body as Item);
    for (const item of page.items) {
      const hostile = HOSTILE_CASES.find((c) => c.key === item.title);
      if (hostile && typeof item.id === 'string') byRealId.set(item.id, hostile);
    }
    const items = page.items.map(rewriteItem);
    return options.endless ? { ...page, items, has_more: true } : { ...page, items };
  };
  // `/content/__proto__?include=...` → `/content/<real id>?include=...`.
  const forward = (url: string): string =>
    url.replace(/\/content\/([^/?]+)/, (whole, segment: string) => {
      const real = realIdOf.get(decodeURIComponent(segment));
      return real === undefined ? whole : `/content/${encodeURIComponent(real)}`;
    });

  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') {
        headers.set(name, value);
      }
    }
    const response = await fetch(`${target.origin}${forward(req.url ?? '/')}`, {
      method: req.method ?? 'GET',
      headers,
    });
    const text = await response.text();
    const out = response.ok && text ? JSON.stringify(rewrite(JSON.parse(text))) : text;
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(out);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    served: () =>
      [...byRealId].map(([realId, hostile]) => ({
        id: [...realIdOf].find(([, real]) => real === realId)?.[0] ?? realId,
        hostile,
      })),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
