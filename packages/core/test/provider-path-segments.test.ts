import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWriterProvider,
  type PaginationError,
  RequestValidationError,
} from '../src/index.ts';
import { rejection } from './helpers.ts';
import { writerEmulator, writerProvider } from './writer-helpers.ts';
import { wzrEmulator, wzrProvider } from './writerzroom-helpers.ts';

/** The ids a hostile listing or state file could hand a provider, and the check each trips. */
const REFUSED = ['.', '..', '../ping', 'a/b', '', '  '];

async function expectRefused(name: string, call: () => PromiseLike<unknown>, field: string) {
  const error = await rejection(call());
  expect(error, name).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).path, name).toBe(field);
}

describe('issue 10 #5 on the WriterzRoom and Writer paths: ids are refused as path segments locally', () => {
  it.each(['v1', 'api'] as const)(
    'issue 10 #5: WriterzRoom (%s) refuses ".", "..", "/" and empty ids, sending nothing',
    async (dialect) => {
      const emu = await wzrEmulator();
      const { provider } = wzrProvider(emu, dialect);
      for (const id of REFUSED) {
        await expectRefused(`status ${id}`, () => provider.client.status(id), 'requestId');
        await expectRefused(`retrieveJob ${id}`, () => provider.retrieveJob(id), 'requestId');
        if (dialect === 'v1') {
          await expectRefused(
            `retrieveContent ${id}`,
            () => provider.client.retrieveContent(id),
            'contentId',
          );
          await expectRefused(`retrieveDraft ${id}`, () => provider.retrieveDraft(id), 'contentId');
        } else {
          await expectRefused(`retrieveDraft ${id}`, () => provider.retrieveDraft(id), 'requestId');
        }
      }
      expect(emu.stats().requests).toBe(0);
    },
  );

  it('issue 10 #5: Writer refuses ".", "..", "/" and empty job and application ids, sending nothing', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const { client } = provider;
    for (const id of REFUSED) {
      await expectRefused(`retrieveJob ${id}`, () => provider.retrieveJob(id), 'jobId');
      await expectRefused(`retrieveDraft ${id}`, () => provider.retrieveDraft(id), 'jobId');
      await expectRefused(`retryJob ${id}`, () => provider.retryJob(id), 'jobId');
      await expectRefused(`listJobs ${id}`, () => client.listJobs(id), 'applicationId');
      await expectRefused(
        `createJob ${id}`,
        () => client.createJob({ applicationId: id, inputs: [] }),
        'applicationId',
      );
    }
    expect(emu.stats().requests).toBe(0);
  });
});

/**
 * A Writer jobs list that never ends: every page is the same rows (`repeat`) or new rows past
 * the announced total. It gives up after `GIVE_UP` requests (an empty page), so a provider
 * without the guards fails this test instead of hanging.
 */
const GIVE_UP = 40;
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function job(id: string) {
  return {
    id,
    status: 'completed',
    application_id: 'app-1',
    created_at: '2025-02-10T18:18:09.501Z',
    completed_at: '2025-02-10T18:18:14.470Z',
    data: { title: id, suggestion: `# ${id}\n\nBody.` },
    error: null,
  };
}

async function endlessJobs(page: (offset: number) => { ids: string[]; total: number }) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const offset = Number(new URL(req.url ?? '', 'http://x').searchParams.get('offset') ?? 0);
    const { ids, total } = page(offset);
    const result = hits.length < GIVE_UP ? ids.map(job) : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result, totalCount: total, pagination: { limit: 100, offset } }));
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const provider = createWriterProvider({
    apiKey: 'writer_endless_key_0123456789',
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    applicationIds: ['app-1'],
    rateLimit: false,
    logLevel: 'off',
  });
  const drained = rejection(
    (async () => {
      for await (const _ of provider.listDrafts({ statuses: ['completed'], brand: null })) {
        // Draining is the point.
      }
    })(),
  );
  const error = await drained;
  await provider.close();
  return { error: error as PaginationError, hits };
}

describe('issue 10 #6 on the Writer path: a jobs list that never ends stops with a typed error', () => {
  it('issue 10 #6: Writer stops on a repeated page (the server ignores offset)', async () => {
    const { error, hits } = await endlessJobs(() => ({ ids: ['a', 'b'], total: 1_000 }));
    expect(error.name).toBe('PaginationError');
    expect(error.reason).toBe('repeated-page');
    expect(error.message).toContain('GET /v1/applications/app-1/jobs');
    expect(hits).toHaveLength(2);
  });

  it('issue 10 #6: Writer stops a walk whose total grows with every page (hard cap)', async () => {
    const rows = (offset: number) => Array.from({ length: 100 }, (_, n) => `r${offset + n}`);
    const { error, hits } = await endlessJobs((offset) => ({
      ids: rows(offset),
      total: offset + 150,
    }));
    expect(error.name).toBe('PaginationError');
    expect(error.reason).toBe('runaway');
    // The first page announced 150: the walk may reach twice that plus a page, then stops.
    expect(hits).toHaveLength(5);
  });
});
