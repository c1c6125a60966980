import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.ts';
import { call, manualClock, start } from './helpers.ts';
import { requirePythonHttpx } from './require-tools.ts';
import { runScript } from './run-script.ts';
import {
  pointAt,
  seed000Python,
  seed002PollStatus,
  seed002Responses,
} from './writerzroom-seeds.ts';

/** The JSON types of a value, key by key: what "the same shape" means for the seed's examples. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
}

/**
 * The issue's "done when": the WriterzRoom documents' own code, unchanged except for the base URL
 * and the key. One second of job time means the first poll reads `processing` and the loops sleep
 * as written (5 s in Python, 8 s in JavaScript); the two run side by side so the suite pays once.
 */
describe.concurrent('the WriterzRoom seeds’ code examples', () => {
  it('seed 000, Python (httpx): submit, poll, the end-to-end example and the three lists', async () => {
    requirePythonHttpx('/usr/bin/python3');
    const emu = await startEmulator({ provider: 'writerzroom', port: 0, jobDurationMs: 1000 });
    try {
      // The poll block only defines wait_for_completion; this one added line calls it on the
      // request the submit block made.
      const driver = 'print("polled:", wait_for_completion(request_id)["content"].splitlines()[0])';
      const script = `${pointAt(seed000Python(), emu.url, emu.apiKey)}\n\n${driver}\n`;
      const result = await runScript('/usr/bin/python3', 'writerzroom.py', script);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const out = result.stdout;
      // The end-to-end example prints the first 500 characters of the content string.
      expect(out.startsWith('# ')).toBe(true);
      expect(out.split('\n')[0]?.toLowerCase()).toContain('ai in enterprise content');
      expect(out).toContain('blog_article_generator - Blog Article Generator\n');
      expect(out).toContain('general_blog - General Blog (conversational)\n');
      expect(out).toContain('healthcare - Healthcare\n');
      expect(out).toMatch(/\npolled: # .*ai in enterprise content workflows/i);
      const routes = emu.stats().routes;
      expect(routes['POST /api/generate']).toBe(2);
      expect(routes['GET /api/generate/status/{request_id}']).toBeGreaterThanOrEqual(3);
    } finally {
      await emu.close();
    }
  });

  it('seed 002, JavaScript: pollStatus returns the content, or throws the failure’s error', async () => {
    const emu = await startEmulator({ provider: 'writerzroom', port: 0, jobDurationMs: 1000 });
    try {
      // pollStatus is a function the seed never calls: this driver submits two generations (one
      // missing the newsletter's `audience`, seed 002's own failure) and polls both with it.
      const driver = `
const base = ${JSON.stringify(emu.url)};
const apiKey = ${JSON.stringify(emu.apiKey)};
async function submit(body) {
  const res = await fetch(\`\${base}/v1/generate\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${apiKey}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()).request_id;
}
const good = await submit({ template_id: 'blog_article_generator', style_profile_id: 'general_blog', inputs: { topic: 'The future of AI in content marketing' } });
const bad = await submit({ template_id: 'email_newsletter', style_profile_id: 'general_blog', inputs: { topic: 'Launch week' } });
const [content, failure] = await Promise.all([
  pollStatus(good, apiKey),
  pollStatus(bad, apiKey).then(() => 'no error', (error) => error.message),
]);
console.log(JSON.stringify({ content, failure }));
`;
      const script = `${pointAt(seed002PollStatus(), emu.url, emu.apiKey)}\n${driver}`;
      const result = await runScript(process.execPath, 'poll.mjs', script);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const { content, failure } = JSON.parse(result.stdout);
      expect(shape(content)).toEqual(
        (shape(seed002Responses().completed) as { content: unknown }).content,
      );
      expect(content.title.toLowerCase()).toContain('the future of ai in content marketing');
      expect(failure).toBe('Missing required input field: audience');
      expect(emu.stats().routes['GET /v1/generate/status/{request_id}']).toBeGreaterThanOrEqual(3);
    } finally {
      await emu.close();
    }
  });

  it('seed 002, the three status examples: the emulator answers with the same fields and types', async () => {
    const clock = manualClock();
    const emu = await start({ provider: 'writerzroom', now: clock.now, jobDurationMs: 10_000 });
    const examples = seed002Responses();
    const body = { template_id: 'blog_article_generator', style_profile_id: 'general_blog' };
    const ok = (
      await call(emu, 'POST', '/v1/generate', { body: { ...body, inputs: { topic: 'x' } } })
    ).body;
    emu.queueJobOutcomes('failed');
    const ko = (
      await call(emu, 'POST', '/v1/generate', { body: { ...body, inputs: { topic: 'y' } } })
    ).body;
    clock.set(6_000);
    const processing = (await call(emu, 'GET', `/v1/generate/status/${ok.request_id}`)).body;
    expect(processing).toMatchObject({ status: 'processing', stage: 'writer', progress: 60 });
    expect(shape(processing)).toEqual(shape(examples.processing));
    clock.set(10_000);
    const completed = (await call(emu, 'GET', `/v1/generate/status/${ok.request_id}`)).body;
    expect(shape(completed)).toEqual(shape(examples.completed));
    const failed = (await call(emu, 'GET', `/v1/generate/status/${ko.request_id}`)).body;
    expect(shape(failed)).toEqual(shape(examples.failed));
  });
});
