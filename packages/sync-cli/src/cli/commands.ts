/**
 * The commands and their flags. Each action imports its command module when it runs, so a
 * command loads only what it needs and `--version` or `--help` load none of them.
 */

import type { ProjectEnv } from '@robowrite/core';
import { type Command, Option } from 'commander';
import type { GenerateFlags } from '../commands/generate.ts';
import type { InitFlags } from '../commands/init.ts';
import type { PublishFlags } from '../commands/publish.ts';
import type { PullFlags } from '../commands/pull.ts';
import type { RetryFlags } from '../commands/retry.ts';
import { BOUNDS } from '../config/bounds.ts';
import type { Reporter } from '../output/reporter.ts';
import { collect, inRange, list } from './flag-parsers.ts';

/**
 * Runs a command body with the shared reporter, the command's one read of the environment and
 * `.env`, and the shared error handling (see run-command.ts).
 */
export type Act = <T extends object>(
  body: (flags: T, reporter: Reporter, env: ProjectEnv) => Promise<number>,
) => (flags: T) => Promise<void>;

/** The project root the command works in (`-C`), resolved when it runs. */
export type Root = () => string;

export function defineInit(program: Command, act: Act, root: Root): void {
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
    .option('--topic-input <name>', "Writer: the application's input --topic fills")
    .option('-y, --yes', 'do not ask; use flags and defaults')
    .option('--force', 'overwrite an existing config')
    .addHelpText(
      'after',
      '\nExamples:\n  robowrite init --yes\n  robowrite init --out src/content/blog --brand brand_123 --yes',
    )
    .action(
      act<InitFlags>(async (flags, reporter, env) =>
        (await import('../commands/init.ts')).initCommand(root(), flags, reporter, env),
      ),
    );
}

export function definePull(program: Command, act: Act, root: Root): void {
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
    .option(
      '--branches',
      'each new or changed draft onto its own git branch robowrite/<name> (no checkout, no push)',
    )
    .option('--watch', 'keep pulling as drafts land (Ctrl-C stops)')
    .option('--interval <ms>', 'watch: pause between polls', inRange(BOUNDS.watchIntervalMs))
    .addHelpText(
      'after',
      '\nExamples:\n  robowrite pull\n  robowrite pull --dry-run\n  robowrite pull --json > result.json\n  robowrite pull --watch\n  robowrite pull --branches',
    )
    .action(
      act<PullFlags>(async (flags, reporter, env) =>
        (await import('../commands/pull.ts')).pullCommand(root(), flags, reporter, env),
      ),
    );
}

export function defineGenerate(program: Command, act: Act, root: Root): void {
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
    .action(
      act<GenerateFlags>(async (flags, reporter, env) =>
        (await import('../commands/generate.ts')).generateCommand(root(), flags, reporter, env),
      ),
    );
}

export function defineRetry(program: Command, act: Act, root: Root): void {
  program
    .command('retry')
    .description('Writer: run a failed job again (the next pull collects its draft)')
    .argument('<job>', 'job id (or the key generate printed)')
    .option('--json', 'print a machine-readable result')
    .action((job: string, flags: RetryFlags) =>
      act<RetryFlags>(async (given, reporter, env) =>
        (await import('../commands/retry.ts')).retryCommand(root(), job, given, reporter, env),
      )(flags),
    );
}

export function defineStatus(program: Command, act: Act, root: Root): void {
  program
    .command('status')
    .description('pending jobs, local edits, conflicts, last pull (no API calls)')
    .option('--json', 'print a machine-readable result')
    .option('--out <dir>', 'output folder (overrides the config)')
    .addHelpText('after', '\nExamples:\n  robowrite status\n  robowrite status --json')
    .action(
      act<{ json?: boolean; out?: string }>(async (flags, reporter) =>
        (await import('../commands/status.ts')).statusCommand(root(), flags, reporter),
      ),
    );
}

export function definePublish(program: Command, act: Act, root: Root): void {
  program
    .command('publish')
    .description(
      'after a merge: tell the API which synced drafts are live here (draft: false), once each',
    )
    .option('--archive-deleted', 'archive upstream the published items whose file was deleted')
    .option('--dry-run', 'print what would be published, send nothing')
    .option('--json', 'print a machine-readable result')
    .option('--out <dir>', 'output folder (overrides the config)')
    .option('--force-out', 'allow an output folder outside the project root')
    .addHelpText(
      'after',
      '\nRoboWrite: sets the item\'s status to "published" (PATCH /content/items/{id}); a second\nrun sends nothing. Exit 0 done, 1 an item failed (the rest still ran), 2 bad flags or config.\n\nExamples:\n  robowrite publish\n  robowrite publish --dry-run\n  robowrite publish --archive-deleted',
    )
    .action(
      act<PublishFlags>(async (flags, reporter, env) =>
        (await import('../commands/publish.ts')).publishCommand(root(), flags, reporter, env),
      ),
    );
}
