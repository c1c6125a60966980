import {
  assignEntryNames,
  createProvider,
  type Draft,
  defaultDraftStatuses,
  entryData,
  entryNameInput,
  type ProviderV1,
  type RobowriteFrontmatter,
  robowriteSchema,
} from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import type { WriterSourceOptions, WriterzRoomSourceOptions } from '../../src/index.ts';

type AnyEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** One personality under test: its emulator, the loader options for it, and how to generate. */
export interface ProviderWorld {
  label: string;
  emu: AnyEmulator;
  /** The loaders' options for this emulator (explicit key and base URL, no client limit). */
  options: WriterzRoomSourceOptions | WriterSourceOptions;
  /** Core's provider for the same account: generates drafts and reads the expected ones. */
  admin: ProviderV1;
  /** The routes a listing uses (the only ones a re-sync without change may send). */
  listRoutes: readonly string[];
  /** The variables `.env` carries for this provider, as the emulator prints them. */
  dotenv: Record<string, string>;
  close(): Promise<void>;
}

export async function writerzroomWorld(): Promise<ProviderWorld> {
  const emu = await startEmulator({
    provider: 'writerzroom',
    port: 0,
    jobDurationMs: 50,
    rateLimit: false,
  });
  const connection = { apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false as const };
  const admin = createProvider({ provider: 'writerzroom', dialect: 'v1', ...connection });
  return {
    label: 'WriterzRoom v1',
    emu,
    options: { provider: 'writerzroom', dialect: 'v1', ...pick(connection) },
    admin,
    listRoutes: ['GET /v1/content'],
    dotenv: {
      WRITERZROOM_API_KEY: emu.apiKey,
      WRITERZROOM_BASE_URL: emu.url,
      WRITERZROOM_DIALECT: 'v1',
    },
    close: async () => {
      await admin.close();
      await emu.close();
    },
  };
}

export async function writerWorld(): Promise<ProviderWorld> {
  const emu = await startEmulator({
    provider: 'writer',
    port: 0,
    jobDurationMs: 50,
    rateLimit: false,
  });
  const connection = { apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false as const };
  const applicationIds = [emu.applicationId];
  const admin = createProvider({ provider: 'writer', applicationIds, ...connection });
  return {
    label: 'Writer',
    emu,
    options: { provider: 'writer', applicationIds, ...pick(connection) },
    admin,
    listRoutes: ['GET /v1/applications/{application_id}/jobs'],
    dotenv: {
      WRITER_API_KEY: emu.apiKey,
      WRITER_BASE_URL: emu.url,
      WRITER_APPLICATION_ID: emu.applicationId,
    },
    close: async () => {
      await admin.close();
      await emu.close();
    },
  };
}

function pick(connection: { apiKey: string; baseURL: string }) {
  return {
    apiKey: connection.apiKey,
    baseURL: connection.baseURL,
    clientOptions: { rateLimit: false as const, maxRetries: 0 },
  };
}

/** The generation input each provider's blog template or application takes. */
function inputFor(world: ProviderWorld, topic: string): unknown {
  if (world.admin.name === 'writer') return { inputs: { topic } };
  return {
    template_id: 'blog_article_generator',
    style_profile_id: 'general_blog',
    inputs: { topic, audience: 'site owners' },
  };
}

/** Starts one generation per topic through core's provider and waits until each has landed. */
export async function generateDrafts(world: ProviderWorld, topics: readonly string[]) {
  const generation = world.admin.generation;
  if (!generation) throw new Error(`${world.label} generates`);
  const jobs: string[] = [];
  for (const topic of topics) {
    const input = generation.parseInput(inputFor(world, topic));
    jobs.push((await generation.start(input, generation.newCheckpoint(input))).jobId);
  }
  const deadline = Date.now() + 30_000;
  for (const jobId of jobs) {
    for (;;) {
      const job = await world.admin.retrieveJob(jobId);
      if (job.outcome === 'landed') break;
      if (job.outcome === 'failed' || Date.now() > deadline) {
        throw new Error(`job ${jobId} did not land: ${job.outcome}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** One expected entry: the draft, its name under core's rule, and core's `entryData`, parsed. */
export interface ExpectedEntry {
  draft: Draft;
  data: RobowriteFrontmatter;
}

/**
 * What the CLI would write for this account: every draft the provider lists in its default
 * statuses, named by core's `entryNameInput` + `assignEntryNames`, data from core's `entryData`.
 */
export async function expectedEntries(world: ProviderWorld): Promise<Map<string, ExpectedEntry>> {
  const scope = { statuses: defaultDraftStatuses(world.admin.name as 'writer'), brand: null };
  const drafts: Draft[] = [];
  for await (const page of world.admin.listDrafts(scope)) {
    for (const summary of page) {
      const draft = await world.admin.retrieveDraft(summary.id);
      if (draft) drafts.push(draft);
    }
  }
  const names = assignEntryNames(drafts.map((draft) => entryNameInput(draft, 'slug')));
  const expected = new Map<string, ExpectedEntry>();
  for (const draft of drafts) {
    const name = names.get(draft.id) ?? draft.id;
    expected.set(name, { draft, data: robowriteSchema.parse(entryData(draft, name)) });
  }
  return expected;
}

/** Requests per route since `before` (a copy of `emu.stats().routes`), only the routes that moved. */
export function routesSince(
  emu: AnyEmulator,
  before: Record<string, number>,
): Record<string, number> {
  const now = emu.stats().routes as Record<string, number>;
  return Object.fromEntries(
    Object.entries(now)
      .map(([route, count]) => [route, count - (before[route] ?? 0)] as const)
      .filter(([, delta]) => delta > 0),
  );
}

export function routesNow(emu: AnyEmulator): Record<string, number> {
  return { ...(emu.stats().routes as Record<string, number>) };
}
