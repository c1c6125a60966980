import { resolveCredentials } from '@robowrite/core';

export class MissingKeyError extends Error {
  override name = 'MissingKeyError';
  constructor() {
    super(
      'no API key: set ROBOWRITE_API_KEY in the environment or in a .env file next to robowrite.config.mjs (never in the config itself)',
    );
  }
}

export interface Credentials {
  apiKey: string;
  baseURL: string | undefined;
}

/**
 * The key comes only from the environment or `.env` (core's `resolveCredentials`, the rules the
 * Astro loaders follow too); it is never read from config or state.
 */
export async function readCredentials(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  const { apiKey, baseURL } = await resolveCredentials({ root, env });
  if (!apiKey) throw new MissingKeyError();
  return { apiKey, baseURL };
}
