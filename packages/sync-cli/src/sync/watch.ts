import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE } from '../config/define-config.ts';
import { isTempFile } from './atomic-write.ts';
import { type ContextOverrides, createContext, type SyncContext } from './context.ts';
import { hashText } from './hash.ts';
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
  // Hashes we wrote ourselves this session, so our own renames are not mistaken for edits.
  const ours = new Set<string>();
  const configPath = join(root, CONFIG_FILE);

  const onFileEvent = async (path: string) => {
    if (path === configPath) {
      reload = true;
      return;
    }
    if (isTempFile(path) || !path.endsWith('.md')) return;
    const state = await readState(root, ctx.config.outDir).catch(() => null);
    const file = path.slice(ctx.outDir.length + 1);
    const known = state && Object.values(state.items).find((item) => item.file === file);
    if (!known) return;
    const text = await readTextOrNull(path);
    const hash = text === null ? null : hashText(text);
    if (hash !== null && (hash === known.hash || ours.has(hash))) return;
    options.onLocalEdit?.(file, hash === null ? 'deleted' : 'edited');
  };
  // chokidar needs the folder to exist to watch what appears in it.
  await mkdir(ctx.outDir, { recursive: true });
  const watcher: FSWatcher = chokidarWatch([ctx.outDir, configPath], {
    ignoreInitial: true,
    ignored: (path: string) => isTempFile(path),
  });
  watcher.on('change', (path) => void onFileEvent(path));
  watcher.on('unlink', (path) => void onFileEvent(path));
  watcher.on('add', (path) => {
    if (path === configPath) reload = true;
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.onReady?.(ctx);

  try {
    while (!signal.aborted) {
      if (reload) {
        reload = false;
        try {
          const next = await createContext(root, { ...overrides, client: ctx.client, fresh: true });
          if (next.outDir !== ctx.outDir) {
            await mkdir(next.outDir, { recursive: true });
            watcher.add(next.outDir);
          }
          ctx = next;
          options.onConfigReload?.(null);
        } catch (error) {
          options.onConfigReload?.(error);
        }
      }
      let requests = 1;
      try {
        const result = await pull(ctx, {
          force: options.force ?? false,
          signal,
          onProgress: (event) => {
            if (event.type === 'action' && 'desired' in event.outcome && event.outcome.desired) {
              ours.add(hashText(event.outcome.desired.text));
            }
          },
        });
        requests = result.requests;
        options.onCycle?.(result);
      } catch (error) {
        if (signal.aborted) break;
        options.onError?.(error);
      }
      const pause = pauseAfter(
        requests,
        options.intervalMs ?? ctx.config.watch.intervalMs,
        ctx.config.watch.requestsPerMinute,
      );
      await sleep(pause, undefined, { signal }).catch(() => {});
    }
  } finally {
    await watcher.close();
  }
}
