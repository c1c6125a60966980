import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  createWriterProvider,
  NotFoundError,
  REDACTED,
  RequestValidationError,
  ResponseValidationError,
  RoboWriteError,
  WriterClient,
} from '../src/index.ts';
import { CapturingLogger, rejection } from './helpers.ts';
import { settle, writerEmulator, writerProvider } from './writer-helpers.ts';

describe('Writer errors from the emulator', () => {
  it('gives typed errors whose message is errors[0].description', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu);
    const unknownJob = '00000000-0000-4000-8000-000000000000';
    const missing = await rejection(provider.retrieveJob(unknownJob));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe(`404 GET /v1/applications/jobs/${unknownJob}: Job not found`);

    const gen = provider.generation;
    const input = gen.parseInput({ inputs: { colour: 'red' } });
    const refused = await rejection(gen.start(input, gen.newCheckpoint(input)));
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as APIError).detail).toBe(
      'Unknown input "colour" for this application; its inputs are: "topic", "audience", "keywords"',
    );
    expect(gen.isFinalRejection(refused)).toBe(true);
    expect(emu.stats().jobsCreated).toBe(0);

    const [, otherOrgKey] = emu.apiKeys as [string, string];
    const stranger = writerProvider(emu, { apiKey: otherOrgKey }).provider;
    expect(await rejection(stranger.retrieveDraft(unknownJob))).toBeInstanceOf(NotFoundError);
    const badKey = writerProvider(emu, { apiKey: 'writer_test_not_a_key_0123456789' }).provider;
    const unauthorized = await rejection(badKey.retrieveJob(unknownJob));
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized.message).toBe(
      `401 GET /v1/applications/jobs/${unknownJob}: Invalid API key`,
    );
    expect(unauthorized.message).not.toContain('writer_test_not_a_key');
  });

  it('retries a GET after a 503 and sends a create once after a lost response', async () => {
    const emu = await writerEmulator();
    const { provider } = writerProvider(emu, { maxRetries: 2 });
    emu.faults.add({ route: 'GET /v1/applications/jobs/{job_id}', sequence: ['503', 'ok'] });
    emu.faults.add({ route: 'POST /v1/applications/{application_id}/jobs', sequence: ['reset'] });
    const gen = provider.generation;
    const input = gen.parseInput({ inputs: { topic: 'Lost' } });
    const checkpoint = gen.newCheckpoint(input);
    expect(await rejection(gen.start(input, checkpoint))).toBeInstanceOf(RoboWriteError);
    // Not resent: Writer has no idempotency key, so a resend could start a second paid job.
    expect(emu.stats().routes['POST /v1/applications/{application_id}/jobs']).toBe(1);
    expect(checkpoint.created).toEqual({});
    const { jobId } = await gen.start(input, checkpoint);
    expect(checkpoint.created).toEqual({ job: jobId });
    // The first read meets the 503 and is sent again: two requests, one answer.
    expect((await provider.retrieveJob(jobId)).jobId).toBe(jobId);
    expect(emu.stats().routes['GET /v1/applications/jobs/{job_id}']).toBe(2);
    expect((await settle(provider, jobId)).outcome).toBe('landed');
  });
});

