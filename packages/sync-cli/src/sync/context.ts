import { isAbsolute, resolve } from 'node:path';
import {
  createProvider,
  type ProjectEnv,
  type ProviderV1,
  RoboWrite,
  RoboWriteError,
  readProjectEnv,
  type WriterzRoomDialect,
} from '@robowrite/core';
import { type Credentials, credentialsIn } from '../config/credentials.ts';
import type { ResolvedConfig } from '../config/define-config.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
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
  /** The RoboWrite client (null for the other providers, whose clients their provider owns). */
  client: RoboWrite | null;
  /** What a sync reads and generates through: the configured provider. */
  provider: ProviderV1;
  /**
   * When the CLI started each generation, by draft id, filled from the state by a pull: the
   * WriterzRoom api dialect's answers carry no date, so a draft is dated by its job record and a
   * re-pull renders the same file.
   */
  startedAt: Map<string, string>;
  /** Only so output can be scrubbed of it; never printed or stored. */
  apiKey: string;
}

export interface ContextOverrides {
  outDir?: string | undefined;
  brand?: string | undefined;
  statuses?: string[] | undefined;
  /** Inject a client (tests, the demo); otherwise one is built from the environment. */
  client?: RoboWrite | undefined;
  /**
   * The command's variables, read once (`runCommand`); `<root>/.env` is read here only when
   * absent (tests, scripts).
   */
  env?: ProjectEnv | undefined;
  /** A context whose provider is kept when the reloaded config names the same API (watch). */
  reuse?: SyncContext | undefined;
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
  const { reuse } = overrides;
  if (reuse && sameProvider(reuse.config, config)) {
    const { client, provider, startedAt, apiKey } = reuse;
    return { root, config, outDir, client, provider, startedAt, apiKey };
  }
  const built = await buildProvider(config, overrides.client, () =>
    overrides.env ? Promise.resolve(overrides.env) : readProjectEnv(root),
  );
  return { root, config, outDir, ...built };
}

/**
 * Whether a reloaded config talks to the same API as before (the provider and its base URL), so
 * the provider, its client and what the watch learned of its jobs' durations are kept.
 */
function sameProvider(before: ResolvedConfig, after: ResolvedConfig): boolean {
  return before.provider === after.provider && before.baseURL === after.baseURL;
}

type Built = Pick<SyncContext, 'client' | 'provider' | 'startedAt' | 'apiKey'>;

/**
 * The configured provider, through core's `createProvider`, with the provider's own credentials
 * (its variables, environment first, then `.env`). A client the caller injected (tests, the
 * demo; RoboWrite only) is owned by the caller and never closed here.
 */
async function buildProvider(
  config: ResolvedConfig,
  injected: RoboWrite | undefined,
  projectEnv: () => Promise<ProjectEnv>,
): Promise<Built> {
  const userAgent = `robowrite-cli/${CLI_VERSION}`;
  const startedAt = new Map<string, string>();
  if (config.provider === 'robowrite') {
    let client = injected;
    let apiKey = '';
    if (!client) {
      const credentials = credentialsIn(await projectEnv());
      apiKey = credentials.apiKey;
      client = new RoboWrite({
        apiKey,
        baseURL: credentials.baseURL ?? config.baseURL,
        userAgent,
      });
    }
    const provider = createProvider({
      provider: 'robowrite',
      client,
      generationDefaults: {
        brandId: config.brand ?? null,
        propertyId: config.generate.propertyId ?? null,
      },
    });
    return { client, provider, startedAt, apiKey };
  }
  const credentials: Credentials = credentialsIn(await projectEnv(), config.provider);
  try {
    return otherProvider(config, credentials, userAgent, startedAt);
  } catch (error) {
    // The provider checks its options (a dialect, an application id): a setup mistake, one line.
    if (error instanceof RoboWriteError) throw new ConfigError(error.message.split('\n')[0] ?? '');
    throw error;
  }
}

function otherProvider(
  config: ResolvedConfig,
  credentials: Credentials,
  userAgent: string,
  startedAt: Map<string, string>,
): Built {
  const common = {
    apiKey: credentials.apiKey,
    baseURL: credentials.baseURL ?? config.baseURL,
    userAgent,
  };
  if (config.provider === 'writerzroom') {
    const dialect = (config.writerzroom.dialect ?? credentials.dialect) as
      | WriterzRoomDialect
      | undefined;
    const provider = createProvider({
      provider: 'writerzroom',
      ...common,
      dialect,
      knownCreatedAt: (draftId) => startedAt.get(draftId),
    });
    return { client: null, provider, startedAt, apiKey: credentials.apiKey };
  }
  const fromEnv = credentials.applicationId ? [credentials.applicationId] : undefined;
  const provider = createProvider({
    provider: 'writer',
    ...common,
    applicationIds: config.writer.applicationIds ?? fromEnv,
  });
  return { client: null, provider, startedAt, apiKey: credentials.apiKey };
}
