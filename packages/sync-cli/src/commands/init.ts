import { access, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ProjectEnv } from '@robowrite/core';
import { CREDENTIAL_VARIABLES, defaultDraftStatuses } from '@robowrite/core';
import {
  CONFIG_FILE,
  DEFAULT_OUT_DIR,
  type ProviderChoice,
  type RobowriteConfigInput,
} from '../config/define-config.ts';
import { parseConfig } from '../config/load-config.ts';
import type { Reporter } from '../output/reporter.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { writerSection } from './writer-application.ts';

export interface InitFlags {
  out?: string;
  brand?: string;
  statuses?: string[];
  filename?: 'slug' | 'id';
  yes?: boolean;
  force?: boolean;
  provider?: ProviderChoice;
  /** WriterzRoom: dialect and generate's default template, style profile and generation mode. */
  dialect?: 'api' | 'v1';
  template?: string;
  styleProfile?: string;
  generationMode?: string;
  /** Writer: the application whose jobs are the drafts, and the input `--topic` fills. */
  app?: string;
  topicInput?: string;
}

/** A provider's flag given for another provider would be silently dropped: refused instead. */
function refuseForeignFlags(flags: InitFlags): void {
  const provider = flags.provider ?? 'robowrite';
  const writerzroom = {
    dialect: '--dialect',
    template: '--template',
    styleProfile: '--style-profile',
    generationMode: '--generation-mode',
  };
  for (const [key, flag] of Object.entries(writerzroom)) {
    if (provider !== 'writerzroom' && flags[key as keyof InitFlags] !== undefined) {
      throw new UsageError(`${flag} is for --provider writerzroom`);
    }
  }
  for (const [key, flag] of [
    ['app', '--app'],
    ['topicInput', '--topic-input'],
  ] as const) {
    if (provider !== 'writer' && flags[key] !== undefined) {
      throw new UsageError(`${flag} is for --provider writer`);
    }
  }
}

/**
 * The provider's own section of the config, from the flags (empty when none is given); Writer's
 * comes from writer-application.ts (it may read the application's inputs).
 */
function providerSection(
  flags: InitFlags,
  writer: RobowriteConfigInput['writer'],
): Partial<RobowriteConfigInput> {
  if (flags.provider === 'writerzroom') {
    const section = {
      ...(flags.dialect ? { dialect: flags.dialect } : {}),
      ...(flags.template ? { template: flags.template } : {}),
      ...(flags.styleProfile ? { styleProfile: flags.styleProfile } : {}),
      ...(flags.generationMode ? { generationMode: flags.generationMode } : {}),
    };
    return { provider: 'writerzroom', writerzroom: section };
  }
  if (flags.provider === 'writer') {
    return { provider: 'writer', writer: writer ?? {} };
  }
  return {};
}

/** The variables the provider reads from `.env`, for the closing hint. */
function envVariables(provider: ProviderChoice): string {
  const names: readonly string[] = Object.values(CREDENTIAL_VARIABLES[provider]);
  const required = names.filter((name) => !name.endsWith('_DIALECT'));
  return required.map((name) => `${name}=...`).join(', ');
}

/** What must stay out of git; `.robowrite/state.json` is meant to be committed. */
export const GITIGNORE_LINES = [
  '.robowrite/lock',
  '.robowrite/last-pull.json',
  '.robowrite/conflicts/',
  '.*.robowrite-tmp-*',
  '.env',
];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Whether `import '@robowrite/sync-cli'` works from the project: ESM looks only in node_modules
 * folders up the tree (not NODE_PATH, which createRequire would honour).
 */
