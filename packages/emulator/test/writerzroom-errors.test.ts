import { describe, expect, it } from 'vitest';
import { WRITERZROOM_DEPLETED_API_KEY } from '../src/index.ts';
import { call, start } from './helpers.ts';

const V1 = {
  template_id: 'blog_article_generator',
  style_profile_id: 'general_blog',
  inputs: { topic: 'Local SEO' },
};
const API = {
  template: 'blog_article_generator',
  style_profile: 'general_blog',
  generation_mode: 'standard',
  dynamic_parameters: { topic: 'Local SEO' },
};

const writerzroom = () => start({ provider: 'writerzroom' });

describe('WriterzRoom documented errors', () => {
  it('402 when the account has no credits left, in both dialects', async () => {
    const emu = await writerzroom();
    for (const [path, body] of [
      ['/api/generate', API],
      ['/v1/generate', V1],
    ] as const) {
      const res = await call(emu, 'POST', path, { body, key: WRITERZROOM_DEPLETED_API_KEY });
      expect(res.status).toBe(402);
      expect(res.body).toEqual({
        error: 'insufficient_credits',
        message: 'Insufficient credits or inactive subscription',
      });
    }
    expect(emu.stats().jobsCreated).toBe(0);
  });

  it('403 for a generation mode not on the plan; 400 for a mode that does not exist', async () => {
    const emu = await writerzroom();
    const premium = await call(emu, 'POST', '/api/generate', {
      body: { ...API, generation_mode: 'premium' },
    });
    expect(premium.status).toBe(403);
    expect(premium.body.error).toBe('mode_not_available');
    expect(premium.body.message).toContain('premium');
    const v1 = await call(emu, 'POST', '/v1/generate', {
      body: { ...V1, generation_mode: 'premium' },
    });
    expect(v1.status).toBe(403);
    const quick = await call(emu, 'POST', '/api/generate', {
      body: { ...API, generation_mode: 'quick' },
    });
    expect(quick.status).toBe(202);
    const bogus = await call(emu, 'POST', '/api/generate', {
      body: { ...API, generation_mode: 'turbo' },
    });
    expect(bogus.status).toBe(400);
  });

  it('404 for an unknown template or style profile, naming it', async () => {
    const emu = await writerzroom();
    const template = await call(emu, 'POST', '/api/generate', {
      body: { ...API, template: 'nope' },
    });
    expect(template.status).toBe(404);
    expect(template.body).toEqual({ error: 'not_found', message: 'Template "nope" not found' });
    const style = await call(emu, 'POST', '/v1/generate', {
      body: { ...V1, style_profile_id: 'nope' },
    });
    expect(style.status).toBe(404);
    expect(style.body.message).toBe('Style profile "nope" not found');
    const vertical = await call(emu, 'POST', '/v1/generate', { body: { ...V1, vertical: 'nope' } });
    expect(vertical.status).toBe(400);
    expect(emu.stats().jobsCreated).toBe(0);
  });

  it('400 for a body of the wrong shape or not JSON; the other dialect’s field names do not pass', async () => {
    const emu = await writerzroom();
    const crossed = await call(emu, 'POST', '/v1/generate', { body: API });
    expect(crossed.status).toBe(400);
    expect(crossed.body.message).toMatch(/^template_id: /);
    const res = await fetch(`${emu.url}/api/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
      body: '{"template": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_json',
      message: 'Request body is not valid JSON',
    });
  });

  it('401 without a valid Bearer key, 404 for an unknown path, 405 for a wrong method', async () => {
    const emu = await writerzroom();
    const none = await call(emu, 'GET', '/api/templates', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call(emu, 'GET', '/api/templates', { key: 'wrong' })).status).toBe(401);
    expect((await call(emu, 'GET', '/api/public/v1/ping')).status).toBe(404);
    expect((await call(emu, 'DELETE', '/v1/templates')).status).toBe(405);
  });

  it('503 "Configuration Manager unavailable" and 429 with Retry-After as injected faults', async () => {
    const emu = await start({
      provider: 'writerzroom',
      faults: [{ route: 'POST /api/generate', sequence: ['503', '429', 'ok'], retryAfter: 7 }],
    });
    const unavailable = await call(emu, 'POST', '/api/generate', { body: API });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({
      error: 'service_unavailable',
      message: 'Configuration Manager unavailable',
    });
    const limited = await call(emu, 'POST', '/api/generate', { body: API });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call(emu, 'POST', '/api/generate', { body: API })).status).toBe(202);
    expect(emu.stats()).toMatchObject({ faultsInjected: 2, rateLimited: 1, jobsCreated: 1 });
    emu.faults.add({ route: 'GET /v1/content', sequence: ['429-no-retry-after', 'edge-403'] });
    const bare = await call(emu, 'GET', '/v1/content');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    const edge = await call(emu, 'GET', '/v1/content');
    expect(edge.status).toBe(403);
    expect(edge.text).toBe('');
  });

  it('post-processing faults damage the answer after the request ran', async () => {
    const emu = await writerzroom();
    emu.faults.add({ route: 'POST /v1/generate', sequence: ['reset'] });
    await expect(call(emu, 'POST', '/v1/generate', { body: V1 })).rejects.toThrow();
    // The generation was created even though its answer was lost.
    expect(emu.stats().jobsCreated).toBe(1);
    emu.faults.add({ route: 'GET /v1/templates', sequence: ['invalid-json'] });
    const broken = await call(emu, 'GET', '/v1/templates').catch((error: Error) => error);
    expect(broken).toBeInstanceOf(SyntaxError);
  });
});
