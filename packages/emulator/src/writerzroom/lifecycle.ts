import { writeContent } from './content.ts';
import type { WzrStore } from './store.ts';
import type { Generation } from './types.ts';

/**
 * A generation's life is a pure function of elapsed time, as RoboWrite's jobs are: no timers run,
 * and a reloaded `--state` file resumes mid-flight. It reads `processing` through four stages
 * (seed 002 shows `stage: "writer"` at `progress: 60`, which falls in the writer stage here), then
 * `completed` or `failed` once it ends.
 */
const STAGES: readonly [string, number][] = [
  ['planner', 0],
  ['researcher', 0.2],
  ['writer', 0.45],
  ['editor', 0.8],
];

export function endsAtMs(g: Generation): number {
  return g.created_ms + g.duration_ms * g.ends_at;
}

export function isFinished(g: Generation, now: number): boolean {
  return now >= endsAtMs(g);
}

/** The stage and whole-percent progress at `now` (at the end for a finished generation). */
export function stageAt(g: Generation, now: number): { stage: string; progress: number } {
  const elapsed = Math.min(now, endsAtMs(g)) - g.created_ms;
  const fraction = g.duration_ms === 0 ? g.ends_at : Math.max(0, elapsed / g.duration_ms);
  let stage = STAGES[0]?.[0] ?? 'planner';
  for (const [name, from] of STAGES) if (fraction >= from) stage = name;
  return { stage, progress: Math.min(99, Math.floor(fraction * 100)) };
}

/** Applies the effects whose time has come, oldest first, so content ids never depend on timing. */
export function settleGenerations(store: WzrStore, now: number): void {
  for (const g of store.generations.values()) {
    if (g.settled || !isFinished(g, now)) continue;
    g.settled = true;
    store.dirty = true;
    if (g.outcome === 'completed') {
      g.content_id = writeContent(store, g, new Date(endsAtMs(g)).toISOString()).id;
      continue;
    }
    // A failed generation gives its credit back.
    const account = store.accounts.find((a) => a.id === g.account_id);
    if (account) account.credits += 1;
  }
}
