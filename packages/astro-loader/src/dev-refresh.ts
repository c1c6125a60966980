import { fileURLToPath } from 'node:url';
import { errorLine, PROVIDER_LABELS } from '@robowrite/core';
import type { AstroIntegration } from 'astro';
import { loaderCredentials, providerCache } from './client.ts';
import { listedDrafts } from './listed-drafts.ts';
import { LOADER_NAME } from './loader.ts';
import { markdownWithoutMdx } from './markdown-without-mdx.ts';
import { type RobowriteSourceOptions, resolveSourceOptions } from './options.ts';

/** Each member of a union without the keys `K` (a plain `Omit` would merge the members). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The provider choice and source options of the loaders, without what only a read uses. */
export type RobowriteDevRefreshOptions = OmitEach<RobowriteSourceOptions, 'include' | 'id'> & {
  /**
   * Time between polls. Each poll is one listing: for RoboWrite one list request per status (per
   * 200 items), so the 30 s default spends 6 of the API's 120 requests a minute with the three
   * default statuses; for WriterzRoom v1 one `GET /v1/content`; for Writer one list request per
   * application (per 100 completed jobs).
   */
  intervalMs?: number;
};

/**
 * During `astro dev`, polls the content list and, when what is in scope changed (a draft landed,
 * moved status, got a new version or went away), refreshes the collections that use
 * `robowriteLoader`, without a restart. In `astro build` it only keeps the MDX compiler out of
 * the server bundle (see markdown-without-mdx.ts).
 */
export function robowriteDevRefresh(options: RobowriteDevRefreshOptions = {}): AstroIntegration {
  const scope = resolveSourceOptions(options);
  const intervalMs = options.intervalMs ?? 30_000;
  let command: string | undefined;
  // The Astro project root, where `.env` is looked for (as the build loader does).
  let root = process.cwd();
  let timer: NodeJS.Timeout | undefined;
  // Bumped on every (re)start and stop, so a poll in flight from an older server never reschedules.
  let generation = 0;
  // One client (and provider) for every poll of a dev server's life; closed when the server stops.
  const providers = providerCache(options);
  const label = PROVIDER_LABELS[scope.provider];
  const stop = (): void => {
    generation++;
    clearTimeout(timer);
    providers.close();
  };
  return {
    name: '@robowrite/astro-loader/dev-refresh',
    hooks: {
      'astro:config:setup': (params) => {
        command = params.command;
        root = fileURLToPath(params.config.root);
        // Keeps the MDX compiler out of the server bundle that holds the live loader.
        params.updateConfig({ vite: { plugins: [markdownWithoutMdx()] } });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // Astro also runs this hook for the short-lived Vite servers of `astro build` and
        // `astro sync`; only the dev server should poll.
        if (command !== 'dev' || !refreshContent) return;
        stop();
        const current = generation;
        let last: string | null = null;
        let failing = false;
        const poll = async (): Promise<void> => {
          const credentials = await loaderCredentials(options, root);
          try {
            const items = await listedDrafts(providers.providerFor(credentials), scope);
            const fingerprint = items
              .map((item) => `${item.id}|${item.status}|${item.marker ?? ''}`)
              .sort()
              .join('\n');
            if (failing) logger.info(`${label} reachable again`);
            failing = false;
            // The first poll only records what the initial sync already loaded.
            if (last !== null && fingerprint !== last && current === generation) {
              logger.info(`${label} drafts changed: refreshing content`);
              await refreshContent({ loaders: [LOADER_NAME], context: { source: 'robowrite' } });
            }
            last = fingerprint;
          } catch (error) {
            // A poll cut short by stop() (its client closed under it) has nothing to report.
            if (current !== generation) return;
            if (!failing) {
              const reason = errorLine(error, { secrets: [credentials.apiKey] });
              logger.warn(`polling ${label} failed: ${reason}`);
            }
            failing = true;
          }
          if (current !== generation) return;
          timer = setTimeout(poll, intervalMs);
          // Never the reason a process stays alive.
          timer.unref();
        };
        timer = setTimeout(poll, 0);
        timer.unref();
        server.httpServer?.once('close', stop);
      },
      'astro:server:done': stop,
    },
  };
}
