import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, type WriterEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  finish,
  mtimes,
  OUT,
  parseJson,
  project,
  providerEnv,
  startCli,
  tree,
} from './helpers.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The one Markdown file in the output folder, parsed as Astro would. */
async function onlyEntry(dir: string) {
  const files = [...(await tree(join(dir, OUT))).entries()].filter(([f]) => f.endsWith('.md'));
  expect(files).toHaveLength(1);
  const [file, text] = files[0] as [string, string];
  return { file, text, ...parseLikeAstro(text) };
}

/** Every file the project holds but the last pull's time stamp. */
async function snapshot(dir: string) {
  const files = await tree(dir);
  files.delete('.robowrite/last-pull.json');
  return files;
}

/**
 * After `generate --wait`: a pull changes no entry (it records the listing's markers in the state
 * the targeted pull could not see), and the next one leaves every file byte for byte.
 */
async function expectRepullWritesNothing(dir: string, env: NodeJS.ProcessEnv) {
  const entries = await mtimes(join(dir, OUT));
  const first = await cli(dir, ['pull', '--json'], env);
  expect(first.code).toBe(0);
  const counts = parseJson<{ counts: Record<string, number> }>(first.stdout).counts;
  expect(counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
  expect(await mtimes(join(dir, OUT))).toEqual(entries);
  const before = await snapshot(dir);
  const second = await cli(dir, ['pull', '--json'], env);
  expect(second.code).toBe(0);
  expect(await snapshot(dir)).toEqual(before);
  expect(await mtimes(join(dir, OUT))).toEqual(entries);
}

describe.each(['api', 'v1'] as const)(
  'WriterzRoom, %s dialect: generate, wait, pull',
  (dialect) => {
    let emu: Emulator;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      emu = await startEmulator({
        provider: 'writerzroom',
        port: 0,
        jobDurationMs: 150,
        rateLimit: false,
      });
      env = providerEnv({ WRITERZROOM_API_KEY: emu.apiKey, WRITERZROOM_BASE_URL: emu.url });
    });
    afterAll(() => emu.close());

    it('writes the draft once, re-pulls nothing, and reports a failed generation in one line', async () => {
      const dir = await project('rw-wzr-');
      const init = await cli(
        dir,
        [
          'init',
          '--yes',
          '--provider',
          'writerzroom',
          '--dialect',
          dialect,
          '--template',
          'blog_article_generator',
          '--style-profile',
          'general_blog',
        ],
        env,
      );
      expect(init.code).toBe(0);
      expect(init.stdout).toContain('WRITERZROOM_API_KEY=...');
      const config = await readFile(join(dir, 'robowrite.config.mjs'), 'utf8');
      expect(config).toContain("provider: 'writerzroom'".replace(/'/g, '"'));

      const topic = 'Remote work productivity';
      const generated = await cli(
        dir,
        ['generate', '--topic', topic, '--wait', '--interval', '50'],
        env,
      );
      expect(generated.stderr).toBe('');
      expect(generated.code).toBe(0);
      const entry = await onlyEntry(dir);
      const meta = entry.data.robowrite as { provider: string };
      expect(meta.provider).toBe('writerzroom');
      if (dialect === 'api') {
        // The api dialect's answers carry no date: the entry is dated by the job record, so every
        // later process renders the same file.
        const state = JSON.parse(await readFile(join(dir, '.robowrite/state.json'), 'utf8'));
        const [job] = Object.values(state.jobs) as { startedAt: string }[];
        expect(entry.data.pubDate).toBe(job?.startedAt);
      }
      expect(String(entry.data.title).length).toBeGreaterThan(0);
      expect(entry.body).toMatch(/^## /m);

      await expectRepullWritesNothing(dir, env);

      emu.queueJobOutcomes('failed');
      const failing = await cli(dir, ['generate', '--topic', 'A generation that fails'], env);
      expect(failing.code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const pulled = await cli(dir, ['pull'], env);
      expect(pulled.code).toBe(1);
      const lines = pulled.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/failed: Generation failed/);
      expect((await onlyEntry(dir)).file).toBe(entry.file);
    });

    it('checks the inputs before any request, naming the flag or brief file key (exit 2)', async () => {
      const dir = await project('rw-wzr-input-');
      await cli(dir, ['init', '--yes', '--provider', 'writerzroom', '--dialect', dialect], env);
      const requests = emu.stats().requests;
      const noTemplate = await cli(dir, ['generate', '--topic', 'x'], env);
      expect(noTemplate.code).toBe(2);
      expect(noTemplate.stderr.trim()).toBe('error generate: --template: required');
      const brief = join(dir, 'brief.yaml');
      await writeFile(brief, 'template: blog_article_generator\ntopic: Remote work\n');
      const noStyle = await cli(dir, ['generate', '--brief', brief], env);
      expect(noStyle.code).toBe(2);
      expect(noStyle.stderr.trim()).toBe(`error ${brief}: "style_profile": required`);
      const badPair = await cli(dir, ['generate', '--input', 'audience'], env);
      expect(badPair.code).toBe(2);
      expect(badPair.stderr.trim()).toBe('error --input needs key=value, got "audience"');
      expect(emu.stats().requests).toBe(requests);
    });
  },
);

/** Resolves once the child printed a line matching `pattern` (its stdout so far). */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (pattern.test(out)) resolve(out);
    });
    child.on('close', () => reject(new Error(`exited before printing ${pattern}: ${out}`)));
  });
}

