import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestEmulator } from './helpers.ts';

export const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Jobs recorded in `.robowrite/state.json` (none when there is no state file). */
export async function recordedJobs(dir: string): Promise<string[]> {
  const text = await readFile(join(dir, '.robowrite', 'state.json'), 'utf8').catch(() => null);
  return text === null ? [] : Object.keys(JSON.parse(text).jobs ?? {});
}

/** Requests that would have created something upstream. */
export function creations(target: TestEmulator): Record<string, number> {
  const routes = target.stats().routes as Record<string, number>;
  return {
    briefs: routes['POST /briefs'] ?? 0,
    items: routes['POST /content/items'] ?? 0,
    topics: routes['POST /brands/{brand_id}/topics'] ?? 0,
    jobs: target.stats().jobsCreated,
  };
}
export const NONE = { briefs: 0, items: 0, topics: 0, jobs: 0 };

/** The lines robowrite printed on stderr (blank lines aside). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '');
}
