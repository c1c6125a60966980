import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import {
  type Act,
  defineGenerate,
  defineInit,
  definePublish,
  definePull,
  defineRetry,
  defineStatus,
} from './cli/commands.ts';
import { EXIT } from './commands/exit-codes.ts';
import { CLI_VERSION } from './version.ts';

export { CLI_VERSION };

/**
 * Builds the program; `run` parses argv and resolves to the exit code. Nothing heavy is imported
 * here: core (undici, zod), YAML and the watcher load with the command that needs them, so
 * `robowrite --version` in a CI step costs little more than starting Node.
 */
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
  const act: Act = (body) => async (flags) => {
    const { runCommand } = await import('./cli/run-command.ts');
    const json = 'json' in flags && flags.json === true;
    setExitCode(await runCommand(root(), json, (reporter, env) => body(flags, reporter, env)));
  };
  for (const define of [
    defineInit,
    definePull,
    definePublish,
    defineGenerate,
    defineRetry,
    defineStatus,
  ]) {
    define(program, act, root);
  }
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
