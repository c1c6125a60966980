import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** The key and base URL as found; either may be missing, and the caller says what that means. */
export interface RobowriteCredentials {
  apiKey: string | undefined;
  baseURL: string | undefined;
  /** The `.env` file that was consulted (it need not exist), for messages that say where to look. */
  envFile: string;
}

export interface ResolveCredentialsOptions {
  /** The project root: where the `.env` file is looked for. */
  root: string;
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The one place the CLI and the Astro loaders read `ROBOWRITE_API_KEY` and `ROBOWRITE_BASE_URL`,
 * so a key that works for `robowrite pull` works for `astro build` too. Each variable comes from
 * the environment first, then from `<root>/.env` (parsed by Node's `util.parseEnv`, the same rules
 * as `node --env-file`); an empty value counts as unset. Only `.env` is read: no `.env.local` or
 * `.env.production`, so there is one file to look at when a key is missing. Nothing is written
 * back to `process.env`, and the key is never logged here.
 */
export async function resolveCredentials(
  options: ResolveCredentialsOptions,
): Promise<RobowriteCredentials> {
  const env = options.env ?? process.env;
  const envFile = join(options.root, '.env');
  // A missing or unreadable `.env` is the same as an empty one: the environment may be enough.
  const text = await readFile(envFile, 'utf8').catch(() => '');
  const dotenv = text ? parseEnv(text) : {};
  return {
    apiKey: env.ROBOWRITE_API_KEY || dotenv.ROBOWRITE_API_KEY || undefined,
    baseURL: env.ROBOWRITE_BASE_URL || dotenv.ROBOWRITE_BASE_URL || undefined,
    envFile,
  };
}
