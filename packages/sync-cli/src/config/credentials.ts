import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

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

/** The key comes only from the environment or `.env`; it is never read from config or state. */
export async function readCredentials(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  const dotenvText = await readFile(join(root, '.env'), 'utf8').catch(() => '');
  const dotenv = dotenvText ? parseEnv(dotenvText) : {};
  const apiKey = env.ROBOWRITE_API_KEY || dotenv.ROBOWRITE_API_KEY;
  if (!apiKey) throw new MissingKeyError();
  return { apiKey, baseURL: env.ROBOWRITE_BASE_URL || dotenv.ROBOWRITE_BASE_URL || undefined };
}

/** Belt and braces: whatever we print passes through this. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}
