import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RefreshContentOptions } from 'astro';
import type { robowriteDevRefresh } from '../../src/index.ts';

type SetupHook = (options: {
  server: { httpServer: EventEmitter };
  logger: { info: (m: string) => void; warn: (m: string) => void };
  refreshContent?: (options: RefreshContentOptions) => Promise<void>;
}) => void;

type ConfigHook = (options: {
  command: 'dev' | 'build' | 'preview' | 'sync';
  config: { root: URL };
  updateConfig: (config: unknown) => void;
}) => void;

/** Runs the integration's hooks the way `astro dev` (or another command) does, with a stand-in server. */
export function startDevServer(
  integration: ReturnType<typeof robowriteDevRefresh>,
  command: 'dev' | 'build' = 'dev',
  // The Astro project root; by default a folder that does not exist, so there is no `.env`.
  root = join(tmpdir(), `robowrite-no-project-${process.pid}`),
) {
  (integration.hooks['astro:config:setup'] as unknown as ConfigHook)({
    command,
    config: { root: pathToFileURL(`${root}/`) },
    updateConfig: () => {},
  });
  const httpServer = new EventEmitter();
  const refreshes: RefreshContentOptions[] = [];
  const logs: string[] = [];
  const setup = integration.hooks['astro:server:setup'] as unknown as SetupHook;
  setup({
    server: { httpServer },
    logger: { info: (m) => logs.push(m), warn: (m) => logs.push(`warn: ${m}`) },
    refreshContent: async (options) => {
      refreshes.push(options);
    },
  });
  return { refreshes, logs, stop: () => httpServer.emit('close') };
}
