/**
 * The demo's WriterzRoom and Writer halves. Each provider is a small project inside the blog
 * (`examples/blog/providers/<name>/`, its own robowrite.config.mjs, `outDir: 'posts'`), served
 * by its own emulator with short jobs, and generates one draft through the CLI's functions.
 */
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobSnapshot, ProviderV1 } from '../packages/core/src/index.ts';
import { startEmulator } from '../packages/emulator/src/index.ts';
import {
  createContext,
  type GenerateInput,
  type SyncContext,
} from '../packages/sync-cli/src/index.ts';

export interface ProviderProject {
  /** How the story names it: "WriterzRoom", "Writer". */
  label: string;
  /** Its emulator's base URL. */
  url: string;
  ctx: SyncContext;
  /** What is generated, for the story ("blog_article_generator template, topic ..."). */
  what: string;
  input: GenerateInput;
  close(): Promise<void>;
}

const TOPIC = 'Remote work productivity';

interface Closable {
  close(): Promise<void>;
}

/**
 * The CLI reads these providers' keys only from the environment (or a .env next to their
 * config), never from a file the demo would have to write: set for this process alone, so no
 * key lands in examples/blog.
 */
function useCredentials(variables: Record<string, string>): void {
  Object.assign(process.env, variables);
}

/** The project's context; the emulator is closed again when the config cannot be read. */
async function contextOr(root: string, emulator: Closable): Promise<SyncContext> {
  try {
    return await createContext(root);
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

async function closeBoth(ctx: SyncContext, emulator: Closable): Promise<void> {
  await ctx.provider.close();
  await emulator.close();
}

async function writerzroom(blogRoot: string, jobDurationMs: number): Promise<ProviderProject> {
  const emulator = await startEmulator({ provider: 'writerzroom', port: 0, jobDurationMs });
  useCredentials({ WRITERZROOM_API_KEY: emulator.apiKey, WRITERZROOM_BASE_URL: emulator.url });
  const ctx = await contextOr(resolve(blogRoot, 'providers/writerzroom'), emulator);
  const { template, styleProfile } = ctx.config.writerzroom;
  if (!template || !styleProfile) {
    await emulator.close();
    throw new Error('the WriterzRoom config names no template or style profile');
  }
  return {
    label: 'WriterzRoom',
    url: emulator.url,
    ctx,
    what: `${template} template, topic "${TOPIC}"`,
    // The example's config speaks the api dialect (the newest document): its field names.
    input: { template, style_profile: styleProfile, dynamic_parameters: { topic: TOPIC } },
    close: () => closeBoth(ctx, emulator),
  };
}

async function writer(blogRoot: string, jobDurationMs: number): Promise<ProviderProject> {
  const emulator = await startEmulator({ provider: 'writer', port: 0, jobDurationMs });
  useCredentials({ WRITER_API_KEY: emulator.apiKey, WRITER_BASE_URL: emulator.url });
  const ctx = await contextOr(resolve(blogRoot, 'providers/writer'), emulator);
  return {
    label: 'Writer',
    url: emulator.url,
    ctx,
    what: `the blog-post application, topic "${TOPIC}"`,
    // No applicationId: the configured application (the emulator's "Blog post writer").
    input: { inputs: { topic: TOPIC } },
    close: () => closeBoth(ctx, emulator),
  };
}

/** Both emulators and both projects; if one fails to start, the other is closed again. */
export async function startProviderProjects(
  blogRoot: string,
  jobDurationMs: number,
): Promise<ProviderProject[]> {
  const projects: ProviderProject[] = [];
  try {
    projects.push(await writerzroom(blogRoot, jobDurationMs));
    projects.push(await writer(blogRoot, jobDurationMs));
    return projects;
  } catch (error) {
    await Promise.all(projects.map((project) => project.close()));
    throw error;
  }
}

/** Polls a job through its provider until it lands or fails (`generate --wait` without the pull). */
export async function waitForOutcome(provider: ProviderV1, jobId: string): Promise<JobSnapshot> {
  for (;;) {
    const snapshot = await provider.retrieveJob(jobId);
    if (snapshot.outcome !== 'running') return snapshot;
    await sleep(250);
  }
}
