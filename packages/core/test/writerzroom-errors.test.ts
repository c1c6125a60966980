import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ServiceUnavailableError,
  type WriterzRoomDialect,
} from '../src/index.ts';
import { rejection } from './helpers.ts';
import { generationInput, wzrEmulator, wzrProvider } from './writerzroom-helpers.ts';

/** The dialect's input with one field changed (template, style profile or mode). */
function input(dialect: WriterzRoomDialect, change: 'template' | 'style' | 'mode' | 'vertical') {
  const base = generationInput(dialect) as Record<string, unknown>;
  const names = {
    template: dialect === 'api' ? 'template' : 'template_id',
    style: dialect === 'api' ? 'style_profile' : 'style_profile_id',
    mode: 'generation_mode',
    vertical: 'vertical',
  };
  const values = {
    template: 'no_such_template',
    style: 'no_such_style',
    mode: 'premium',
    vertical: 'astrology',
  };
  return { ...base, [names[change]]: values[change] };
}

describe.each<WriterzRoomDialect>(['api', 'v1'])('WriterzRoom errors, %s dialect', (dialect) => {
  it('402, 403, 404 and 400 are typed, final, and never carry the key', async () => {
    const emu = await wzrEmulator();
    const { provider, logs } = wzrProvider(emu, dialect);
    const depleted = wzrProvider(emu, dialect, { apiKey: emu.apiKeys[1] }).provider;
    const gen = provider.generation;
    const start = (p: typeof provider, raw: unknown) => {
      const parsed = p.generation.parseInput(raw);
      return rejection(p.generation.start(parsed, p.generation.newCheckpoint(parsed)));
    };

    const cases: [Error, new (...args: never[]) => Error, number][] = [
      [await start(depleted, generationInput(dialect)), PaymentRequiredError, 402],
      [await start(provider, input(dialect, 'template')), NotFoundError, 404],
      [await start(provider, input(dialect, 'style')), NotFoundError, 404],
      [await start(provider, input(dialect, 'vertical')), BadRequestError, 400],
    ];
    if (dialect === 'api') {
      cases.push([await start(provider, input(dialect, 'mode')), PermissionDeniedError, 403]);
    } else {
      // Seed 001 lists no generation_mode, so the v1 input refuses it; the server takes it.
      const premium = { ...generationInput(dialect), generation_mode: 'premium' };
      expect(() => gen.parseInput(premium)).toThrow(RequestValidationError);
      const error = await rejection(provider.client.generate(premium as never));
      cases.push([error, PermissionDeniedError, 403]);
    }
    for (const [error, type, status] of cases) {
      expect(error).toBeInstanceOf(type);
      expect((error as { status?: number }).status).toBe(status);
      expect(gen.isFinalRejection(error)).toBe(true);
      expect(error.message).toMatch(new RegExp(`^${status} POST /${dialect}/generate: \\S`));
      expect(`${error.message} ${JSON.stringify(error)} ${error.stack}`).not.toContain(emu.apiKey);
    }
    expect(emu.stats().jobsCreated).toBe(0);
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.join('\n')).not.toContain(emu.apiKey);
  });

  it('an unknown id is NotFoundError; bad input is refused before any request', async () => {
    const emu = await wzrEmulator();
    const { provider } = wzrProvider(emu, dialect);
    const unknown = dialect === 'api' ? 'req_000000000000' : 'cnt_000000000000';
    expect(await rejection(provider.retrieveDraft(unknown))).toBeInstanceOf(NotFoundError);
    expect(await rejection(provider.retrieveJob('req_000000000000'))).toBeInstanceOf(NotFoundError);

    const sent = provider.requestCount();
    const wrongDialect = dialect === 'api' ? { template_id: 'x' } : { template: 'x' };
    const refused = (() => {
      try {
        provider.generation.parseInput({ ...generationInput(dialect), ...wrongDialect });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(RequestValidationError);
    expect((refused as RequestValidationError).path).toBe(Object.keys(wrongDialect)[0]);
    expect(() => provider.generation.parseInput({})).toThrow(RequestValidationError);
    expect(provider.generation.isFinalRejection(refused)).toBe(true);
    expect(provider.requestCount()).toBe(sent);
  });

  it('429 and 503 are typed and not final (a rerun may pass)', async () => {
    const emu = await wzrEmulator();
    const { provider } = wzrProvider(emu, dialect, { maxRetries: 0 });
    emu.faults.add({ route: `POST /${dialect}/generate`, sequence: ['429', '503'], retryAfter: 1 });
    const gen = provider.generation;
    const raw = gen.parseInput(generationInput(dialect));
    const limited = await rejection(gen.start(raw, gen.newCheckpoint(raw)));
    const unavailable = await rejection(gen.start(raw, gen.newCheckpoint(raw)));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(unavailable).toBeInstanceOf(ServiceUnavailableError);
    expect(unavailable.message).toContain('Configuration Manager unavailable');
    expect(gen.isFinalRejection(limited)).toBe(false);
    expect(gen.isFinalRejection(unavailable)).toBe(false);
    expect(emu.stats().jobsCreated).toBe(0);
  });

  it('a generate POST is retried after a 429 (it never ran) but never after a 503', async () => {
    const emu = await wzrEmulator();
    const { provider } = wzrProvider(emu, dialect, { maxRetries: 2 });
    const route = `POST /${dialect}/generate`;
    const gen = provider.generation;
    const raw = gen.parseInput(generationInput(dialect));
    emu.faults.add({ route, sequence: ['503'] });
    expect(await rejection(gen.start(raw, gen.newCheckpoint(raw)))).toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(emu.stats().routes[route]).toBe(1);
    emu.faults.add({ route, sequence: ['429'], retryAfter: 0 });
    const started = await gen.start(raw, gen.newCheckpoint(raw));
    expect(started.jobId).toMatch(/^req_/);
    expect(emu.stats().routes[route]).toBe(3);
    expect(emu.stats().jobsCreated).toBe(1);
  });
});
