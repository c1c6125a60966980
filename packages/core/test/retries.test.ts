import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  EdgeBlockedError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ServiceUnavailableError,
} from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

describe('retries and faults', () => {
  it('rides out a 429 storm within the budget, honouring Retry-After', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /brands', sequence: ['429', '429', 'ok'], retryAfter: 0 });
    const { client: rw } = client(emu);
    const { data, response } = await rw.brands.list().withResponse();
    expect(data.items.length).toBeGreaterThan(0);
    expect(response.status).toBe(200);
    expect(response.requestId).toMatch(/^req_/);
    expect(emu.stats().routes['GET /brands']).toBe(3);
  });

  // A dev-refresh poll in flight when the dev server stopped logged "retrying ... The client is
  // closed": a closed client never reopens, so waiting and trying again only adds noise.
  it('does not retry a request on a client that was closed', async () => {
    const emu = await emulator();
    const { client: rw, logs } = client(emu);
    await rw.close();
    const error = await rejection(rw.brands.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/closed/);
    expect(logs.lines.filter((line) => line.includes('retrying'))).toEqual([]);
    expect(emu.stats().routes['GET /brands']).toBeUndefined();
  });

  it('gives up after maxRetries with a RateLimitError carrying retryAfterMs', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /brands', sequence: ['429', '429', '429'], retryAfter: 0 });
    emu.faults.add({ route: 'GET /ping', sequence: ['429-no-retry-after'] });
    const { client: rw } = client(emu);
    const error = await rejection(rw.brands.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(0);
    expect(emu.stats().routes['GET /brands']).toBe(3);

    const noHeader = await rejection(rw.ping({ maxRetries: 0 }));
    expect(noHeader).toBeInstanceOf(RateLimitError);
    expect((noHeader as RateLimitError).retryAfterMs).toBeNull();
  });

  it('a 429 pauses the whole client, not only the call that got it', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /brands', sequence: ['429'], retryAfter: 1 });
    const { client: rw } = client(emu);
    const brands = rw.brands.list();
    while (emu.stats().rateLimited === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    expect(rw.rateLimiter.pausedForMs).toBeGreaterThan(0);
    const ping = rw.ping();
    await new Promise((r) => setTimeout(r, 50));
    expect(emu.stats().routes['GET /ping'] ?? 0).toBe(0);
    await Promise.all([brands, ping]);
    expect(emu.stats().routes['GET /ping']).toBe(1);
    expect(emu.stats().routes['GET /brands']).toBe(2);
  });

  it('retries 503s, and reports ServiceUnavailableError past the budget', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /properties', sequence: ['503', '503', 'ok'] });
    const { client: rw } = client(emu);
    expect((await rw.properties.list()).items.length).toBeGreaterThan(0);
    emu.faults.add({ route: 'GET /properties', sequence: ['503', '503'] });
    const error = await rejection(rw.properties.list({}, { maxRetries: 1 }));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).status).toBe(503);
    expect((error as ServiceUnavailableError).detail).toMatch(/temporarily unavailable/);
    expect(emu.stats().routes['GET /properties']).toBe(5);
  });

  it('retries reset connections and truncated or garbled bodies on reads', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /documents', sequence: ['reset', 'truncate', 'ok'] });
    emu.faults.add({ route: 'GET /pillars', sequence: ['invalid-json', 'ok'] });
    const { client: rw } = client(emu);
    expect((await rw.documents.list()).items.length).toBeGreaterThan(0);
    expect(Array.isArray((await rw.pillars.list()).items)).toBe(true);
    expect(emu.stats().routes['GET /documents']).toBe(3);
    expect(emu.stats().routes['GET /pillars']).toBe(2);
  });

  it('fails with the right typed error when faults outlast the budget', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /documents', sequence: ['reset', 'reset', 'reset'] });
    emu.faults.add({ route: 'GET /tags', sequence: ['truncate', 'truncate', 'truncate'] });
    emu.faults.add({
      route: 'GET /authors',
      sequence: ['invalid-json', 'invalid-json', 'invalid-json'],
    });
    const { client: rw } = client(emu);
    const [reset, truncated, garbled] = await Promise.all([
      rejection(rw.documents.list()),
      rejection(rw.tags.list()),
      rejection(rw.authors.list()),
    ]);
    expect(reset).toBeInstanceOf(APIConnectionError);
    expect(truncated).toBeInstanceOf(APIConnectionError);
    expect(garbled).toBeInstanceOf(ResponseValidationError);
    expect((garbled as ResponseValidationError).issuePath).toBe('(root)');
  });

  it('times out a stalled response as APITimeoutError', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /ping', sequence: ['stall', 'ok'] });
    const { client: rw } = client(emu);
    expect(await rw.ping({ timeout: 300 })).toMatchObject({ status: 'ok' });
    emu.faults.add({ route: 'GET /ping', sequence: ['stall'] });
    const error = await rejection(rw.ping({ timeout: 200, maxRetries: 0 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('stops at once when the caller aborts, in flight or while queued behind the limiter', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /ping', sequence: ['stall'] });
    const { client: rw } = client(emu, { rateLimit: { requests: 1, windowMs: 60_000 } });
    const inFlight = new AbortController();
    const stalled = rw.ping({ signal: inFlight.signal });
    while ((emu.stats().routes['GET /ping'] ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
    inFlight.abort();
    expect(await rejection(stalled)).toBeInstanceOf(APIUserAbortError);
    // The window's only slot is spent: this call waits in the limiter until aborted.
    const queued = new AbortController();
    const waiting = rw.brands.list({}, { signal: queued.signal });
    setTimeout(() => queued.abort(), 50);
    expect(await rejection(waiting)).toBeInstanceOf(APIUserAbortError);
    expect(emu.stats().requests).toBe(1);
  });

  it('never retries other 4xx, nor the edge 403', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /ping', sequence: ['edge-403'] });
    const { client: rw } = client(emu);
    expect(await rejection(rw.ping())).toBeInstanceOf(EdgeBlockedError);
    expect(emu.stats().routes['GET /ping']).toBe(1);
    expect(await rejection(rw.briefs.retrieve('brief_missing'))).toBeInstanceOf(NotFoundError);
    expect(emu.stats().routes['GET /briefs/{brief_id}']).toBe(1);
  });

  it('retries a POST whose response was lost with the same key: exactly one job', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');
    emu.faults.add({ route: 'POST /brands/{brand_id}/topics', sequence: ['reset'] });
    const topic = await rw.topics.create(brand.id, { title: 'Lost once', primaryKeyword: 'lost' });
    expect(emu.stats().routes['POST /brands/{brand_id}/topics']).toBe(2);

    emu.faults.add({ route: 'POST /content/generate', sequence: ['reset', 'truncate'] });
    const { data, response } = await rw.content.generate({ topicId: topic.id }).withResponse();
    expect(response.replayed).toBe(true);
    expect(typeof data.job_id).toBe('string');
    const stats = emu.stats();
    expect(stats.routes['POST /content/generate']).toBe(3);
    expect(stats.jobsCreated).toBe(1);
    // One replay for the topic's retry, two for the generate's (truncated, then whole).
    expect(stats.replays).toBe(3);
  });

  it('a caller key replays across calls; a POST without a deduping route is never retried', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const property = (await rw.properties.list()).items[0];
    if (!property) throw new Error('no property');
    const brief = await rw.briefs.create({ title: 'Keys', primaryKeyword: 'keys' });
    const first = await rw.content
      .create(
        { briefId: brief.id, propertyId: property.id, title: 'Keys' },
        { idempotencyKey: 'crash-and-rerun-1' },
      )
      .withResponse();
    const again = await rw.content
      .create(
        { briefId: brief.id, propertyId: property.id, title: 'Keys' },
        { idempotencyKey: 'crash-and-rerun-1' },
      )
      .withResponse();
    expect(first.response.replayed).toBe(false);
    expect(again.response.replayed).toBe(true);
    expect(again.data.id).toBe(first.data.id);

    emu.faults.add({ route: 'POST /briefs', sequence: ['reset'] });
    expect(await rejection(rw.briefs.create({ title: 'Once' }))).toBeInstanceOf(APIConnectionError);
    // The brief created above, and this one's single attempt: no retry.
    expect(emu.stats().routes['POST /briefs']).toBe(2);
  });
});
