import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, configSchema, type ResolvedConfig } from './define-config.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Absent when there is no config file and defaults apply. */
  path: string | null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export function parseConfig(value: unknown, source: string): ResolvedConfig {
  const result = configSchema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'config';
    throw new ConfigError(`${source}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * Loads `robowrite.config.mjs` from the project root. `fresh` busts Node's module cache so
 * `pull --watch` sees edits.
 */
export async function loadConfig(
  root: string,
  options: { fresh?: boolean } = {},
): Promise<LoadedConfig> {
  const path = join(root, CONFIG_FILE);
  if (!(await exists(path))) return { config: parseConfig({}, CONFIG_FILE), path: null };
  const url = pathToFileURL(path);
  if (options.fresh) url.searchParams.set('t', `${Date.now()}-${Math.random()}`);
  let module: { default?: unknown };
  try {
    module = (await import(url.href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE} could not be loaded: ${(error as Error).message}`);
  }
  return { config: parseConfig(defaultExport(module), CONFIG_FILE), path };
}

/**
 * The config object. A file without `export default`, or exporting null, is a mistake (a
 * typo'd `export const`, a half-finished edit): silently using the defaults would pull into a
 * folder the user never chose, so it is an error instead.
 */
function defaultExport(module: { default?: unknown }): unknown {
  if (!('default' in module)) {
    throw new ConfigError(
      `${CONFIG_FILE} has no default export: write \`export default defineConfig({ ... })\``,
    );
  }
  if (module.default === null || typeof module.default !== 'object') {
    throw new ConfigError(
      `${CONFIG_FILE}: the default export is ${module.default === null ? 'null' : typeof module.default}; export an object: \`export default defineConfig({ ... })\``,
    );
  }
  return module.default;
}
