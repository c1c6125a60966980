import { CREDENTIAL_VARIABLES, type ProviderName, resolveCredentials } from '@robowrite/core';

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

/**
 * The key comes only from the environment or `.env` (core's `resolveCredentials`, the rules the
 * Astro loaders follow too), under the provider's own variable names; it is never read from
 * config or state.
 */
export async function readCredentials(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  provider: ProviderName = 'robowrite',
): Promise<Credentials> {
  const found = await resolveCredentials({ root, env, provider });
  if (!found.apiKey) throw new MissingKeyError(provider);
  return { ...found, apiKey: found.apiKey };
}
