import { RoboWrite } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** An emulator fast enough for tests: short jobs, no rate limit unless a test asks for one. */
export function fastEmulator(
  options: Parameters<typeof startEmulator>[0] = {},
): ReturnType<typeof startEmulator> {
  return startEmulator({ port: 0, jobDurationMs: 30, rateLimit: false, ...options });
}

/** A client for arranging upstream changes (the loader under test makes its own). */
export function adminClient(emu: Emulator): RoboWrite {
  return new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url, maxRetries: 0 });
}

/**
 * An item made with `POST /content/items` and never generated: status `draft`, no version, so no
 * draft to load.
 */
export async function createUngeneratedItem(
  client: RoboWrite,
  title: string,
): Promise<{ id: string; slug: string }> {
  const property = (await client.properties.list()).items[0];
  if (!property) throw new Error('the demo fixture has a property');
  const brief = await client.briefs.create({ title, primaryKeyword: title.toLowerCase() });
  const item = await client.content.create({ briefId: brief.id, propertyId: property.id, title });
  if (item.status !== 'draft' || item.versions.length > 0) {
    throw new Error(`a created item is a draft without versions, got ${item.status}`);
  }
  return { id: item.id, slug: item.slug };
}

/** Requests made so far to one item's route (`GET /content/{id}`), across all items. */
export function itemRetrieves(emu: Emulator): number {
  return sumRoutes(emu, (route) => /^GET \/content\/[^/]+$/.test(route));
}

/** Requests made so far to the content list (`GET /content`). */
export function listRequests(emu: Emulator): number {
  return sumRoutes(emu, (route) => route === 'GET /content');
}

function sumRoutes(emu: Emulator, match: (route: string) => boolean): number {
  const routes = emu.stats().routes as Record<string, number>;
  return Object.entries(routes)
    .filter(([route]) => match(route))
    .reduce((sum, [, count]) => sum + count, 0);
}