describe('Writer input', () => {
  const APP = 'app-1';
  const parse = (input: unknown, apps: string[] = [APP, 'app-2']) =>
    createWriterProvider({
      apiKey: 'writer_test_unused_key_0123456789',
      baseURL: 'http://127.0.0.1:9',
      applicationIds: apps,
    }).generation.parseInput(input);

  it.each([
    [{}, 'inputs'],
    [{ inputs: {} }, 'inputs'],
    [{ inputs: [] }, 'inputs'],
    [{ inputs: { topic: 3 } }, 'inputs.topic'],
    [{ inputs: [{ id: 'topic' }] }, 'inputs.0.value'],
    [{ inputs: [{ id: '', value: 'x' }] }, 'inputs.0.id'],
    [
      {
        inputs: [
          { id: 'a', value: 'x' },
          { id: 'a', value: 'y' },
        ],
      },
      'inputs.1.id',
    ],
    [{ inputs: { topic: 'x' }, applicationId: 'app-3' }, 'applicationId'],
    [{ inputs: { topic: 'x' }, template: 't' }, 'template'],
  ])('parseInput(%j) names %s', (input, path) => {
    let caught: unknown;
    try {
      parse(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RequestValidationError);
    expect((caught as RequestValidationError).path).toBe(path);
    expect((caught as Error).message.startsWith(`${path}: `)).toBe(true);
  });

  it('normalises both input forms to the wire form, defaulting to the first application', () => {
    const wire = { applicationId: APP, inputs: [{ id: 'topic', value: ['x'] }] };
    expect(parse({ inputs: { topic: 'x' } })).toEqual(wire);
    expect(parse({ inputs: [{ id: 'topic', value: ['x'] }] })).toEqual(wire);
    expect(parse({ applicationId: 'app-2', inputs: { k: ['a', 'b'] } })).toEqual({
      applicationId: 'app-2',
      inputs: [{ id: 'k', value: ['a', 'b'] }],
    });
  });

  it('refuses a provider without an application, and a client without a key', () => {
    const saved = { app: process.env.WRITER_APPLICATION_ID, key: process.env.WRITER_API_KEY };
    delete process.env.WRITER_APPLICATION_ID;
    delete process.env.WRITER_API_KEY;
    try {
      expect(() =>
        createWriterProvider({ apiKey: 'writer_key_0123456789', applicationIds: [] }),
      ).toThrow(/no Writer application/);
      expect(() => new WriterClient()).toThrow(/missing Writer API key/);
      expect(
        () => new WriterClient({ apiKey: 'writer_key_0123456789', baseURL: 'http://example.com' }),
      ).toThrow(/plain http/);
    } finally {
      if (saved.app !== undefined) process.env.WRITER_APPLICATION_ID = saved.app;
      if (saved.key !== undefined) process.env.WRITER_API_KEY = saved.key;
    }
  });
});

/**
 * A loopback server that answers off the emulator's script: it echoes the caller's key in every
 * error, job error and suggestion it can, writes a suggestion without a heading, and sends an
 * ack without any id. The key must come out scrubbed everywhere.
 */
const KEY = 'writer_echoed_key_0123456789abcdef';
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function job(id: string, fields: Record<string, unknown>) {
  return {
    id,
    status: 'completed',
    application_id: 'app-1',
    created_at: '2025-02-10T18:18:09.501223Z',
    completed_at: '2025-02-10T18:18:14.470324Z',
    data: null,
    error: null,
    ...fields,
  };
}

function offScriptServer(): Promise<string> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const echoed = String(req.headers.authorization);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = req.url ?? '';
    if (url === '/v1/applications/jobs/failed')
      send(200, job('failed', { status: 'failed', error: `bad key\n${echoed}` }));
    else if (url === '/v1/applications/jobs/untitled')
      send(200, job('untitled', { data: { title: 'Social post', suggestion: 'No heading.' } }));
    else if (url === '/v1/applications/jobs/echo')
      send(200, job('echo', { data: { title: 'T', suggestion: `# Hi ${KEY}\n\nBody ${KEY}` } }));
    else if (url === '/v1/applications/app-1/jobs' && req.method === 'POST')
      send(200, { status: 'in_progress' });
    else {
      const error = { description: `no ${url} for ${echoed}`, key: 'fail.not_found', extras: {} };
      send(404, { tpe: 'NotFound', errors: [error], extras: {} });
    }
  };
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

describe('Writer provider against an off-script server', () => {
  it('keeps the key out of errors, job errors, drafts and logs; titles fall back to data.title', async () => {
    const logs = new CapturingLogger();
    const provider = createWriterProvider({
      apiKey: KEY,
      baseURL: await offScriptServer(),
      applicationIds: ['app-1'],
      rateLimit: false,
      logger: logs,
      logLevel: 'debug',
    });
    try {
      const missing = await rejection(provider.retrieveJob('nope'));
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing.message).toBe(
        `404 GET /v1/applications/jobs/nope: no /v1/applications/jobs/nope for Bearer ${REDACTED}`,
      );
      const failed = await provider.retrieveJob('failed');
      expect(failed).toMatchObject({ outcome: 'failed', error: `bad key Bearer ${REDACTED}` });

      const echoed = await provider.retrieveDraft('echo');
      expect(echoed?.title).toBe(`Hi ${REDACTED}`);
      expect(echoed?.body).toBe(`Body ${REDACTED}`);

      const untitled = await provider.retrieveDraft('untitled');
      expect(untitled).toMatchObject({
        title: 'Social post',
        body: 'No heading.',
        createdAt: '2025-02-10T18:18:09.501Z',
        updatedAt: '2025-02-10T18:18:14.470Z',
      });

      const gen = provider.generation;
      const input = gen.parseInput({ inputs: { topic: 'x' } });
      const noId = await rejection(gen.start(input, gen.newCheckpoint(input)));
      expect(noId).toBeInstanceOf(ResponseValidationError);
      expect(noId.message).toContain('neither id nor job_id');

      const everything = [missing.message, failed.error, noId.message, ...logs.lines].join('\n');
      expect(everything).not.toContain(KEY);
      expect(logs.lines.length).toBeGreaterThan(0);
      expect(JSON.stringify(provider.client)).not.toContain(KEY);
    } finally {
      await provider.close();
    }
  });
});
