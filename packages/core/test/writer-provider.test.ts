import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  checkedFrontmatter,
  entryData,
  robowriteSchema,
  WRITER_MAX_PAGE_SIZE,
  WriterClient,
} from '../src/index.ts';
import { rejection } from './helpers.ts';
import {
  JOBS_ROUTE,
  SOCIAL_POST_APPLICATION_ID,
  settle,
  startBlogJobs,
  writerEmulator,
  writerProvider,
} from './writer-helpers.ts';

const completed = { statuses: ['completed'], brand: null };

async function listIds(
  provider: ReturnType<typeof writerProvider>['provider'],
  scope = completed,
): Promise<string[][]> {
  const pages: string[][] = [];
  for await (const page of provider.listDrafts(scope)) pages.push(page.map((s) => s.id));
  return pages;
}

describe('Writer provider: mapping', () => {
  it('maps a blog post job: the heading is the title, the body keeps the rest, dates from the job', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const gen = provider.generation;
    const input = gen.parseInput({
      inputs: { topic: 'Sourdough at scale', audience: 'bakery owners' },
    });
    const started = await gen.start(input, gen.newCheckpoint(input));
    expect(started.draftId).toBe(started.jobId);
    expect(await provider.retrieveDraft(started.jobId)).toBeNull();
    expect(await settle(provider, started.jobId)).toMatchObject({
      jobId: started.jobId,
      status: 'completed',
      outcome: 'landed',
      draftId: started.jobId,
      error: null,
    });

    const raw = await provider.client.retrieveJob(started.jobId);
    const suggestion = raw.data?.suggestion as string;
    const heading = /^# (.+)\n/.exec(suggestion)?.[1] as string;
    expect(heading).toMatch(/sourdough/i);
    expect(raw.data?.title).toBe('Blog post');

    const draft = await provider.retrieveDraft(started.jobId);
    expect(draft).toMatchObject({
      provider: 'writer',
      id: started.jobId,
      status: 'completed',
      title: heading,
      createdAt: raw.created_at,
      updatedAt: raw.completed_at,
      tags: [],
      sources: null,
      scoring: null,
    });
    if (!draft) return;
    // The leading heading became the title; the rest of the suggestion is the body, as sent.
    expect(draft.body).toBe(suggestion.slice(`# ${heading}\n`.length).replace(/^\n/, ''));
    expect(draft.body).toMatch(/^_Written for bakery owners\._/);
    expect(draft.body).toMatch(/^## /m);
    expect(Date.parse(draft.updatedAt)).toBeGreaterThanOrEqual(Date.parse(draft.createdAt));
    expect(draft.slug).toMatch(/^[a-z0-9-]+$/);
    expect(draft.wordCount).toBeGreaterThan(100);
    expect(draft.excerpt?.length).toBeGreaterThan(20);
    expect(robowriteSchema.safeParse(entryData(draft, draft.slug)).success).toBe(true);
    expect(checkedFrontmatter(draft)).toMatchObject({
      title: heading,
      robowrite: { provider: 'writer', itemId: started.jobId },
    });
  });

  it('maps a social post job of the second application, given the seed wire form', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const gen = provider.generation;
    const input = gen.parseInput({
      applicationId: SOCIAL_POST_APPLICATION_ID,
      inputs: [{ id: 'Product descriptions', value: ['Terra running shoe', 'Flex yoga mat'] }],
    });
    const { jobId } = await gen.start(input, gen.newCheckpoint(input));
    await settle(provider, jobId);
    const draft = await provider.retrieveDraft(jobId);
    expect(draft?.title).toBe('Social post');
    expect(draft?.slug).toBe('social-post');
    expect(draft?.body).toMatch(/^## Terra running shoe\n/);
    expect(draft?.body).toContain('## Flex yoga mat');
  });
});

