import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApplicationRetrieveResponse } from 'writer-sdk/resources/applications/applications';
import type { z } from 'zod';
import {
  NotFoundError,
  ResponseValidationError,
  WriterClient,
  writerApplicationSchema,
} from '../src/index.ts';
import { closeAfterEach, rejection } from './helpers.ts';
import { SOCIAL_POST_APPLICATION_ID, writerEmulator } from './writer-helpers.ts';

function clientFor(emu: { url: string; apiKey: string }, apiKey = emu.apiKey): WriterClient {
  const client = new WriterClient({ apiKey, baseURL: emu.url, rateLimit: false, maxRetries: 0 });
  return closeAfterEach(client, 'client');
}

describe('WriterClient.applications.retrieve against the emulator', () => {
  it("reads each demo application's name and inputs, in order", async () => {
    const emu = await writerEmulator();
    const client = clientFor(emu);
    const blog = await client.applications.retrieve(emu.applicationId);
    expect(blog.id).toBe(emu.applicationId);
    expect(blog.name).toBe('Blog post writer');
    expect(
      blog.inputs.map(({ name, required, input_type }) => [name, required, input_type]),
    ).toEqual([
      ['topic', true, 'text'],
      ['audience', false, 'text'],
      ['keywords', false, 'text'],
    ]);
    expect(blog.inputs[0]?.description).toBe('What the post is about.');
    expect(blog.inputs[0]?.options).toMatchObject({ min_fields: 1 });
    // Loose: the fields the schema does not name are kept, not dropped.
    expect((blog as Record<string, unknown>).status).toBe('deployed');

    const social = await client.applications.retrieve(SOCIAL_POST_APPLICATION_ID);
    expect(social.inputs.map((input) => [input.name, input.required])).toEqual([
      ['Product descriptions', true],
    ]);
    expect(emu.stats().routes['GET /v1/applications/{application_id}']).toBe(2);
  });

  it('is a NotFoundError for an unknown id, and for another organization', async () => {
    const emu = await writerEmulator();
    const client = clientFor(emu);
    const unknown = await rejection(client.applications.retrieve('no-such-app'));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown.message).toContain('404 GET /v1/applications/no-such-app');
    const [, otherOrgKey] = emu.apiKeys as [string, string];
    const stranger = clientFor(emu, otherOrgKey);
    expect(await rejection(stranger.applications.retrieve(emu.applicationId))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses an id that would leave its path segment before any request', async () => {
    const emu = await writerEmulator();
    const client = clientFor(emu);
    await expect(client.applications.retrieve('../jobs')).rejects.toThrow(/applicationId/);
    expect(emu.stats().requests).toBe(0);
  });
});

describe('WriterClient.applications.retrieve against a malformed answer', () => {
  it('is a ResponseValidationError when an input has no name', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'app', name: 'App', inputs: [{ required: true }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = clientFor({ url: `http://127.0.0.1:${port}`, apiKey: 'writer_test_fake_key' });
    try {
      const error = await rejection(client.applications.retrieve('app'));
      expect(error).toBeInstanceOf(ResponseValidationError);
    } finally {
      await client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('writerApplicationSchema mirrors the SDK type', () => {
  it("reads the SDK's ApplicationRetrieveResponse fields with their declared types", () => {
    type Ours = z.input<typeof writerApplicationSchema>;
    type OurInput = Ours['inputs'][number];
    type SdkInput = ApplicationRetrieveResponse.Input;
    // Every value the SDK declares for a field we read is one the schema accepts...
    expectTypeOf<ApplicationRetrieveResponse['id']>().toExtend<Ours['id']>();
    expectTypeOf<ApplicationRetrieveResponse['name']>().toExtend<Ours['name']>();
    expectTypeOf<SdkInput['name']>().toExtend<OurInput['name']>();
    expectTypeOf<SdkInput['input_type']>().toExtend<OurInput['input_type']>();
    expectTypeOf<SdkInput['required']>().toExtend<OurInput['required']>();
    expectTypeOf<SdkInput['description']>().toExtend<OurInput['description']>();
    // The SDK's option interfaces as the plain JSON objects they describe (an interface has no
    // implicit index signature, so it is not assignable to a loose object as it stands).
    type Plain<T> = T extends object ? { [K in keyof T]: T[K] } : T;
    expectTypeOf<Plain<SdkInput['options']>>().toExtend<OurInput['options']>();
    // ...and the fields it names are the SDK's own, none invented.
    expectTypeOf<keyof typeof writerApplicationSchema.shape>().toExtend<
      keyof ApplicationRetrieveResponse
    >();
    type OurInputKeys = keyof (typeof writerApplicationSchema.shape.inputs.element)['shape'];
    expectTypeOf<OurInputKeys>().toEqualTypeOf<keyof SdkInput>();
    expect(Object.keys(writerApplicationSchema.shape.inputs.element.shape).sort()).toEqual([
      'description',
      'input_type',
      'name',
      'options',
      'required',
    ]);
  });
});
