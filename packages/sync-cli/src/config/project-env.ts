import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The variables one command runs with: the environment first, then `<root>/.env`. A command
 * reads them once (`runCommand`) and hands the same object to everything that needs a variable
 * (the reporter's scrubbing, the provider's credentials), so what is scrubbed and what is used
 * are the same read, and the next command sees an edited `.env`.
 */
export interface ProjectEnv {
  /** The `.env` file that was consulted (it need not exist). */
  readonly envFile: string;
  /** A variable, environment first, then `.env`; an empty value counts as unset. */
  get(name: string): string | undefined;
}

/**
 * Reads `<root>/.env` once, by the rules of core's `resolveCredentials` (the ones the Astro
 * loaders follow): Node's `util.parseEnv`, only `.env`, a missing or unreadable file the same as
 * an empty one, nothing written back to `process.env`. `credentials.test.ts` holds the two to
 * the same answers.
 */
export async function readProjectEnv(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProjectEnv> {
  const envFile = join(root, '.env');
  const text = await readFile(envFile, 'utf8').catch(() => '');
  const dotenv: Readonly<Record<string, string | undefined>> = text ? parseEnv(text) : {};
  return { envFile, get: (name) => env[name] || dotenv[name] || undefined };
}
