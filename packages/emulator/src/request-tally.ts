import type { FaultKind, Faults } from './faults.ts';
import type { Stats } from './runtime.ts';

/**
 * Counts a routed request under its route key (`GET /content/{id}`, or `GET (unmatched)` when no
 * route matched) and takes the fault queued for that key, if any: the key faults are aimed at.
 */
export function tallyRequest(
  stats: Stats,
  faults: Faults,
  method: string,
  template: string | null,
): { kind: FaultKind; retryAfter: number } | null {
  const routeKey = template === null ? `${method} (unmatched)` : `${method} ${template}`;
  stats.routes[routeKey] = (stats.routes[routeKey] ?? 0) + 1;
  const injected = faults.take(routeKey);
  if (injected) stats.faultsInjected += 1;
  return injected;
}
