import { CREDENTIAL_VARIABLES, type ProviderName } from '@robowrite/core';
import { type ProjectEnv, readProjectEnv } from './project-env.ts';

export class MissingKeyError extends Error {
  override name = 'MissingKeyError';
  constructor(provider: ProviderName = 'robowrite') {
    const variable = CREDENTIAL_VARIABLES[provider].apiKey;
    super(
      `no API key: set ${variable} in the environment or in a .env file next to robowrite.config.mjs (never in the config itself)`,
    );
  }
}

export interface Credentials {
  apiKey: string;
  baseURL: string | undefined;
  /** WriterzRoom's `WRITERZROOM_DIALECT`, as written (the provider checks it). */
  dialect?: string | undefined;
  /** Writer's `WRITER_APPLICATION_ID`. */
  applicationId?: string | undefined;
}

/** A provider's variables as found; the key may be missing (`init` says what that means). */
export type ProviderVariables = Omit<Credentials, 'apiKey'> & { apiKey: string | undefined };

/** The provider's own variables (`CREDENTIAL_VARIABLES`), what core's `resolveCredentials` reads. */
export function providerVariables(env: ProjectEnv, provider: ProviderName): ProviderVariables {
  const names = CREDENTIAL_VARIABLES[provider];
  const found = { apiKey: env.get(names.apiKey), baseURL: env.get(names.baseURL) };
  if (provider === 'writerzroom') {
    return { ...found, dialect: env.get(CREDENTIAL_VARIABLES.writerzroom.dialect) };
  }
  if (provider === 'writer') {
    return { ...found, applicationId: env.get(CREDENTIAL_VARIABLES.writer.applicationId) };
  }
  return found;
}

/**
 * The key comes only from the environment or `.env`, under the provider's own variable names;
 * it is never read from config or state.
 */
export function credentialsIn(env: ProjectEnv, provider: ProviderName = 'robowrite'): Credentials {
  const found = providerVariables(env, provider);
  if (!found.apiKey) throw new MissingKeyError(provider);
  return { ...found, apiKey: found.apiKey };
}

/** Every provider's key that is set: what a command scrubs before its config names a provider. */
export function apiKeysIn(env: ProjectEnv): string[] {
  return Object.values(CREDENTIAL_VARIABLES).flatMap(({ apiKey }) => env.get(apiKey) ?? []);
}

/** One provider's credentials from a fresh read of `.env` (scripts; commands pass theirs). */
export async function readCredentials(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  provider: ProviderName = 'robowrite',
): Promise<Credentials> {
  return credentialsIn(await readProjectEnv(root, env), provider);
}
