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
