import { BLOG_POST_APPLICATION_ID, startEmulator } from '@robowrite/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProvider,
  DEFAULT_DRAFT_STATUSES,
  defaultDraftStatuses,
  PROVIDER_NAMES,
  type ProviderV1,
  RoboWriteError,
  statusesWarning,
  unknownStatusesWarning,
} from '../src/index.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const open: { emulators: Emulator[]; providers: ProviderV1[] } = { emulators: [], providers: [] };
afterEach(async () => {
  await Promise.all(open.providers.splice(0).map((p) => p.close()));
  await Promise.all(open.emulators.splice(0).map((e) => e.close()));
});

async function emulator(provider: 'robowrite' | 'writerzroom' | 'writer'): Promise<Emulator> {
  const emu = await startEmulator({ provider, port: 0, jobDurationMs: 50, rateLimit: false });
  open.emulators.push(emu);
  return emu;
}

/** Every draft the provider lists in its default statuses. */
async function listed(provider: ProviderV1, statuses: readonly string[]): Promise<number> {
  let count = 0;
  for await (const page of provider.listDrafts({ statuses, brand: null })) count += page.length;
  return count;
}

describe('createProvider', () => {
  it('builds the RoboWrite provider, which lists the demo drafts in its default statuses', async () => {
    const emu = await emulator('robowrite');
    const provider = createProvider({
      provider: 'robowrite',
      apiKey: emu.apiKey,
      baseURL: emu.url,
    });
    open.providers.push(provider);
    expect(provider.name).toBe('robowrite');
    expect(provider.listing).toBe('complete');
    expect(await listed(provider, defaultDraftStatuses('robowrite'))).toBeGreaterThan(0);
  });

  it('builds WriterzRoom in the dialect asked for: v1 lists, api has no listing', async () => {
    const emu = await emulator('writerzroom');
    const common = { apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false } as const;
    const v1 = createProvider({ provider: 'writerzroom', dialect: 'v1', ...common });
    const api = createProvider({ provider: 'writerzroom', dialect: 'api', ...common });
    open.providers.push(v1, api);
    expect([v1.name, v1.listing, v1.client.dialect]).toEqual(['writerzroom', 'complete', 'v1']);
    expect([api.listing, api.client.dialect]).toEqual(['none', 'api']);
    // A generation started through the built provider is found by its listing once landed.
    const input = v1.generation.parseInput({
      template_id: 'blog_article_generator',
      style_profile_id: 'general_blog',
      inputs: { topic: 'Sourdough at scale' },
    });
    const { jobId } = await v1.generation.start(input, v1.generation.newCheckpoint(input));
    await expect
      .poll(async () => (await v1.retrieveJob(jobId)).outcome, { timeout: 20_000 })
      .toBe('landed');
    expect(await listed(v1, defaultDraftStatuses('writerzroom'))).toBeGreaterThanOrEqual(1);
  });

  it('builds Writer over the configured applications', async () => {
    const emu = await emulator('writer');
    const provider = createProvider({
      provider: 'writer',
      apiKey: emu.apiKey,
      baseURL: emu.url,
      applicationIds: [BLOG_POST_APPLICATION_ID],
    });
    open.providers.push(provider);
    expect([provider.name, provider.listing]).toEqual(['writer', 'complete']);
    expect(provider.applicationIds).toEqual([BLOG_POST_APPLICATION_ID]);
    expect(await listed(provider, defaultDraftStatuses('writer'))).toBe(0);
    expect(provider.requestCount()).toBe(1);
  });

  it('refuses an unknown provider name or dialect in one line, before any request', () => {
    const bad = { provider: 'writerz', apiKey: 'k_0123456789' } as unknown as Parameters<
      typeof createProvider
    >[0];
    expect(() => createProvider(bad)).toThrow(
      new RoboWriteError('provider "writerz" is not one of robowrite, writerzroom, writer'),
    );
    const dialect = { provider: 'writerzroom', apiKey: 'k_0123456789', dialect: 'v2' };
    expect(() =>
      createProvider(dialect as unknown as Parameters<typeof createProvider>[0]),
    ).toThrow('dialect must be one of api, v1');
  });
});

describe('defaultDraftStatuses', () => {
  it("is RoboWrite's DEFAULT_DRAFT_STATUSES, and completed for WriterzRoom and Writer", () => {
    expect(PROVIDER_NAMES.map((name) => [name, defaultDraftStatuses(name)])).toEqual([
      ['robowrite', DEFAULT_DRAFT_STATUSES],
      ['writerzroom', ['completed']],
      ['writer', ['completed']],
    ]);
  });
});

describe('statusesWarning', () => {
  it("is RoboWrite's unknown-status line for RoboWrite", () => {
    expect(statusesWarning('robowrite', ['publishd'])).toBe(unknownStatusesWarning(['publishd']));
    expect(statusesWarning('robowrite', DEFAULT_DRAFT_STATUSES)).toBeNull();
  });

  it('names the statuses that hold no WriterzRoom or Writer draft', () => {
    expect(statusesWarning('writerzroom', ['completed'])).toBeNull();
    expect(statusesWarning('writer', ['completed', 'failed', 'in_progress', 'failed'])).toBe(
      'status "failed", "in_progress" holds no Writer draft (only "completed" does); nothing is synced for it',
    );
    expect(statusesWarning('writerzroom', ['published'])).toBe(
      'status "published" holds no WriterzRoom draft (only "completed" does); nothing is synced for it',
    );
  });
});
