import { resolve } from 'node:path';
import {
  APIError,
  AuthenticationError,
  CREDENTIAL_VARIABLES,
  GenerateTargetError,
  RoboWriteError,
  resolveApiKeys,
} from '@robowrite/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UsageError } from './commands/exit-codes.ts';
import { generateCommand } from './commands/generate.ts';
import { initCommand } from './commands/init.ts';
import { pullCommand } from './commands/pull.ts';
import { type RetryFlags, retryCommand } from './commands/retry.ts';
import { statusCommand } from './commands/status.ts';
import { BOUNDS, type Bound, parseBounded } from './config/bounds.ts';
import { MissingKeyError } from './config/credentials.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { createReporter, type Reporter } from './output/reporter.ts';
import { FrontmatterRoundTripError } from './sync/frontmatter.ts';

import { LockBusyError } from './sync/lock.ts';
import { OutDirError } from './sync/out-dir.ts';
import { OutDirChangedError } from './sync/pull.ts';
import { FolderOutsideRootError } from './sync/real-folder.ts';
import { StateFileError } from './sync/state.ts';
import { CLI_VERSION } from './version.ts';

export { CLI_VERSION };

/** A repeatable flag's values, in order (`--input a=1 --input b=2`). */
function collect(value: string, previous?: string[]): string[] {
  return [...(previous ?? []), value];
}

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** A commander parser for a numeric flag held to its bound (see config/bounds.ts). */
function inRange(bound: Bound): (value: string) => number {
  return (value) => {
    try {
      return parseBounded(value, bound);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
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
    error instanceof StateFileError
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
  if (error instanceof APIError) {
    const hint = error.status === 401 ? ` (check ${keyName})` : '';
    return `${error.message.split('\n')[0]}${hint}`;
  }
  if (error instanceof RoboWriteError) return error.message.split('\n')[0] ?? error.name;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/** Builds the program; `run` parses argv and resolves to the exit code. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name('robowrite')
    .description(
      'Pull AI-written RoboWrite drafts into Markdown files in an Astro site; git is the CMS.',
    )
    .version(CLI_VERSION)
    .option('-C, --cwd <dir>', 'project root (where robowrite.config.mjs lives)', process.cwd())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 failures, 2 usage (flags, config, state file, missing or rejected key), 3 conflicts.
The API key is read from ROBOWRITE_API_KEY or .env; ROBOWRITE_BASE_URL points at another API (the emulator).`,
    );

  const root = () => resolve(program.opts<{ cwd: string }>().cwd);
  const wrap =
    <T extends { json?: boolean }>(fn: (flags: T, reporter: Reporter) => Promise<number>) =>
    async (flags: T) => {
      // The key is read before anything can fail, so every line the command prints, a config or
      // URL error included, is scrubbed of it wherever it came from (environment or `.env`).
      // Every provider's key: the config naming the provider is not loaded yet.
      const secrets = await resolveApiKeys({ root: root() });
      const reporter = createReporter({ json: flags.json ?? false, secrets });
      try {
        setExitCode(await fn(flags, reporter));
      } catch (error) {
        const keyName = error instanceof APIError ? await keyVariable(root()) : undefined;
        const message = messageFor(error, keyName);
        reporter.error(message);
        if (flags.json) reporter.document({ ok: false, error: message }, false);
        setExitCode(exitCodeFor(error));
      }
    };

  program
    .command('init')
    .description('write robowrite.config.mjs and .gitignore entries (asks on a TTY unless --yes)')
    .option('--out <dir>', 'output folder', undefined)
    .option('--brand <id>', 'only this brand')
    .option('--statuses <list>', 'content statuses to pull, comma-separated', list)
    .addOption(new Option('--filename <strategy>', 'file names from').choices(['slug', 'id']))
    .addOption(
      new Option('--provider <name>', 'the API drafts come from (default robowrite)').choices([
        'robowrite',
        'writerzroom',
        'writer',
      ]),
    )
    .addOption(new Option('--dialect <dialect>', 'WriterzRoom: API dialect').choices(['api', 'v1']))
    .option('--template <slug>', "WriterzRoom: generate's default template")
    .option('--style-profile <slug>', "WriterzRoom: generate's default style profile")
    .option('--generation-mode <mode>', "WriterzRoom api dialect: generate's default mode")
    .option('--app <id>', 'Writer: the application whose jobs are the drafts')
    .option('-y, --yes', 'do not ask; use flags and defaults')
    .option('--force', 'overwrite an existing config')
    .addHelpText(
      'after',
      '\nExamples:\n  robowrite init --yes\n  robowrite init --out src/content/blog --brand brand_123 --yes',
    )
    .action(wrap((flags, reporter) => initCommand(root(), flags, reporter)));

  program
    .command('pull')
    .description('bring the output folder up to date with the API')
    .option(
      '--dry-run',
      'print the plan (create / update / delete / conflict / skip), change nothing',
    )
    .option('--json', 'print a machine-readable result')
    .option('--force', 'overwrite local edits, restore deleted files, ignore the shrink guard')
    .option('--status <list>', 'content statuses to pull (overrides the config)', list)
    .option('--brand <id>', 'only this brand (overrides the config)')
    .option('--out <dir>', 'output folder (overrides the config)')
    .option('--force-out', 'allow an output folder outside the project root')
    .option('--watch', 'keep pulling as drafts land (Ctrl-C stops)')
    .option('--interval <ms>', 'watch: pause between polls', inRange(BOUNDS.watchIntervalMs))
    .addHelpText(
      'after',
      '\nExamples:\n  robowrite pull\n  robowrite pull --dry-run\n  robowrite pull --json > result.json\n  robowrite pull --watch',
    )
    .action(wrap((flags, reporter) => pullCommand(root(), flags, reporter)));

  program
    .command('generate')
    .description('start a generation (topic autopilot or a brief); pull collects the draft')
    .option('--title <title>', 'title of the topic or brief')
    .option('--keyword <keyword>', 'primary keyword')
    .option('--secondary <list>', 'secondary keywords, comma-separated', list)
    .option('--premise <text>', 'topic premise')
    .option(
      '--brief <file.yaml>',
      'brief file (POST /briefs fields, plus property_id, direction, citation_mode)',
    )
    .addOption(
      new Option('--flow <flow>', 'without --brief: topic autopilot or brief').choices([
        'topic',
        'brief',
      ]),
    )
    .option('--brand <id>', 'brand for the topic flow (default: config, then the first brand)')
    .option('--property <id>', 'publishing target for the brief flow')
    .option('--tone <tone>', 'brief flow: tone')
    .addOption(
      new Option('--citation-mode <mode>', 'brief flow').choices(['structured_only', 'inline']),
    )
    .option('--template <slug>', 'WriterzRoom: template (default: the config)')
    .option('--style-profile <slug>', 'WriterzRoom: style profile (default: the config)')
    .option('--generation-mode <mode>', 'WriterzRoom api dialect: mode (default: the config)')
    .option('--topic <text>', 'WriterzRoom and Writer: the topic input')
    .option('--input <key=value>', 'WriterzRoom and Writer: an input (repeatable)', collect)
    .option('--app <id>', 'Writer: application (default: the first configured)')
    .option('--wait', 'poll until the job lands, then write the file')
    .option('--new', 'start a new run even if the same request was made before')
    .option('--json', 'print a machine-readable result')
    .option(
      '--interval <ms>',
      "poll interval with --wait (default: the provider's, 15000 for RoboWrite)",
      inRange(BOUNDS.pollIntervalMs),
    )
    .option(
      '--timeout <ms>',
      'give up waiting after this long (default 30 min)',
      inRange(BOUNDS.waitTimeoutMs),
    )
    .option('--out <dir>', 'output folder (overrides the config)')
    .option('--force-out', 'allow an output folder outside the project root')
    .addHelpText(
      'after',
      '\nExamples:\n  robowrite generate --title "Remote work productivity" --keyword "remote work"\n  robowrite generate --brief briefs/launch.yaml --wait\n\nA rerun of the same command (after a crash) replays the original request: no second job.',
    )
    .action(wrap((flags, reporter) => generateCommand(root(), flags, reporter)));

  program
    .command('retry')
    .description('Writer: run a failed job again (the next pull collects its draft)')
    .argument('<job>', 'job id (or the key generate printed)')
    .option('--json', 'print a machine-readable result')
    .action((job: string, flags: RetryFlags) =>
      wrap<RetryFlags>((given, reporter) => retryCommand(root(), job, given, reporter))(flags),
    );

  program
    .command('status')
    .description('pending jobs, local edits, conflicts, last pull (no API calls)')
    .option('--json', 'print a machine-readable result')
    .option('--out <dir>', 'output folder (overrides the config)')
    .addHelpText('after', '\nExamples:\n  robowrite status\n  robowrite status --json')
    .action(wrap((flags, reporter) => statusCommand(root(), flags, reporter)));

  return program;
}

export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return code;
}
