import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type RoboWrite, RoboWriteError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

/** Every way an error can be shown: message, stack, JSON, inspect (with its cause chain). */
function renderings(error: Error): string[] {
  return [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 5 })];
}

describe('the API key stays secret', () => {
  it('appears in no error, toJSON, stack or log line, at debug level and through faults', async () => {
    const emu = await emulator();
    emu.faults.add({ route: 'GET /brands', sequence: ['503', 'reset', 'truncate'] });
    emu.faults.add({ route: 'GET /ping', sequence: ['edge-403'] });
    emu.faults.add({ route: 'GET /documents', sequence: ['invalid-json', 'invalid-json'] });
    emu.faults.add({ route: 'GET /tags', sequence: ['stall'] });
    const { client: rw, logs } = client(emu, { maxRetries: 1 });
    const key = emu.apiKey;

    const errors: Error[] = [];
    const calls: ((c: RoboWrite) => PromiseLike<unknown>)[] = [
      (c) => c.brands.list(),
      (c) => c.ping(),
      (c) => c.documents.list(),
      (c) => c.tags.list({}, { timeout: 200, maxRetries: 0 }),
      (c) => c.content.retrieve('item_missing'),
      (c) => c.briefs.create({ title: '' }),
      (c) => c.jobs.waitFor('job_missing', { intervalMs: 10, timeoutMs: 100 }),
    ];
    for (const call of calls) errors.push(await rejection(call(rw)));
    const wrongKey = client(emu, { apiKey: `${key}x`, maxRetries: 0 });
    errors.push(await rejection(wrongKey.client.brands.list()));

    expect(errors.every((e) => e instanceof RoboWriteError)).toBe(true);
    expect(logs.lines.length).toBeGreaterThan(10);
    expect(logs.lines.some((l) => /authorization/i.test(l))).toBe(true);
    for (const text of [...errors.flatMap(renderings), ...logs.lines, ...wrongKey.logs.lines]) {
      expect(text).not.toContain(key);
    }
    expect(inspect(rw, { depth: 5 })).not.toContain(key);
    expect(JSON.stringify(rw)).not.toContain(key);
  });

  it('scrubs the key even if a server echoes it back', async () => {
    const emu = await emulator();
    const { client: rw, logs } = client(emu);
    // A 404 whose detail quotes the id we sent: send the key itself as the id.
    const error = await rejection(rw.content.retrieve(emu.apiKey));
    for (const text of [...renderings(error), ...logs.lines])
      expect(text).not.toContain(emu.apiKey);
  });

  it('logs by level: nothing below the chosen one, nothing at all when off', async () => {
    const emu = await emulator();
    const quiet = client(emu, { logLevel: 'off' });
    const warnOnly = client(emu, { logLevel: 'warn' });
    emu.faults.add({ route: 'GET /ping', sequence: ['503'] });
    await quiet.client.ping();
    emu.faults.add({ route: 'GET /ping', sequence: ['503'] });
    await warnOnly.client.ping();
    expect(quiet.logs.lines).toEqual([]);
    expect(warnOnly.logs.lines.length).toBe(1);
    expect(warnOnly.logs.lines[0]).toMatch(/^warn .*retrying GET \/ping/);
  });

  it('takes its level from ROBOWRITE_LOG when no logLevel is given', async () => {
    const emu = await emulator();
    const saved = process.env.ROBOWRITE_LOG;
    process.env.ROBOWRITE_LOG = 'debug';
    try {
      const { client: rw, logs } = client(emu, { logLevel: undefined });
      await rw.ping();
      expect(logs.lines.some((l) => l.startsWith('debug'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.ROBOWRITE_LOG;
      else process.env.ROBOWRITE_LOG = saved;
    }
  });
});
