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
  const found = await readProjectEnv(options.root, options.env ?? process.env);
  return credentialsFrom(found, options.provider ?? ('robowrite' as P));
}

/**
 * The variables one run works with: the environment first, then `<root>/.env`. Read once and
 * handed on (the CLI reads it once per command, for its output's scrubbing and the provider's
 * credentials alike), so what is scrubbed and what is used are one read.
 */
export interface ProjectEnv {
  /** The `.env` file that was consulted (it need not exist). */
  readonly envFile: string;
  /** A variable, environment first, then `.env`; an empty value counts as unset. */
  get(name: string): string | undefined;
}

/** Reads `<root>/.env` by the rules above; `resolveCredentials` is this plus `credentialsFrom`. */
export async function readProjectEnv(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProjectEnv> {
  const envFile = join(root, '.env');
  // A missing or unreadable `.env` is the same as an empty one: the environment may be enough.
  const text = await readFile(envFile, 'utf8').catch(() => '');
  const dotenv: Readonly<Record<string, string | undefined>> = text ? parseEnv(text) : {};
  return { envFile, get: (name) => env[name] || dotenv[name] || undefined };
}

/** One provider's variables (`CREDENTIAL_VARIABLES`) from a read of the project's environment. */
export function credentialsFrom<P extends ProviderName = 'robowrite'>(
  found: ProjectEnv,
  provider: P,
): CredentialsOf<P> {
  const names = CREDENTIAL_VARIABLES[provider as ProviderName];
  const base = { apiKey: found.get(names.apiKey), baseURL: found.get(names.baseURL) };
  const credentials = { ...base, envFile: found.envFile };
  if (provider === 'writerzroom') {
    const dialect = found.get(CREDENTIAL_VARIABLES.writerzroom.dialect);
    return { ...credentials, dialect } as CredentialsOf<P>;
  }
  if (provider === 'writer') {
    const applicationId = found.get(CREDENTIAL_VARIABLES.writer.applicationId);
    return { ...credentials, applicationId } as CredentialsOf<P>;
  }
  return credentials as CredentialsOf<P>;
}

/** Every provider's API key set in a read of the project's environment. */
export function apiKeysFrom(found: ProjectEnv): string[] {
  return Object.values(CREDENTIAL_VARIABLES).flatMap(({ apiKey }) => found.get(apiKey) ?? []);
}

/**
 * Every provider's API key that is set (environment, then `.env`, read once): what a command
 * scrubs from its output before its config has said which provider it uses.
 */
export async function resolveApiKeys(
  options: Omit<ResolveCredentialsOptions, 'provider'>,
): Promise<string[]> {
  return apiKeysFrom(await readProjectEnv(options.root, options.env ?? process.env));
}