describe('WriterzRoom api dialect: pull --watch', () => {
  it('collects a generation started while it watches, from the state alone', async () => {
    const emu = await startEmulator({
      provider: 'writerzroom',
      port: 0,
      jobDurationMs: 150,
      rateLimit: false,
    });
    try {
      const env = providerEnv({ WRITERZROOM_API_KEY: emu.apiKey, WRITERZROOM_BASE_URL: emu.url });
      const dir = await project('rw-wzr-watch-');
      const flags = ['--template', 'blog_article_generator', '--style-profile', 'general_blog'];
      await cli(dir, ['init', '--yes', '--provider', 'writerzroom', ...flags], env);
      const watch = startCli(dir, ['pull', '--watch', '--json', '--interval', '100'], env);
      const done = finish(watch);
      await printed(watch, /"event":"ready"/);
      const generated = await cli(dir, ['generate', '--topic', 'Remote work'], env);
      expect(generated.code).toBe(0);
      await printed(watch, /"event":"create"/);
      watch.kill('SIGINT');
      const result = await done;
      expect(result.code).toBe(0);
      const entry = await onlyEntry(dir);
      expect((entry.data.robowrite as { provider: string }).provider).toBe('writerzroom');
    } finally {
      await emu.close();
    }
  });
});

describe('Writer: generate, wait, pull, retry', () => {
  let emu: WriterEmulator;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    emu = await startEmulator({
      provider: 'writer',
      port: 0,
      jobDurationMs: 150,
      rateLimit: false,
    });
    env = providerEnv({ WRITER_API_KEY: emu.apiKey, WRITER_BASE_URL: emu.url });
  });
  afterAll(() => emu.close());

  it('collects a job, re-pulls nothing, reports a failed one, retries it and then collects it', async () => {
    const dir = await project('rw-writer-');
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId],
      env,
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('WRITER_API_KEY=...');

    const generated = await cli(
      dir,
      ['generate', '--topic', 'Remote work productivity', '--wait', '--interval', '50'],
      env,
    );
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const entry = await onlyEntry(dir);
    expect((entry.data.robowrite as { provider: string }).provider).toBe('writer');
    // A status no Writer draft has: said once, before the pull, which still succeeds.
    const config = join(dir, 'robowrite.config.mjs');
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace('"completed"', '"completed", "in_progress"'));
    const warned = await cli(dir, ['pull'], env);
    expect(warned.code).toBe(0);
    expect(warned.stderr.trim()).toMatch(/^warning status "in_progress" holds no Writer draft/);
    await writeFile(config, text);
    expect(String(entry.data.title)).toMatch(/remote work/i);
    expect(entry.body).toMatch(/^## /m);

    await expectRepullWritesNothing(dir, env);

    emu.queueJobOutcomes('failed');
    const failing = await cli(dir, ['generate', '--topic', 'Hybrid teams', '--json'], env);
    expect(failing.code).toBe(0);
    const { jobId } = parseJson<{ jobId: string }>(failing.stdout);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const pulled = await cli(dir, ['pull'], env);
    expect(pulled.code).toBe(1);
    expect(pulled.stderr.trim().split('\n')).toHaveLength(1);
    expect(pulled.stderr).toContain(`job ${jobId} failed`);
    expect((await onlyEntry(dir)).file).toBe(entry.file);

    const retried = await cli(dir, ['retry', jobId], env);
    expect(retried.stderr).toBe('');
    expect(retried.code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const collected = await cli(dir, ['pull', '--json'], env);
    expect(collected.code).toBe(0);
    expect(parseJson<{ counts: Record<string, number> }>(collected.stdout).counts.create).toBe(1);
    const files = [...(await tree(join(dir, OUT))).keys()].filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(2);
  });

  it('checks the inputs before any request, naming the flag (exit 2)', async () => {
    const dir = await project('rw-writer-input-');
    await cli(dir, ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId], env);
    const requests = emu.stats().requests;
    const unknownApp = await cli(dir, ['generate', '--app', 'other-app', '--topic', 'x'], env);
    expect(unknownApp.code).toBe(2);
    expect(unknownApp.stderr.trim()).toBe(
      'error generate: --app: other-app is not one of the configured applications',
    );
    const noInput = await cli(dir, ['generate'], env);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr.trim()).toBe('error generate: --input: at least one input is required');
    const robowriteFlag = await cli(dir, ['generate', '--keyword', 'x'], env);
    expect(robowriteFlag.code).toBe(2);
    expect(robowriteFlag.stderr).toContain('--keyword is not a writer generate flag');
    expect(emu.stats().requests).toBe(requests);
  });

  it('a rejected key names the provider variable to check (exit 2)', async () => {
    const dir = await project('rw-writer-key-');
    await cli(dir, ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId], env);
    const result = await cli(dir, ['pull'], { ...env, WRITER_API_KEY: 'writer_not_a_key_0' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/Invalid API key \(check WRITER_API_KEY\)$/);
  });

  it('refuses retry for a provider without one, in one line (exit 2)', async () => {
    const dir = await project('rw-retry-');
    await cli(dir, ['init', '--yes', '--provider', 'writerzroom'], env);
    const refused = await cli(dir, ['retry', 'job_1'], {
      ...env,
      WRITERZROOM_API_KEY: 'wzr_test_key',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/retry .*writerzroom has none/);
  });

  it('publish says in one line that WriterzRoom has no published state, and sends nothing', async () => {
    const dir = await project('rw-publish-wzr-');
    await cli(dir, ['init', '--yes', '--provider', 'writerzroom'], env);
    const result = await cli(dir, ['publish'], { ...env, WRITERZROOM_API_KEY: 'wzr_test_key' });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      'writerzroom has no API route that sets a published state: publish skipped',
    );
    expect(result.stderr).toBe('');
  });
});

