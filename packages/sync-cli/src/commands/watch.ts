import { statusesWarning } from '@robowrite/core';
import type { Reporter } from '../output/reporter.ts';
import type { ContextOverrides } from '../sync/context.ts';
import { watchLoop } from '../sync/watch.ts';
import { EXIT } from './exit-codes.ts';
import { describeAction } from './render-pull.ts';

/** Runs until SIGINT/SIGTERM, then exits 0 once the current step has finished. */
export async function watchCommand(
  root: string,
  overrides: ContextOverrides,
  reporter: Reporter,
  options: { force: boolean; intervalMs?: number; json?: boolean },
): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const emit = (event: Record<string, unknown>) => {
    if (options.json) reporter.document(event, false);
  };
  let lastFailures = new Set<string>();
  try {
    await watchLoop(root, overrides, {
      signal: controller.signal,
      force: options.force,
      ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
      onReady: (ctx) => {
        reporter.line(`Watching ${ctx.config.outDir} (Ctrl-C to stop)`);
        const statusWarning = statusesWarning(ctx.config.provider, ctx.config.statuses);
        if (statusWarning !== null) reporter.warn(statusWarning);
        emit({ event: 'ready', outDir: ctx.config.outDir });
      },
      onCycle: (result) => {
        for (const outcome of result.actions) {
          const line = describeAction(outcome, false);
          if (line && !(outcome.kind === 'skip')) reporter.line(line.text, line.label);
          if (outcome.kind !== 'skip')
            emit({ event: outcome.kind, itemId: outcome.itemId, file: outcome.file });
        }
        // The same failure every cycle would drown the log: say it once, and again if it returns.
        const now = new Set(result.failures.map((f) => f.message));
        for (const message of now) if (!lastFailures.has(message)) reporter.error(message);
        lastFailures = now;
      },
      onError: (error) => reporter.error((error as Error).message),
      onLocalEdit: (file, change) => {
        reporter.warn(
          `${file} was ${change} locally: pulls leave it alone (status lists it; --force overrides)`,
        );
        emit({ event: 'local-edit', file, change });
      },
      onConfigReload: (error) => {
        if (error) reporter.error(`config not reloaded: ${(error as Error).message}`);
        else reporter.line('Config reloaded');
        emit({ event: 'config-reloaded', ok: error === null });
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  reporter.line('Stopped.');
  emit({ event: 'stopped' });
  return EXIT.ok;
}
