import { type EmulatorOptions, type Stats, startEmulator } from '@robowrite/emulator';

export const ALL_STATUSES = ['draft', 'in_review', 'published', 'archived'];

export interface BenchEmulator {
  url: string;
  apiKey: string;
  /** Counters now, to diff against later. */
  snapshot(): Stats;
  /** Requests and 429s since a snapshot (the emulator's own counts: exact). */
  since(before: Stats): StatsDelta;
  /** Environment for a child that talks to this emulator. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** What the emulator counted between two snapshots. */
export interface StatsDelta {
  requests: number;
  rateLimited: number;
  routes: Record<string, number>;
}

/** Requests, 429s and per-route counts from `before` to `now` (the emulator's own: exact). */
export function statsSince(now: Stats, before: Stats): StatsDelta {
  const routes: Record<string, number> = {};
  for (const [route, count] of Object.entries(now.routes)) {
    const delta = count - (before.routes[route] ?? 0);
    if (delta > 0) routes[route] = delta;
  }
  return {
    requests: now.requests - before.requests,
    rateLimited: now.rateLimited - before.rateLimited,
    routes,
  };
}

/**
 * The bench's emulator runs in the bench's own process; the measured builds and pulls run in
 * children, so their RSS does not include it.
 */
export async function startBenchEmulator(options: EmulatorOptions): Promise<BenchEmulator> {
  const emu = await startEmulator({ port: 0, queuedAckRate: 0, ...options });
  return {
    url: emu.url,
    apiKey: emu.apiKey,
    snapshot: () => structuredClone(emu.stats()),
    since: (before) => statsSince(emu.stats(), before),
    env: { ROBOWRITE_API_KEY: emu.apiKey, ROBOWRITE_BASE_URL: emu.url },
    close: () => emu.close(),
  };
}

/**
 * List pages a per-status listing of 200 a page costs: `ceil(n/200)` per status, and one for a
 * status with no items (the request that finds it empty). Counted with `total` (one request per
 * status, made before any measurement starts).
 */
export async function expectedListPages(
  emu: Pick<BenchEmulator, 'url' | 'apiKey'>,
  statuses: readonly string[],
): Promise<{ pages: number; items: number }> {
  let pages = 0;
  let items = 0;
  for (const status of statuses) {
    const res = await fetch(`${emu.url}/content?status=${status}&limit=1`, {
      headers: { authorization: `Bearer ${emu.apiKey}`, 'user-agent': 'robowrite-bench/0.1.0' },
    });
    const { total } = (await res.json()) as { total: number };
    items += total;
    pages += Math.max(1, Math.ceil(total / 200));
  }
  return { pages, items };
}