describe('the provider config is checked in one line (exit 2)', () => {
  const env = providerEnv({ WRITER_API_KEY: 'writer_key', WRITERZROOM_API_KEY: 'wzr_key' });
  it.each([
    ["{ provider: 'wrtier' }", /robowrite\.config\.mjs: provider: /],
    ["{ provider: 'writerzroom', writerzroom: { dialect: 'v2' } }", /writerzroom\.dialect/],
    ["{ provider: 'writer', writer: { applicationIds: [] } }", /writer\.applicationIds/],
    ["{ provider: 'writer' }", /no Writer application: .*WRITER_APPLICATION_ID/],
  ])('%s', async (config, expected) => {
    const dir = await project('rw-provider-config-');
    await writeFile(join(dir, 'robowrite.config.mjs'), `export default ${config};\n`);
    const result = await cli(dir, ['pull'], env);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it('init refuses a flag that belongs to another provider', async () => {
    const dir = await project('rw-init-flags-');
    const result = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--template', 't'],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('error --template is for --provider writerzroom');
    expect((await tree(dir)).size).toBe(0);
  });

  it('names the provider variable when the key is missing', async () => {
    const dir = await project('rw-provider-key-');
    await writeFile(join(dir, 'robowrite.config.mjs'), "export default { provider: 'writer' };\n");
    const result = await cli(dir, ['pull'], providerEnv({}));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^error no API key: set WRITER_API_KEY /);
  });
});
