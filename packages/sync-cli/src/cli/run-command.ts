/**
 * What every command shares once commander has parsed its flags: a reporter scrubbed of every
 * key, one line for any error, and the documented exit code. Loaded only when a command runs
 * (`--version` and `--help` never load it, nor core, undici or zod through it).
 */
import {
  APIError,
  AuthenticationError,
  apiKeysFrom,
  CREDENTIAL_VARIABLES,
  GenerateTargetError,
  type ProjectEnv,
  RoboWriteError,
  readProjectEnv,
  UnansweredGenerationError,
} from '@robowrite/core';
import { EXIT, UsageError } from '../commands/exit-codes.ts';
import { MissingKeyError } from '../config/credentials.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { createReporter, type Reporter } from '../output/reporter.ts';
import { FrontmatterRoundTripError } from '../sync/frontmatter.ts';
import { LockBusyError } from '../sync/lock.ts';
import { OutDirError } from '../sync/out-dir.ts';
import { OutDirChangedError } from '../sync/pull.ts';
import { FolderOutsideRootError } from '../sync/real-folder.ts';
import { StateFileError } from '../sync/state.ts';
import { unansweredLine } from '../sync/unanswered-line.ts';

/**
 * A command body: resolves to its exit code, or throws what `messageFor` can say in one line.
 * `env` is the command's one read of the environment and `.env`: pass it on, never read again.
 */
export type CommandBody = (reporter: Reporter, env: ProjectEnv) => Promise<number>;

/** Runs one command for project `root` and resolves to the process's exit code. */
export async function runCommand(root: string, json: boolean, body: CommandBody): Promise<number> {
  // The key is read before anything can fail, so every line the command prints, a config or
  // URL error included, is scrubbed of it wherever it came from (environment or `.env`).
  // Every provider's key: the config naming the provider is not loaded yet. The body gets the
  // same read, so the key a provider uses is always one the reporter scrubs.
  const env = await readProjectEnv(root);
  const reporter = createReporter({ json, secrets: apiKeysFrom(env) });
  try {
    return await body(reporter, env);
  } catch (error) {
    const keyName = error instanceof APIError ? await keyVariable(root) : undefined;
    const message = messageFor(error, keyName);
    reporter.error(message);
    if (json) reporter.document({ ok: false, error: message }, false);
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof MissingKeyError ||
    error instanceof AuthenticationError ||
    error instanceof OutDirChangedError ||
    error instanceof OutDirError ||
    error instanceof FolderOutsideRootError ||
    error instanceof GenerateTargetError ||
    error instanceof StateFileError ||
    error instanceof UnansweredGenerationError
  ) {
    return EXIT.usage;
  }
  return EXIT.failure;
}

/** The key variable a 401 hint names: the configured provider's (RoboWrite's when unknown). */
async function keyVariable(root: string): Promise<string> {
  const provider = await loadConfig(root).then(
    ({ config }) => config.provider,
    () => 'robowrite' as const,
  );
  return CREDENTIAL_VARIABLES[provider].apiKey;
}

function messageFor(error: unknown, keyName = 'ROBOWRITE_API_KEY'): string {
  if (error instanceof LockBusyError || error instanceof StateFileError) return error.message;
  if (error instanceof FrontmatterRoundTripError) return error.message;
  if (error instanceof UnansweredGenerationError) return unansweredLine(error);
  if (error instanceof APIError) {
    const hint = error.status === 401 ? ` (check ${keyName})` : '';
    return `${error.message.split('\n')[0]}${hint}`;
  }
  if (error instanceof RoboWriteError) return error.message.split('\n')[0] ?? error.name;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
