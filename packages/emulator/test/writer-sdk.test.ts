/**
 * The emulator driven by Writer's official TypeScript SDK, exactly as a Writer user would, and
 * every response checked against the types the SDK declares (its `.d.ts` files, read into the
 * schemas below; the `expectTypeOf` lines make `pnpm typecheck` fail if the two drift apart).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import Writer from 'writer-sdk';
import type { ApplicationRetrieveResponse } from 'writer-sdk/resources/applications/applications';
import type {
  ApplicationGenerateAsyncResponse,
  ApplicationJobsListResponse,
  JobCreateResponse,
  JobRetryResponse,
} from 'writer-sdk/resources/applications/jobs';
import { z } from 'zod';
import { SOCIAL_POST_APPLICATION_ID, type WriterEmulator } from '../src/index.ts';
import { startWriter, topicInputs } from './writer-helpers.ts';

const status = z.enum(['in_progress', 'failed', 'completed']);
const timestamp = z.iso.datetime();

/** `JobCreateResponse` and `JobRetryResponse` (identical in the SDK). */
const ack = z.object({ id: z.string(), created_at: timestamp, status });

/** `ApplicationGenerateAsyncResponse`, field for field. */
const sdkJob = z.object({
  id: z.string(),
  application_id: z.string(),
  created_at: timestamp,
  status,
  completed_at: timestamp.optional(),
  data: z.object({ suggestion: z.string(), title: z.string().optional() }).optional(),
  error: z.string().optional(),
  updated_at: timestamp.optional(),
});

/**
 * What the emulator sends: the SDK's fields, with `null` where a field does not apply yet. The
 * seed's own example reads `"error": null`; the SDK types that field `error?: string`.
 */
const job = sdkJob.extend({
  completed_at: timestamp.nullable(),
  data: sdkJob.shape.data.unwrap().nullable(),
  error: z.string().nullable(),
  updated_at: timestamp,
});

/** A completed job carries every optional field the SDK declares, with its declared type. */
const completedJob = sdkJob.required({ completed_at: true, updated_at: true }).extend({
  status: z.literal('completed'),
  data: z.object({ suggestion: z.string().startsWith('# '), title: z.string() }),
  error: z.null(),
});

/** `ApplicationJobsListResponse`, with its optional fields required: the emulator sends them. */
const listBody = z.object({
  result: z.array(job),
  totalCount: z.number().int(),
  pagination: z.object({ limit: z.number().int(), offset: z.number().int() }),
});

/** `ApplicationRetrieveResponse`; the demo inputs are all text inputs. */
const applicationBody = z.object({
  id: z.string(),
  created_at: timestamp,
  inputs: z.array(
    z.object({
      input_type: z.enum(['text', 'dropdown', 'file', 'media']),
      name: z.string(),
      required: z.boolean(),
      description: z.string().optional(),
      options: z.object({ min_fields: z.number().int(), max_fields: z.number().int() }).optional(),
    }),
  ),
  name: z.string(),
  status: z.enum(['deployed', 'draft']),
  type: z.literal('generation'),
  updated_at: timestamp,
  last_deployed_at: timestamp.optional(),
});

describe('schemas mirror the SDK types', () => {
  it('has the fields the SDK declares, with compatible types', () => {
    expectTypeOf<z.infer<typeof ack>>().toExtend<JobCreateResponse>();
    expectTypeOf<z.infer<typeof ack>>().toExtend<JobRetryResponse>();
    expectTypeOf<keyof z.infer<typeof ack>>().toEqualTypeOf<keyof JobCreateResponse>();
    expectTypeOf<keyof z.infer<typeof ack>>().toEqualTypeOf<keyof JobRetryResponse>();
    expectTypeOf<z.infer<typeof sdkJob>>().toEqualTypeOf<ApplicationGenerateAsyncResponse>();
    expectTypeOf<keyof z.infer<typeof listBody>>().toEqualTypeOf<
      keyof ApplicationJobsListResponse
    >();
    expectTypeOf<z.infer<typeof applicationBody>>().toExtend<ApplicationRetrieveResponse>();
    expectTypeOf<keyof z.infer<typeof applicationBody>>().toEqualTypeOf<
      keyof ApplicationRetrieveResponse
    >();
    expect(Object.keys(sdkJob.shape).sort()).toEqual([
      'application_id',
      'completed_at',
      'created_at',
      'data',
      'error',
      'id',
      'status',
      'updated_at',
    ]);
  });
});