async function canImportPackage(root: string): Promise<boolean> {
  let dir = resolve(root);
  for (;;) {
    if (await exists(join(dir, 'node_modules', '@robowrite', 'sync-cli', 'package.json')))
      return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

export function configSource(config: RobowriteConfigInput, withImport: boolean): string {
  const body = JSON.stringify(config, null, 2).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:');
  const keyVariable = CREDENTIAL_VARIABLES[config.provider ?? 'robowrite'].apiKey;
  const header = [
    '// Settings for `robowrite pull` and `robowrite generate`.',
    `// The API key never goes here: set ${keyVariable} in the environment or in .env.`,
  ];
  if (withImport) {
    return `${header.join('\n')}\nimport { defineConfig } from '@robowrite/sync-cli';\n\nexport default defineConfig(${body});\n`;
  }
  return `${header.join('\n')}\n\n/** @type {import('@robowrite/sync-cli').RobowriteConfigInput} */\nexport default ${body};\n`;
}

/**
 * The schema comes from @robowrite/astro-loader, the package an Astro site installs (as its README
 * shows); the CLI's own dependency @robowrite/core is not importable from a pnpm project.
 */
export function contentConfigSnippet(outDir: string): string {
  return `// src/content.config.ts (npm install @robowrite/astro-loader)
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { robowriteSchema } from '@robowrite/astro-loader';

export const collections = {
  robowrite: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './${outDir}' }),
    schema: robowriteSchema,
  }),
};`;
}

async function ask(flags: InitFlags): Promise<InitFlags> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const out = (await rl.question(`Output folder (${DEFAULT_OUT_DIR}): `)).trim();
    // Only RoboWrite has brands.
    const robowrite = (flags.provider ?? 'robowrite') === 'robowrite';
    const brand = robowrite ? (await rl.question('Brand id (empty: all brands): ')).trim() : '';
    const defaults = defaultDraftStatuses(flags.provider ?? 'robowrite');
    const statuses = (await rl.question(`Statuses to pull (${defaults.join(',')}): `)).trim();
    return {
      ...flags,
      out: out || flags.out,
      brand: brand || flags.brand,
      statuses: statuses ? statuses.split(',').map((s) => s.trim()) : flags.statuses,
    };
  } finally {
    rl.close();
  }
}

async function updateGitignore(root: string): Promise<string[]> {
  const path = join(root, '.gitignore');
  const current = (await readFile(path, 'utf8').catch(() => '')) as string;
  const lines = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !lines.has(line));
  if (missing.length === 0) return [];
  const prefix = current === '' || current.endsWith('\n') ? current : `${current}\n`;
  await writeFile(
    path,
    `${prefix}# robowrite (.robowrite/state.json is committed)\n${missing.join('\n')}\n`,
  );
  return missing;
}

export async function initCommand(
  root: string,
  flags: InitFlags,
  reporter: Reporter,
  env: ProjectEnv,
): Promise<number> {
  refuseForeignFlags(flags);
  const path = join(root, CONFIG_FILE);
  if ((await exists(path)) && !flags.force) {
    throw new UsageError(`${CONFIG_FILE} already exists; pass --force to overwrite it`);
  }
  const answers =
    !flags.yes && process.stdin.isTTY && process.stdout.isTTY ? await ask(flags) : flags;
  const provider = flags.provider ?? 'robowrite';
  // Before anything is written: an unknown application leaves no config behind.
  const writer =
    provider === 'writer' ? await writerSection(env, flags.app, flags.topicInput) : null;
  const config: RobowriteConfigInput = {
    ...providerSection(flags, writer?.writer),
    outDir: answers.out ?? DEFAULT_OUT_DIR,
    ...(answers.brand ? { brand: answers.brand } : {}),
    statuses: answers.statuses?.length ? answers.statuses : [...defaultDraftStatuses(provider)],
    filename: answers.filename ?? 'slug',
    frontmatter: { scoring: true, sources: true },
  };
  parseConfig(config, 'init');
  await writeFile(path, configSource(config, await canImportPackage(root)));
  const added = await updateGitignore(root);
  reporter.line(`Wrote ${CONFIG_FILE}`);
  for (const line of writer?.lines ?? []) reporter.line(line);
  if (added.length > 0) reporter.line(`Added to .gitignore: ${added.join(', ')}`);
  reporter.line('');
  reporter.line('Read the files with the shared schema:');
  reporter.line('');
  reporter.block(contentConfigSnippet(config.outDir ?? DEFAULT_OUT_DIR));
  reporter.line('');
  reporter.line(`Next: put ${envVariables(provider)} in .env, then run \`robowrite pull\`.`);
  return EXIT.ok;
}
