import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createProvider, type Draft, type ProviderV1 } from '@robowrite/core';
import { parseLikeAstro } from '@robowrite/sync-cli';
import { type CliRun, runCli } from './cli-pull.ts';

/** A provider project inside a copied blog: `<site>/providers/<folder>/`, pulled into `posts/`. */
export interface ProviderProject {
  /** Project root, the CLI's `-C`. */
  root: string;
  /** Credentials and the base URL, under the provider's own variable names. */
  env: NodeJS.ProcessEnv;
}

export type ProviderName = 'writerzroom' | 'writer';

const VARIABLES: Record<ProviderName, { key: string; url: string }> = {
  writerzroom: { key: 'WRITERZROOM_API_KEY', url: 'WRITERZROOM_BASE_URL' },
  writer: { key: 'WRITER_API_KEY', url: 'WRITER_BASE_URL' },
};
/** Variables a developer's shell may hold that would change what the CLI does here. */
const OUTSIDE = [
  'ROBOWRITE_API_KEY',
  'ROBOWRITE_BASE_URL',
  'WRITERZROOM_DIALECT',
  'WRITER_APPLICATION_ID',
];

/** The CLI's environment for one provider: its key and URL (the emulator's), nothing else. */
export function providerEnv(
  provider: ProviderName,
  api: { url: string; apiKey: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  for (const name of OUTSIDE) delete env[name];
  const { key, url } = VARIABLES[provider];
  return { ...env, [key]: api.apiKey, [url]: api.url };
}

/** The real `robowrite` bin, run in the project (`-C`). */
export function cliIn(project: ProviderProject, args: readonly string[]): Promise<CliRun> {
  return runCli([...args, '-C', project.root], project.env);
}

export interface PulledFile {
  sha256: string;
  mtimeMs: number;
}

/** Every Markdown file of the project's `posts/`, with its hash and time stamp. */
export async function pulledFiles(project: ProviderProject): Promise<Map<string, PulledFile>> {
  const dir = join(project.root, 'posts');
  const files = new Map<string, PulledFile>();
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()) {
    const path = join(dir, name);
    const sha256 = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    files.set(name, { sha256, mtimeMs: (await stat(path)).mtimeMs });
  }
  return files;
}

/** A pulled file as Astro reads it: its glob id (`slug`), the draft's id and its provider. */
export async function pulledEntry(project: ProviderProject, file: string) {
  const { data } = parseLikeAstro(await readFile(join(project.root, 'posts', file), 'utf8'));
  const meta = data.robowrite as { itemId: string; provider: string };
  return { slug: String(data.slug), itemId: meta.itemId, provider: meta.provider };
}

/** The provider as core builds it, straight against the emulator: what the API serves. */
export function upstreamProvider(
  provider: ProviderName,
  api: { url: string; apiKey: string },
  options: { dialect?: 'api' | 'v1'; applicationId?: string },
): ProviderV1 {
  if (provider === 'writer') {
    return createProvider({
      provider: 'writer',
      apiKey: api.apiKey,
      baseURL: api.url,
      applicationIds: options.applicationId ? [options.applicationId] : undefined,
    });
  }
  return createProvider({
    provider: 'writerzroom',
    apiKey: api.apiKey,
    baseURL: api.url,
    dialect: options.dialect,
  });
}

/** A second-level heading of the body that Markdown renders verbatim (no smart punctuation). */
export function plainHeading(draft: Draft): string {
  const heading = /^## ([A-Za-z0-9 ,]+)$/m.exec(draft.body)?.[1];
  if (!heading) throw new Error(`no plain heading in ${draft.id}`);
  return heading;
}
