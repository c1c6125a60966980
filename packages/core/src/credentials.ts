import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { ProviderName } from './providers/provider-name.ts';

/** The key and base URL as found; either may be missing, and the caller says what that means. */
export interface RobowriteCredentials {
  apiKey: string | undefined;
  baseURL: string | undefined;
  /** The `.env` file that was consulted (it need not exist), for messages that say where to look. */
  envFile: string;
}

/** WriterzRoom's, plus `WRITERZROOM_DIALECT` as written (core's `createProvider` checks it). */
export interface WriterzRoomCredentials extends RobowriteCredentials {
  dialect: string | undefined;
}

/** Writer's, plus `WRITER_APPLICATION_ID`: the application whose jobs are the drafts. */
export interface WriterCredentials extends RobowriteCredentials {
  applicationId: string | undefined;
}

/** What `resolveCredentials` finds for one provider. */
export type CredentialsOf<P extends ProviderName> = P extends 'writerzroom'
  ? WriterzRoomCredentials
  : P extends 'writer'
    ? WriterCredentials
    : RobowriteCredentials;

/** The variables each provider is configured by, for reading and for messages naming them. */
export const CREDENTIAL_VARIABLES = Object.freeze({
  robowrite: { apiKey: 'ROBOWRITE_API_KEY', baseURL: 'ROBOWRITE_BASE_URL' },
  writerzroom: {
    apiKey: 'WRITERZROOM_API_KEY',
    baseURL: 'WRITERZROOM_BASE_URL',
    dialect: 'WRITERZROOM_DIALECT',
  },
  writer: {
    apiKey: 'WRITER_API_KEY',
    baseURL: 'WRITER_BASE_URL',
    applicationId: 'WRITER_APPLICATION_ID',
  },
} as const);

export interface ResolveCredentialsOptions<P extends ProviderName = 'robowrite'> {
  /** The project root: where the `.env` file is looked for. */
  root: string;
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Whose variables to read (default `robowrite`: `ROBOWRITE_API_KEY`, `ROBOWRITE_BASE_URL`). */
  provider?: P;
}

/**
 * The one place the CLI and the Astro loaders read a provider's key, base URL and settings
 * (`CREDENTIAL_VARIABLES`), so a key that works for `robowrite pull` works for `astro build` too.
 * Each variable comes from the environment first, then from `<root>/.env` (parsed by Node's
 * `util.parseEnv`, the same rules as `node --env-file`); an empty value counts as unset. Only
 * `.env` is read: no `.env.local` or `.env.production`, so there is one file to look at when a
 * key is missing. Nothing is written back to `process.env`, and the key is never logged here.
 */
export async function resolveCredentials<P extends ProviderName = 'robowrite'>(
  options: ResolveCredentialsOptions<P>,
): Promise<CredentialsOf<P>> {
  const { read, envFile } = await variableReader(options.root, options.env ?? process.env);
  const provider: ProviderName = options.provider ?? 'robowrite';
  const names = CREDENTIAL_VARIABLES[provider];
  const found = { apiKey: read(names.apiKey), baseURL: read(names.baseURL), envFile };
  if (provider === 'writerzroom') {
    return {
      ...found,
      dialect: read(CREDENTIAL_VARIABLES.writerzroom.dialect),
    } as CredentialsOf<P>;
  }
  if (provider === 'writer') {
    const applicationId = read(CREDENTIAL_VARIABLES.writer.applicationId);
    return { ...found, applicationId } as CredentialsOf<P>;
  }
  return found as CredentialsOf<P>;
}

/** Each variable from the environment first, then from `<root>/.env`; empty counts as unset. */
async function variableReader(root: string, env: NodeJS.ProcessEnv) {
  const envFile = join(root, '.env');
  // A missing or unreadable `.env` is the same as an empty one: the environment may be enough.
  const text = await readFile(envFile, 'utf8').catch(() => '');
  const dotenv = text ? parseEnv(text) : {};
  const read = (name: string): string | undefined => env[name] || dotenv[name] || undefined;
  return { read, envFile };
}

/**
 * Every provider's API key that is set (environment, then `.env`, read once): what a command
 * scrubs from its output before its config has said which provider it uses.
 */
export async function resolveApiKeys(
  options: Omit<ResolveCredentialsOptions, 'provider'>,
): Promise<string[]> {
  const { read } = await variableReader(options.root, options.env ?? process.env);
  return Object.values(CREDENTIAL_VARIABLES).flatMap(({ apiKey }) => read(apiKey) ?? []);
}
