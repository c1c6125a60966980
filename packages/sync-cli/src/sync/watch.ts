import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE } from '../config/define-config.ts';
import { isTempFile } from './atomic-write.ts';
import { type ContextOverrides, createContext, type SyncContext } from './context.ts';
import { hashText } from './hash.ts';
import { DEFAULT_MAX_GAP_MS, JobSchedule } from './job-schedule.ts';
import { type PullResult, pull } from './pull.ts';
import { readState } from './state.ts';
import { readTextOrNull } from './writer.ts';

export interface WatchHandlers {
  onCycle?: (result: PullResult) => void;
  onError?: (error: unknown) => void;
  /** A synced file was changed or deleted by someone else: pulls leave it alone from now on. */
  onLocalEdit?: (file: string, change: 'edited' | 'deleted') => void;
  onConfigReload?: (error: unknown | null) => void;
  /** Called once the file watcher is ready (tests wait for it). */
  onReady?: (ctx: SyncContext) => void;
}

export interface WatchOptions extends WatchHandlers {
  signal: AbortSignal;
  force?: boolean;
  /** Overrides `watch.intervalMs` from the config. */
  intervalMs?: number;
  /** Inject a client (tests, the demo). */
  client?: ContextOverrides['client'];
}

/** Pause that keeps the request rate under the budget: a busy cycle buys a longer rest. */
export function pauseAfter(
  requests: number,
  intervalMs: number,
  requestsPerMinute: number,
): number {
  return Math.max(intervalMs, Math.ceil((requests * 60_000) / requestsPerMinute));
}

/** The schedule in use before a config reload, and the context it was made for. */
export interface ScheduleBefore {
  ctx: SyncContext;
  schedule: JobSchedule;
}

/**
 * The job-poll schedule for a context. Polls take a share of what one interval's budget allows:
 * a quarter where the listing collects drafts (a poll only completes the record), half where
 * polls are how drafts are found (each landing costs a read too); the rest is the listing's.
 * Only there is the oldest job probed every interval until a first landing. After a reload the
 * durations learned so far are kept while the provider is (`createContext` keeps it for the same
 * API): another API's jobs take their own time, so a new provider starts from nothing.
 */
export function jobScheduleFor(
  ctx: SyncContext,
  intervalMs: number,
  before?: ScheduleBefore,
): JobSchedule {
  const perInterval = (intervalMs * ctx.config.watch.requestsPerMinute) / 60_000;
  const listed = ctx.provider.listing === 'complete';
  const rules = { intervalMs, maxGapMs: Math.max(intervalMs, DEFAULT_MAX_GAP_MS) };
  const continuing = before?.ctx.provider === ctx.provider ? before.schedule : undefined;
  return new JobSchedule(rules, perInterval / (listed ? 4 : 2), { probe: !listed, continuing });
}

/** What the file watcher tells the loop: a synced file changed, or the config did. */
interface FileEvents {
  root: string;
  /** The context in use now (the config can move the output folder). */
  current: () => SyncContext;
  /** Hashes we wrote ourselves this session, so our own renames are not mistaken for edits. */
  ours: ReadonlySet<string>;
  onConfigChange: () => void;
  onLocalEdit: WatchHandlers['onLocalEdit'];
}

/** A change to a file in the output folder that the state tracks and we did not write. */
async function onFileEvent(events: FileEvents, path: string): Promise<void> {
  const configPath = join(events.root, CONFIG_FILE);
  if (path === configPath) return events.onConfigChange();
  if (isTempFile(path) || !path.endsWith('.md')) return;
  const ctx = events.current();
  const state = await readState(events.root, ctx.config.outDir).catch(() => null);
  const file = path.slice(ctx.outDir.length + 1);
  const known = state && Object.values(state.items).find((item) => item.file === file);
  if (!known) return;
  const text = await readTextOrNull(path);
  const hash = text === null ? null : hashText(text);
  if (hash !== null && (hash === known.hash || events.ours.has(hash))) return;
  events.onLocalEdit?.(file, hash === null ? 'deleted' : 'edited');
}

