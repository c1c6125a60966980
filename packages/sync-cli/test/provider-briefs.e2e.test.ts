import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import { cli, OUT, parseJson, project, providerEnv, tree } from './helpers.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

async function entries(dir: string) {
  const files = [...(await tree(join(dir, OUT))).entries()].filter(([f]) => f.endsWith('.md'));
  return files.map(([file, text]) => ({ file, text, ...parseLikeAstro(text) }));
}

const WAIT = ['--wait', '--interval', '50'];

/**
 * `generate` with each provider's inputs from a YAML brief file, and WriterzRoom's generation mode
 * from the config, the brief file or the flag (flag, then file, then config): what reaches the
 * emulator is read back from what it did with it.
 */
describe('WriterzRoom api dialect: brief file and generation mode', () => {
  let emu: Emulator;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({
      provider: 'writerzroom',
      port: 0,
      jobDurationMs: 150,
      rateLimit: false,
    });
    env = providerEnv({ WRITERZROOM_API_KEY: emu.apiKey, WRITERZROOM_BASE_URL: emu.url });
    dir = await project('rw-wzr-brief-');
    // The demo plan has no `premium`: a generation in that mode is refused with a 403.
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writerzroom', '--generation-mode', 'premium'],
      env,
    );
    expect(init.code).toBe(0);
    const config = await readFile(join(dir, 'robowrite.config.mjs'), 'utf8');
    expect(config).toContain('generationMode: "premium"');
  });
  afterAll(() => emu.close());

  it('sends the config’s mode; a flag or the brief file overrides it', async () => {
    const flags = ['--template', 'blog_article_generator', '--style-profile', 'general_blog'];
    const refused = await cli(dir, ['generate', ...flags, '--topic', 'Premium'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^error 403 POST \/api\/generate: Generation mode "premium" is not available[^\n]*$/,
    );
    expect(emu.stats().jobsCreated).toBe(0);

    const quick = await cli(
      dir,
      ['generate', ...flags, '--topic', 'Quick by flag', '--generation-mode', 'quick', ...WAIT],
      env,
    );
    expect(quick.stderr).toBe('');
    expect(quick.code).toBe(0);

    const brief = join(dir, 'brief.yaml');
    await writeFile(
      brief,
      [
        'template: blog_article_generator',
        'style_profile: general_blog',
        'generation_mode: standard',
        'topic: Bakery loyalty programs',
        'inputs:',
        '  target_audience: bakery owners',
        'vertical: saas',
        'brand_voice_id: bv_warm',
        '',
      ].join('\n'),
    );
    const fromFile = await cli(dir, ['generate', '--brief', brief, ...WAIT, '--json'], env);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    const written = await entries(dir);
    expect(written).toHaveLength(2);
    expect(written.map((entry) => entry.data.title)).toContainEqual(
      expect.stringMatching(/bakery loyalty programs/i),
    );
    expect(emu.stats().jobsCreated).toBe(2);
  });

  it('keeps a file edited locally: a pull neither overwrites nor deletes it', async () => {
    const [entry] = await entries(dir);
    if (!entry) throw new Error('an entry was written');
    const edited = `${entry.text}\nA paragraph the editor added.\n`;
    await writeFile(join(dir, OUT, entry.file), edited);
    const pulled = await cli(dir, ['pull', '--json'], env);
    expect(pulled.code).toBe(0);
    const counts = parseJson<{ counts: Record<string, number> }>(pulled.stdout).counts;
    expect(counts).toMatchObject({ create: 0, update: 0, delete: 0 });
    expect(await readFile(join(dir, OUT, entry.file), 'utf8')).toBe(edited);
  });
});

describe('WriterzRoom v1 dialect: brief file', () => {
  it('sends the vertical and brand voice the file names; a generation mode is refused in one line, before any request', async () => {
    const emu = await startEmulator({
      provider: 'writerzroom',
      port: 0,
      jobDurationMs: 150,
      rateLimit: false,
    });
    try {
      const env = providerEnv({ WRITERZROOM_API_KEY: emu.apiKey, WRITERZROOM_BASE_URL: emu.url });
      const dir = await project('rw-wzr-v1-brief-');
      await cli(dir, ['init', '--yes', '--provider', 'writerzroom', '--dialect', 'v1'], env);
      const brief = join(dir, 'brief.yaml');
      await writeFile(
        brief,
        [
          'template: blog_article_generator',
          'style_profile: general_blog',
          'topic: Invoice automation',
          'inputs:',
          '  audience: finance teams',
          'vertical: fintech',
          'brand_voice_id: bv_plain',
          '',
        ].join('\n'),
      );
      const generated = await cli(dir, ['generate', '--brief', brief, ...WAIT], env);
      expect(generated.stderr).toBe('');
      expect(generated.code).toBe(0);
      const [entry] = await entries(dir);
      const itemId = (entry?.data.robowrite as { itemId: string } | undefined)?.itemId;
      const res = await fetch(`${emu.url}/v1/content/${itemId}`, {
        headers: { authorization: `Bearer ${emu.apiKey}` },
      });
      expect(await res.json()).toMatchObject({ vertical: 'fintech', brand_voice_id: 'bv_plain' });

      const requests = emu.stats().requests;
      const mode = await cli(
        dir,
        ['generate', '--brief', brief, '--generation-mode', 'quick', '--new'],
        env,
      );
      expect(mode.code).toBe(2);
      expect(mode.stderr.trim()).toBe(
        'error --generation-mode: the v1 dialect has no generation mode (only api does)',
      );
      expect(emu.stats().requests).toBe(requests);
    } finally {
      await emu.close();
    }
  });
});

describe('Writer: brief file', () => {
  it('maps the file’s topic and inputs onto the application’s inputs; WriterzRoom flags are refused', async () => {
    const emu = await startEmulator({ provider: 'writer', port: 0, jobDurationMs: 150 });
    try {
      const env = providerEnv({ WRITER_API_KEY: emu.apiKey, WRITER_BASE_URL: emu.url });
      const dir = await project('rw-writer-brief-');
      await cli(dir, ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId], env);
      const brief = join(dir, 'brief.yaml');
      await writeFile(
        brief,
        [
          `app: ${emu.applicationId}`,
          'topic: Async stand-ups',
          'inputs:',
          '  audience: engineering managers',
          '  keywords: [async, stand-up]',
          '',
        ].join('\n'),
      );
      const generated = await cli(dir, ['generate', '--brief', brief, ...WAIT], env);
      expect(generated.stderr).toBe('');
      expect(generated.code).toBe(0);
      const [entry] = await entries(dir);
      expect(String(entry?.data.title)).toMatch(/async stand-ups/i);
      expect(entry?.body).toContain('Written for engineering managers');

      const requests = emu.stats().requests;
      for (const flag of [
        ['--template', 't'],
        ['--generation-mode', 'quick'],
      ]) {
        const refused = await cli(dir, ['generate', '--topic', 'x', ...flag], env);
        expect(refused.code).toBe(2);
        expect(refused.stderr.trim()).toBe(
          `error ${flag[0]} is not a writer generate flag (the config's provider)`,
        );
      }
      expect(emu.stats().requests).toBe(requests);
    } finally {
      await emu.close();
    }
  });
});