describe('Writer provider: failed jobs and retry', () => {
  it('reports a failed job with its error, retries it under the same id, then lands it', async () => {
    const emu = await writerEmulator({ jobOutcomes: ['failed'] });
    const { provider } = writerProvider(emu);
    const [jobId] = (await startBlogJobs(provider, 1)) as [string];
    const failed = await settle(provider, jobId);
    expect(failed).toMatchObject({ jobId, status: 'failed', outcome: 'failed', draftId: null });
    expect(failed.error).toMatch(/^The agent did not return a result/);
    expect(failed.error).not.toMatch(/\n/);
    expect(await provider.retrieveDraft(jobId)).toBeNull();
    expect((await listIds(provider)).flat()).not.toContain(jobId);

    const retried = await provider.retryJob(jobId);
    expect(retried).toEqual({ jobId, status: 'in_progress', draftId: jobId });
    expect(await settle(provider, jobId)).toMatchObject({ outcome: 'landed', draftId: jobId });
    expect((await provider.retrieveDraft(jobId))?.id).toBe(jobId);
    expect((await listIds(provider)).flat()).toContain(jobId);
    expect(emu.stats().jobsCreated).toBe(1);
  });

  it('refuses to retry a job that has not failed with a typed error carrying the description', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const [jobId] = (await startBlogJobs(provider, 1)) as [string];
    await settle(provider, jobId);
    const error = await rejection(provider.retryJob(jobId));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(
      `400 POST /v1/applications/jobs/${jobId}/retry: ` +
        'Only a failed job can be retried; this job is completed',
    );
    expect(provider.generation.isFinalRejection(error)).toBe(true);
  });
});

describe('Writer provider: listing', () => {
  it('walks more than one page per application, each job once, with stable markers', async () => {
    const emu = await writerEmulator({ jobDurationMs: 50 });
    const { provider } = writerProvider(emu, { applicationIds: [emu.applicationId] });
    const ids = await startBlogJobs(provider, WRITER_MAX_PAGE_SIZE + 20);
    for (const id of ids) await settle(provider, id);
    const before = emu.stats().routes[JOBS_ROUTE] ?? 0;
    const pages = await listIds(provider);
    expect(emu.stats().routes[JOBS_ROUTE] ?? 0).toBe(before + 2);
    expect(pages.map((page) => page.length)).toEqual([WRITER_MAX_PAGE_SIZE, 20]);
    // Newest first, every job once.
    expect(pages.flat()).toEqual([...ids].reverse());

    const markers = async () => {
      const found = new Map<string, string | null>();
      for await (const page of provider.listDrafts(completed)) {
        for (const summary of page) found.set(summary.id, summary.marker);
      }
      return found;
    };
    const first = await markers();
    expect([...first.values()].every((marker) => typeof marker === 'string')).toBe(true);
    expect(await markers()).toEqual(first);
  });

  it('lists drafts only for the completed status, and jobs of every configured application', async () => {
    const emu = await writerEmulator({ jobDurationMs: 50 });
    const { provider } = writerProvider(emu);
    const [blog] = (await startBlogJobs(provider, 1)) as [string];
    const gen = provider.generation;
    const social = gen.parseInput({
      applicationId: SOCIAL_POST_APPLICATION_ID,
      inputs: { 'Product descriptions': 'Aqua swim goggles' },
    });
    const { jobId: post } = await gen.start(social, gen.newCheckpoint(social));
    await settle(provider, blog);
    await settle(provider, post);
    expect(await listIds(provider)).toEqual([[blog], [post]]);
    expect(await listIds(provider, { statuses: ['in_progress', 'failed'], brand: null })).toEqual(
      [],
    );
  });

  it('neither lists nor reads a job still running', async () => {
    // An hour-long run: the job is certainly still running when it is listed and read.
    const emu = await writerEmulator({ jobDurationMs: 3_600_000 });
    const { provider } = writerProvider(emu);
    const [running] = (await startBlogJobs(provider, 1)) as [string];
    expect(await listIds(provider)).toEqual([]);
    expect(await provider.retrieveDraft(running)).toBeNull();
    expect(await provider.retrieveJob(running)).toEqual({
      jobId: running,
      status: 'in_progress',
      outcome: 'running',
      draftId: null,
      error: null,
    });
  });

  it('lists nothing of an application it is not configured with', async () => {
    const emu = await writerEmulator({ jobDurationMs: 50 });
    const seeder = new WriterClient({ apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false });
    const ack = await seeder.createJob({
      applicationId: SOCIAL_POST_APPLICATION_ID,
      inputs: [{ id: 'Product descriptions', value: ['Mug'] }],
    });
    await seeder.close();
    const { provider } = writerProvider(emu, { applicationIds: [emu.applicationId] });
    await settle(provider, ack.jobId);
    expect(await listIds(provider)).toEqual([]);
  });
});
