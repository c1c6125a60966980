import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiKeysFrom, readProjectEnv, resolveApiKeys, resolveCredentials } from '@robowrite/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/run-command.ts';
import { MissingKeyError, providerVariables } from '../src/config/credentials.ts';
import { createContext } from '../src/sync/context.ts';
import { pull } from '../src/sync/pull.ts';
import { cli, emulator, project, providerEnv, type TestEmulator } from './helpers.ts';

/**
 * One command reads the environment and `.env` once (`runCommand`) and passes that read on: the
 * reporter scrubs the keys in it and the provider is built from it. Shown here in real temp
 * projects: `.env` is removed after the command's read, and the command still runs on it.
 */
let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const PROVIDERS = ['robowrite', 'writerzroom', 'writer'] as const;

const DOTENV = [
  '# local secrets',
  'ROBOWRITE_API_KEY=from-file',
  'ROBOWRITE_BASE_URL=http://file.example',
  'WRITERZROOM_API_KEY="quoted from file"',
  'WRITERZROOM_DIALECT=api',
  'export WRITER_API_KEY=exported',
  'WRITER_APPLICATION_ID=app-from-file',
  '',
].join('\n');

describe('readProjectEnv: the rules of core resolveCredentials', () => {
  const cases: [string, string | null, NodeJS.ProcessEnv][] = [
    ['no .env, environment only', null, { WRITERZROOM_API_KEY: 'env-key' }],
    ['.env only', DOTENV, {}],
    [
      'environment over .env, an empty value unset',
      DOTENV,
      { ROBOWRITE_API_KEY: 'from-env', ROBOWRITE_BASE_URL: '', WRITER_APPLICATION_ID: 'env-app' },
    ],
  ];
  it.each(cases)('%s: every provider gets what core finds', async (_name, dotenv, env) => {
    const dir = await project('rw-project-env-');
    if (dotenv !== null) await writeFile(join(dir, '.env'), dotenv);
    const read = await readProjectEnv(dir, env);
    for (const provider of PROVIDERS) {
      const { envFile, ...core } = await resolveCredentials({ root: dir, env, provider });
      expect(providerVariables(read, provider), provider).toEqual(core);
      expect(read.envFile).toBe(envFile);
    }
    expect(apiKeysFrom(read)).toEqual(await resolveApiKeys({ root: dir, env }));
  });

  it('the environment wins, an empty value falls through to .env', async () => {
    const dir = await project('rw-project-env-');
    await writeFile(join(dir, '.env'), DOTENV);
    const read = await readProjectEnv(dir, {
      ROBOWRITE_API_KEY: 'from-env',
      ROBOWRITE_BASE_URL: '',
    });
    expect(providerVariables(read, 'robowrite')).toEqual({
      apiKey: 'from-env',
      baseURL: 'http://file.example',
    });
  });
});

describe('one read of .env per command', () => {
  async function keyedProject(): Promise<string> {
    emu = await emulator({ fixture: 'empty' });
    const dir = await project('rw-project-env-');
    await writeFile(
      join(dir, '.env'),
      `ROBOWRITE_API_KEY=${emu.apiKey}\nROBOWRITE_BASE_URL=${emu.url}\n`,
    );
    return dir;
  }

  it('a context built with the command’s read uses it: .env is not read again', async () => {
    const dir = await keyedProject();
    const env = await readProjectEnv(dir, {});
    await rm(join(dir, '.env'));
    const ctx = await createContext(dir, { env });
    expect(ctx.apiKey).toBe(emu?.apiKey);
    const result = await pull(ctx);
    expect(result.failures).toEqual([]);
    await ctx.client?.close();
    // Without it the context reads .env itself, and now finds no key there.
    await expect(createContext(dir, { env: await readProjectEnv(dir, {}) })).rejects.toThrow(
      MissingKeyError,
    );
  });

  it('runCommand hands its body the read it scrubs with', async () => {
    const dir = await keyedProject();
    let seen: string | undefined;
    const code = await runCommand(dir, false, async (_reporter, env) => {
      await rm(join(dir, '.env'));
      seen = env.get('ROBOWRITE_API_KEY');
      const ctx = await createContext(dir, { env });
      const result = await pull(ctx);
      await ctx.client?.close();
      return result.failures.length;
    });
    expect(code).toBe(0);
    expect(seen).toBe(emu?.apiKey);
  });

  it('the next command sees an edited .env', async () => {
    const dir = await keyedProject();
    const running = emu as TestEmulator;
    const env = providerEnv({});
    await writeFile(
      join(dir, '.env'),
      `ROBOWRITE_API_KEY=rw_live_not_the_key_0123\nROBOWRITE_BASE_URL=${running.url}\n`,
    );
    const refused = await cli(dir, ['pull'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('check ROBOWRITE_API_KEY');
    expect(`${refused.stdout}${refused.stderr}`).not.toContain('rw_live_not_the_key_0123');
    await writeFile(
      join(dir, '.env'),
      `ROBOWRITE_API_KEY=${running.apiKey}\nROBOWRITE_BASE_URL=${running.url}\n`,
    );
    const pulled = await cli(dir, ['pull'], env);
    expect(pulled.code, pulled.stderr).toBe(0);
  });
});
