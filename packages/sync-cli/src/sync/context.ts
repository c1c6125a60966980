import { isAbsolute, resolve } from 'node:path';
import { createRoboWriteProvider, type ProviderV1, RoboWrite } from '@robowrite/core';
import { readCredentials } from '../config/credentials.ts';
import type { ResolvedConfig } from '../config/define-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { CLI_VERSION } from '../version.ts';
import { checkOutDir, insideRoot } from './out-dir.ts';
import { checkRealFolder } from './real-folder.ts';
import { conflictsDir } from './writer.ts';

/** Everything a sync operation needs; commands build one, tests and scripts can too. */
export interface SyncContext {
  /** Project root: config, `.env` and `.robowrite/` live here. */
  root: string;
  config: ResolvedConfig;
  /** Absolute output folder. */
  outDir: string;
  client: RoboWrite;
  /** What a sync reads and generates through: the RoboWrite provider over `client`. */
  provider: ProviderV1;
  /** Only so output can be scrubbed of it; never printed or stored. */
  apiKey: string;
}

export interface ContextOverrides {
  outDir?: string | undefined;
  brand?: string | undefined;
  statuses?: string[] | undefined;
  /** Inject a client (tests, the demo); otherwise one is built from the environment. */
  client?: RoboWrite | undefined;
  /** Reload the config bypassing Node's module cache (watch mode). */
  fresh?: boolean | undefined;
  /** Allow an output folder outside the project root (`--force-out`). */
  forceOut?: boolean | undefined;
}

export function resolveOutDir(root: string, outDir: string): string {
  return isAbsolute(outDir) ? outDir : resolve(root, outDir);
}

export async function createContext(
  root: string,
  overrides: ContextOverrides = {},
): Promise<SyncContext> {
  const { config } = await loadConfig(root, { fresh: overrides.fresh ?? false });
  if (overrides.outDir) config.outDir = overrides.outDir;
  if (overrides.brand) config.brand = overrides.brand;
  if (overrides.statuses && overrides.statuses.length > 0) config.statuses = overrides.statuses;
  const outDir = resolveOutDir(root, config.outDir);
  await checkOutDir(root, outDir, {
    shown: config.outDir,
    forceOut: overrides.forceOut ?? false,
  });
  // Before any command writes or deletes there (an output folder outside the root is only
  // reached with --force-out, which says it is meant).
  if (insideRoot(root, outDir)) await checkRealFolder(root, outDir);
  await checkRealFolder(root, conflictsDir(root));
  let client = overrides.client;
  let apiKey = '';
  if (!client) {
    const credentials = await readCredentials(root);
    apiKey = credentials.apiKey;
    client = new RoboWrite({
      apiKey,
      baseURL: credentials.baseURL ?? config.baseURL,
      userAgent: `robowrite-cli/${CLI_VERSION}`,
    });
  }
  // The client is owned here (or by the caller who injected it), never closed by the provider.
  const provider = createRoboWriteProvider({
    client,
    generationDefaults: {
      brandId: config.brand ?? null,
      propertyId: config.generate.propertyId ?? null,
    },
  });
  return { root, config, outDir, client, provider, apiKey };
}
