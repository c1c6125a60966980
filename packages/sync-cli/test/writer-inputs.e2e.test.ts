/**
 * `robowrite init --provider writer --app <id>` records the application's inputs (read with the
 * key from the environment or `.env`), and `generate` refuses a wrong input locally, before any
 * request, naming the inputs it knows. The real CLI against the emulator's Writer personality.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SOCIAL_POST_APPLICATION_ID,
  startEmulator,
  type WriterEmulator,
} from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.ts';
import { cli, parseJson, project, providerEnv } from './helpers.ts';

const CONFIG = 'robowrite.config.mjs';
const BLOG_INPUTS = 'topic (required), audience, keywords';

/** Only the variables a test gives: a Writer variable of the machine running the tests is dropped. */
async function writerConfig(dir: string) {
  return (await loadConfig(dir)).config.writer;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('Writer: init records the inputs, generate checks them locally', () => {
  let emu: WriterEmulator;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    emu = await startEmulator({
      provider: 'writer',
      port: 0,
      jobDurationMs: 100,
      rateLimit: false,
    });
    env = providerEnv({ WRITER_API_KEY: emu.apiKey, WRITER_BASE_URL: emu.url });
  });
  afterAll(() => emu.close());

  /** Requests the emulator has served so far. */
  const requests = () => emu.stats().requests;

  it("records the blog application's inputs, and --topic fills its topic input", async () => {
    const dir = await project('rw-wapp-');
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId],
      env,
    );
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      `Application "Blog post writer": inputs ${BLOG_INPUTS}; --topic fills "topic".`,
    );
    expect(await writerConfig(dir)).toEqual({
      applicationIds: [emu.applicationId],
      applications: {
        [emu.applicationId]: {
          inputs: [
            { name: 'topic', required: true },
            { name: 'audience', required: false },
            { name: 'keywords', required: false },
          ],
          topicInput: 'topic',
        },
      },
    });

    const jobsBefore = emu.stats().jobsCreated;
    const created = await cli(
      dir,
      ['generate', '--topic', 'Remote work', '--input', 'audience=managers', '--json'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(parseJson<{ status: string }>(created.stdout).status).toBe('in_progress');
    expect(emu.stats().jobsCreated).toBe(jobsBefore + 1);
  });

  it('refuses an unknown input, a missing required one and a stray brief-file input, with no request', async () => {
    const dir = await project('rw-wapp-');
    await cli(dir, ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId], env);
    const brief = join(dir, 'brief.yaml');
    await writeFile(brief, 'topic: Remote work\ninputs:\n  tone: friendly\n');
    const jobsBefore = emu.stats().jobsCreated;
    const cases: [string[], string][] = [
      [
        ['generate', '--topic', 'Remote work', '--input', 'subject=x'],
        `generate: --input subject: not an input of the application; ${emu.applicationId}'s inputs: ${BLOG_INPUTS}`,
      ],
      [
        ['generate', '--input', 'audience=managers'],
        `generate: input "topic" is required; ${emu.applicationId}'s inputs: ${BLOG_INPUTS}`,
      ],
      [
        ['generate', '--input', 'topic=  '],
        `generate: input "topic" is required; ${emu.applicationId}'s inputs: ${BLOG_INPUTS}`,
      ],
      [
        ['generate', '--brief', brief],
        `${brief}: "inputs.tone": not an input of the application; ${emu.applicationId}'s inputs: ${BLOG_INPUTS}`,
      ],
    ];
    for (const [args, line] of cases) {
      const before = requests();
      const refused = await cli(dir, args, env);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toBe(`error ${line}`);
      expect(refused.code).toBe(2);
      expect(requests()).toBe(before);
    }
    expect(emu.stats().jobsCreated).toBe(jobsBefore);
    expect(await exists(join(dir, '.robowrite/state.json'))).toBe(false);
  });

  it('fills the only required input from --topic, and refuses --topic with no topic input', async () => {
    const dir = await project('rw-wapp-');
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', SOCIAL_POST_APPLICATION_ID],
      env,
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('--topic fills "Product descriptions".');
    const jobsBefore = emu.stats().jobsCreated;
    const created = await cli(dir, ['generate', '--topic', 'Terra running shoe', '--json'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(emu.stats().jobsCreated).toBe(jobsBefore + 1);

    // The recorded choice removed by hand: with inputs recorded, --topic has nothing to fill.
    const config = join(dir, CONFIG);
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace(/,\s*topicInput: "Product descriptions"/, ''));
    expect((await writerConfig(dir)).applications?.[SOCIAL_POST_APPLICATION_ID]).toEqual({
      inputs: [{ name: 'Product descriptions', required: true }],
    });
    const before = requests();
    const refused = await cli(dir, ['generate', '--topic', 'Aqua goggles'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      `error generate: --topic: the application has no topic input (give one with --input, or set writer.applications["${SOCIAL_POST_APPLICATION_ID}"].topicInput in ${CONFIG}); ${SOCIAL_POST_APPLICATION_ID}'s inputs: Product descriptions (required)`,
    );
    expect(requests()).toBe(before);
    const named = await cli(
      dir,
      ['generate', '--input', 'Product descriptions=Aqua goggles', '--json'],
      env,
    );
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
  });

  it('takes --topic-input, and refuses one the application does not have', async () => {
    const dir = await project('rw-wapp-');
    const app = ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId];
    const chosen = await cli(dir, [...app, '--topic-input', 'audience'], env);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('--topic fills "audience".');
    expect((await writerConfig(dir)).applications?.[emu.applicationId]?.topicInput).toBe(
      'audience',
    );
    const other = await project('rw-wapp-');
    const refused = await cli(other, [...app, '--topic-input', 'subject'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      `error --topic-input subject: not an input of ${emu.applicationId} (its inputs: ${BLOG_INPUTS})`,
    );
    expect(await exists(join(other, CONFIG))).toBe(false);
  });

  it('refuses an unknown application in one line, writing no config', async () => {
    const dir = await project('rw-wapp-');
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', 'no-such-app'],
      env,
    );
    expect(init.code).toBe(2);
    expect(init.stdout).toBe('');
    expect(init.stderr.trim()).toBe(
      'error --app no-such-app: no such application for this WRITER_API_KEY (404)',
    );
    expect(await exists(join(dir, CONFIG))).toBe(false);
    expect(await exists(join(dir, '.gitignore'))).toBe(false);
  });

  it('refuses a rejected key, --topic-input without --app, or for another provider', async () => {
    const dir = await project('rw-wapp-');
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [
        ['--provider', 'writer', '--app', emu.applicationId],
        { ...env, WRITER_API_KEY: 'writer_not_a_key_0' },
        `error --app ${emu.applicationId}: WRITER_API_KEY was rejected (401); check it`,
      ],
      [
        ['--provider', 'writer', '--topic-input', 'topic'],
        env,
        'error --topic-input needs --app <id>',
      ],
      [
        ['--provider', 'writerzroom', '--topic-input', 'topic'],
        env,
        'error --topic-input is for --provider writer',
      ],
    ];
    for (const [flags, variables, line] of cases) {
      const refused = await cli(dir, ['init', '--yes', ...flags], variables);
      expect(refused.stderr.trim()).toBe(line);
      expect(refused.code).toBe(2);
      expect(await exists(join(dir, CONFIG))).toBe(false);
    }
  });

  it('reads the key from .env, as the other commands do', async () => {
    const dir = await project('rw-wapp-');
    await writeFile(
      join(dir, '.env'),
      `WRITER_API_KEY=${emu.apiKey}\nWRITER_BASE_URL=${emu.url}\n`,
    );
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', SOCIAL_POST_APPLICATION_ID],
      providerEnv({}),
    );
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect((await writerConfig(dir)).applications?.[SOCIAL_POST_APPLICATION_ID]?.inputs).toEqual([
      { name: 'Product descriptions', required: true },
    ]);
  });

  it('without a key writes the id only, and generate leaves input names to the API', async () => {
    const dir = await project('rw-wapp-');
    const before = requests();
    const init = await cli(
      dir,
      ['init', '--yes', '--provider', 'writer', '--app', emu.applicationId],
      providerEnv({}),
    );
    expect(init.code).toBe(0);
    expect(requests()).toBe(before);
    const notes = init.stdout.split('\n').filter((line) => line.includes('WRITER_API_KEY:'));
    expect(notes).toEqual([
      'No WRITER_API_KEY: input names will be checked by the API until `robowrite init --force` is rerun with a key.',
    ]);
    expect(await writerConfig(dir)).toEqual({ applicationIds: [emu.applicationId] });

    // As before this change: the unknown name reaches the API, whose 400 names it.
    const sent = await cli(
      dir,
      ['generate', '--topic', 'Remote work', '--input', 'subject=x'],
      env,
    );
    expect(sent.code).not.toBe(0);
    expect(sent.stderr).toContain('Unknown input "subject"');
    expect(requests()).toBeGreaterThan(before);

    // Rerun with the key: the inputs are recorded, and the same mistake is caught locally.
    const again = await cli(
      dir,
      ['init', '--yes', '--force', '--provider', 'writer', '--app', emu.applicationId],
      env,
    );
    expect(again.code).toBe(0);
    const afterInit = requests();
    const local = await cli(
      dir,
      ['generate', '--topic', 'Remote work', '--input', 'subject=x'],
      env,
    );
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('--input subject: not an input of the application');
    expect(requests()).toBe(afterInit);
  });

  it('still loads an old config with only applicationIds', async () => {
    const dir = await project('rw-wapp-');
    await writeFile(
      join(dir, CONFIG),
      `export default { provider: 'writer', writer: { applicationIds: ['${emu.applicationId}'] } };\n`,
    );
    const created = await cli(dir, ['generate', '--topic', 'Hybrid teams', '--json'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
  });

  it('refuses a recorded topic input that is not one of the recorded inputs', async () => {
    const dir = await project('rw-wapp-');
    const app = { inputs: [{ name: 'topic', required: true }], topicInput: 'subject' };
    const writer = {
      applicationIds: [emu.applicationId],
      applications: { [emu.applicationId]: app },
    };
    await writeFile(
      join(dir, CONFIG),
      `export default ${JSON.stringify({ provider: 'writer', writer })};\n`,
    );
    const before = requests();
    const refused = await cli(dir, ['generate', '--topic', 'Hybrid teams'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      `error ${CONFIG}: writer.applications.${emu.applicationId}.topicInput: subject is not one of the inputs (topic)`,
    );
    expect(requests()).toBe(before);
  });
});