function client(emu: WriterEmulator, apiKey = emu.apiKey): Writer {
  return new Writer({ apiKey, baseURL: emu.url, maxRetries: 2 });
}

/** Polls like a user would, until the job leaves `in_progress`. */
async function waitForEnd(writer: Writer, id: string): Promise<ApplicationGenerateAsyncResponse> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const current = await writer.applications.jobs.retrieve(id);
    job.parse(current);
    if (current.status !== 'in_progress') return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} never left in_progress`);
}

describe('writer-sdk against the emulator', () => {
  it("reads the demo application's input names", async () => {
    const emu = await startWriter();
    const writer = client(emu);
    const app = applicationBody.parse(await writer.applications.retrieve(emu.applicationId));
    expect(app.inputs.map((input) => [input.name, input.required])).toEqual([
      ['topic', true],
      ['audience', false],
      ['keywords', false],
    ]);
    const social = await writer.applications.retrieve(SOCIAL_POST_APPLICATION_ID);
    expect(social.inputs.map((input) => input.name)).toEqual(['Product descriptions']);
    await expect(writer.applications.retrieve('no-such-app')).rejects.toBeInstanceOf(
      Writer.NotFoundError,
    );
  });

  it('creates a job, polls it to completed, and finds it in the list', async () => {
    const emu = await startWriter();
    const writer = client(emu);
    const created = await writer.applications.jobs.create(emu.applicationId, {
      inputs: [
        { id: 'topic', value: ['Remote work productivity'] },
        { id: 'keywords', value: ['async standups', 'focus time'] },
      ],
    });
    expect(ack.parse(created).status).toBe('in_progress');
    expect((created as unknown as { job_id: string }).job_id).toBe(created.id);

    const done = await waitForEnd(writer, created.id);
    const checked = completedJob.parse(done);
    expect(checked.id).toBe(created.id);
    expect(checked.application_id).toBe(emu.applicationId);
    expect(checked.created_at).toBe(created.created_at);
    expect(checked.data.title).toBe('Blog post');
    const [heading, ...body] = checked.data.suggestion.split('\n');
    expect(heading).toMatch(/^# .*Remote work productivity/i);
    expect(body.join('\n')).toMatch(/^## /m);

    const page = await writer.applications.jobs.list(emu.applicationId, { status: 'completed' });
    expect(page.result.map((row) => row.id)).toEqual([created.id]);
    const raw = listBody.parse(
      await (
        await writer.applications.jobs.list(emu.applicationId, { status: 'completed' }).asResponse()
      ).json(),
    );
    expect(raw.totalCount).toBe(1);
    expect(completedJob.parse(raw.result[0]).data.suggestion).toBe(checked.data.suggestion);
    const running = await writer.applications.jobs.list(emu.applicationId, {
      status: 'in_progress',
    });
    expect(running.result).toEqual([]);
  });

  it('retries a failed job, which then completes', async () => {
    const emu = await startWriter();
    const writer = client(emu);
    emu.queueJobOutcomes('failed');
    const created = await writer.applications.jobs.create(emu.applicationId, {
      inputs: [{ id: 'topic', value: ['Customer onboarding'] }],
    });
    const failed = await waitForEnd(writer, created.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(expect.any(String));
    expect(failed.data).toBeNull();
    const listed = await writer.applications.jobs.list(emu.applicationId, { status: 'failed' });
    expect(listed.result.map((row) => row.id)).toEqual([created.id]);

    const retried = await writer.applications.jobs.retry(created.id);
    expect(ack.parse(retried)).toEqual({
      id: created.id,
      created_at: created.created_at,
      status: 'in_progress',
    });
    const done = completedJob.parse(await waitForEnd(writer, created.id));
    expect(done.data.suggestion).toMatch(/^# .*customer onboarding/i);
    const stillFailed = await writer.applications.jobs.list(emu.applicationId, {
      status: 'failed',
    });
    expect(stillFailed.result).toEqual([]);
  });

  it('reports errors as the SDK error classes, and does not retry a 400', async () => {
    const emu = await startWriter();
    const writer = client(emu);
    const created = await writer.applications.jobs.create(emu.applicationId, {
      inputs: [{ id: 'topic', value: ['Link building'] }],
    });
    await waitForEnd(writer, created.id);
    const notFailed = await writer.applications.jobs.retry(created.id).catch((e: unknown) => e);
    expect(notFailed).toBeInstanceOf(Writer.BadRequestError);
    expect((notFailed as InstanceType<typeof Writer.BadRequestError>).status).toBe(400);
    expect(emu.stats().routes['POST /v1/applications/jobs/{job_id}/retry']).toBe(1);

    await expect(
      writer.applications.jobs.create('no-such-app', { inputs: [{ id: 'topic', value: ['x'] }] }),
    ).rejects.toBeInstanceOf(Writer.NotFoundError);
    await expect(writer.applications.jobs.retrieve('no-such-job')).rejects.toBeInstanceOf(
      Writer.NotFoundError,
    );
    await expect(
      writer.applications.jobs.create(emu.applicationId, {
        inputs: [{ id: 'subject', value: ['x'] }],
      }),
    ).rejects.toBeInstanceOf(Writer.BadRequestError);
    await expect(
      client(emu, 'not-a-key').applications.jobs.list(emu.applicationId),
    ).rejects.toBeInstanceOf(Writer.AuthenticationError);
  });

  it('rides out a 503 with its own retries', async () => {
    const emu = await startWriter({
      faults: [{ route: 'GET /v1/applications/jobs/{job_id}', sequence: ['503', 'ok'] }],
    });
    const writer = client(emu);
    const created = await writer.applications.jobs.create(SOCIAL_POST_APPLICATION_ID, {
      inputs: [{ id: 'Product descriptions', value: ['Terra running shoe', 'Aqua swim goggles'] }],
    });
    const done = completedJob.parse(await waitForEnd(writer, created.id));
    expect(done.data.title).toBe('Social post');
    expect(done.data.suggestion).toContain('## Terra running shoe');
    expect(done.data.suggestion).toContain('## Aqua swim goggles');
    expect(emu.stats().faultsInjected).toBe(1);
  });

  it('creates a second job when a dropped create response makes the SDK retry (no idempotency)', async () => {
    const emu = await startWriter({
      faults: [{ route: 'POST /v1/applications/{application_id}/jobs', sequence: ['reset'] }],
    });
    const writer = client(emu);
    const created = await writer.applications.jobs.create(
      emu.applicationId,
      topicInputs('Ab testing'),
    );
    expect(ack.parse(created).status).toBe('in_progress');
    expect(emu.stats().jobsCreated).toBe(2);
    const listed = await writer.applications.jobs.list(emu.applicationId);
    expect(listed.totalCount).toBe(2);
  });

  it('pages the way the SDK reads pages (and shows its offset-0 auto-paging quirk)', async () => {
    const emu = await startWriter();
    const writer = client(emu);
    const ids: string[] = [];
    for (const topic of ['one', 'two', 'three', 'four', 'five']) {
      ids.push((await writer.applications.jobs.create(emu.applicationId, topicInputs(topic))).id);
    }
    const newestFirst = [...ids].reverse();
    const first = await writer.applications.jobs.list(emu.applicationId, { limit: 2 });
    expect(first.result.map((row) => row.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.totalCount).toBe(5);
    expect(first.pagination).toEqual({ limit: 2, offset: 0 });
    // The SDK stops auto-paging when the page's offset is 0: the first page is all it yields.
    const fromZero: string[] = [];
    for await (const row of writer.applications.jobs.list(emu.applicationId, { limit: 2 })) {
      fromZero.push(row.id);
    }
    expect(fromZero).toEqual(newestFirst.slice(0, 2));
    // From any other offset it follows `offset + result.length` up to `totalCount`.
    const fromOne: string[] = [];
    for await (const row of writer.applications.jobs.list(emu.applicationId, {
      limit: 2,
      offset: 1,
    })) {
      fromOne.push(row.id);
    }
    expect(fromOne).toEqual(newestFirst.slice(1));
  });
});