/** chokidar over the output folder and the config file, ready when this resolves. */
async function watchFiles(events: FileEvents): Promise<FSWatcher> {
  const configPath = join(events.root, CONFIG_FILE);
  const { outDir } = events.current();
  // chokidar needs the folder to exist to watch what appears in it.
  await mkdir(outDir, { recursive: true });
  const watcher: FSWatcher = chokidarWatch([outDir, configPath], {
    ignoreInitial: true,
    ignored: (path: string) => isTempFile(path),
  });
  watcher.on('change', (path) => void onFileEvent(events, path));
  watcher.on('unlink', (path) => void onFileEvent(events, path));
  watcher.on('add', (path) => {
    if (path === configPath) events.onConfigChange();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}

/** The context under the changed config (same client), or the old one when it does not load. */
async function reloadContext(
  ctx: SyncContext,
  overrides: ContextOverrides,
  watcher: FSWatcher,
  options: WatchOptions,
): Promise<SyncContext> {
  try {
    const next = await createContext(ctx.root, { ...overrides, reuse: ctx, fresh: true });
    if (next.outDir !== ctx.outDir) {
      await mkdir(next.outDir, { recursive: true });
      watcher.add(next.outDir);
    }
    options.onConfigReload?.(null);
    return next;
  } catch (error) {
    options.onConfigReload?.(error);
    return ctx;
  }
}

/**
 * A reload that changed the API (provider or base URL) built a new provider: the old one's
 * connections are closed, unless its client is the caller's (tests, the demo), which it closes.
 */
export async function closeReplaced(
  before: SyncContext,
  after: SyncContext,
  injected: SyncContext['client'] | undefined,
): Promise<void> {
  if (after.provider === before.provider) return;
  if (injected && before.client === injected) return;
  // RoboWrite's provider wraps a client the context built (its `close` leaves a passed-in client
  // alone); the other providers own theirs.
  await (before.client ?? before.provider).close().catch(() => {});
}

/** One pull; how many requests it made (1 when it failed: the rest still counts). */
async function cycle(
  ctx: SyncContext,
  options: WatchOptions,
  ours: Set<string>,
  schedule: JobSchedule,
): Promise<number> {
  const result = await pull(ctx, {
    force: options.force ?? false,
    signal: options.signal,
    schedule,
    onProgress: (event) => {
      if (event.type === 'action' && 'desired' in event.outcome && event.outcome.desired) {
        ours.add(hashText(event.outcome.desired.text));
      }
    },
  });
  options.onCycle?.(result);
  return result.requests;
}

/**
 * `pull --watch`: pulls, rests within the request budget, pulls again, until the signal aborts.
 * The lock is held per cycle, not for the whole session, so `generate` can run alongside.
 * chokidar reports edits to synced files as they happen (pulls never overwrite them: the planner
 * and the writer's last look compare hashes) and reloads the config when it changes. Aborting
 * lets an in-flight write finish (each is one atomic rename), so nothing is left half-written.
 */
export async function watchLoop(
  root: string,
  overrides: ContextOverrides,
  options: WatchOptions,
): Promise<void> {
  const { signal } = options;
  let ctx = await createContext(root, { ...overrides, client: options.client ?? overrides.client });
  let reload = false;
  const ours = new Set<string>();
  const watcher = await watchFiles({
    root,
    current: () => ctx,
    ours,
    onConfigChange: () => {
      reload = true;
    },
    onLocalEdit: options.onLocalEdit,
  });
  options.onReady?.(ctx);
  const intervalOf = (c: SyncContext) => options.intervalMs ?? c.config.watch.intervalMs;
  let schedule = jobScheduleFor(ctx, intervalOf(ctx));
  try {
    while (!signal.aborted) {
      if (reload) {
        reload = false;
        const next = await reloadContext(ctx, overrides, watcher, options);
        schedule = jobScheduleFor(next, intervalOf(next), { ctx, schedule });
        await closeReplaced(ctx, next, options.client ?? overrides.client);
        ctx = next;
      }
      let requests = 1;
      let failed = false;
      const cycleStart = Date.now();
      try {
        requests = await cycle(ctx, options, ours, schedule);
      } catch (error) {
        if (signal.aborted) break;
        failed = true;
        options.onError?.(error);
      }
      // Counted from the cycle's start: a cycle that took part of its interval rests the rest,
      // and the requests it made still buy their share of a minute's budget. A failed cycle
      // rests in full, so a failing API is not retried back to back.
      const rest = pauseAfter(requests, intervalOf(ctx), ctx.config.watch.requestsPerMinute);
      const pause = failed ? rest : Math.max(0, rest - (Date.now() - cycleStart));
      await sleep(pause, undefined, { signal }).catch(() => {});
    }
  } finally {
    await watcher.close();
  }
}
