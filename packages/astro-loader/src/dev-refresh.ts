import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { providerCache } from './client.ts';
import { devPoll } from './dev-poll.ts';
import { LOADER_NAME } from './loader.ts';
import { markdownWithoutMdx } from './markdown-without-mdx.ts';
import { type RobowriteSourceOptions, resolveSourceOptions } from './options.ts';
import { pollEvery } from './poll-loop.ts';

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
  // The running poller's stop; a (re)start and a stop end it first.
  let stopPolling = (): void => {};
  // One client (and provider) for every poll of a dev server's life; closed when the server stops.
  const providers = providerCache(options);
  const stop = (): void => {
    stopPolling();
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
        const refresh = () =>
          refreshContent({ loaders: [LOADER_NAME], context: { source: 'robowrite' } });
        const poll = devPoll({ options, scope, root, providers, logger, refresh });
        stopPolling = pollEvery(intervalMs, poll);
        server.httpServer?.once('close', stop);
      },
      'astro:server:done': stop,
    },
  };
}
