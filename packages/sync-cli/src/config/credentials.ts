import {
  CREDENTIAL_VARIABLES,
  credentialsFrom,
  type ProjectEnv,
  type ProviderName,
  readProjectEnv,
} from '@robowrite/core';

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

/** The provider's own variables, by core's one rule (`credentialsFrom`, as the loaders read them). */
export function providerVariables(env: ProjectEnv, provider: ProviderName): ProviderVariables {
  const { envFile: _, ...found } = credentialsFrom(env, provider);
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

/** One provider's credentials from a fresh read of `.env` (scripts; commands pass theirs). */
export async function readCredentials(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  provider: ProviderName = 'robowrite',
): Promise<Credentials> {
  return credentialsIn(await readProjectEnv(root, env), provider);
}
