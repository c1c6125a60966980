import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveApiKeys, resolveCredentials } from '../src/index.ts';

describe('resolveCredentials', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'robowrite-credentials-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const writeDotenv = (text: string) => writeFile(join(root, '.env'), text);

  it('reads the key and base URL from <root>/.env when the environment has none', async () => {
    await writeDotenv(
      '# local emulator\nROBOWRITE_API_KEY="rw_test_from_dotenv"\nROBOWRITE_BASE_URL=http://127.0.0.1:4010/api/public/v1\n',
    );
    expect(await resolveCredentials({ root, env: {} })).toEqual({
      apiKey: 'rw_test_from_dotenv',
      baseURL: 'http://127.0.0.1:4010/api/public/v1',
      envFile: join(root, '.env'),
    });
  });

  it('lets the environment win over .env, variable by variable', async () => {
    await writeDotenv('ROBOWRITE_API_KEY=rw_test_file\nROBOWRITE_BASE_URL=http://127.0.0.1:1/v1\n');
    const found = await resolveCredentials({ root, env: { ROBOWRITE_API_KEY: 'rw_test_env' } });
    expect(found.apiKey).toBe('rw_test_env');
    expect(found.baseURL).toBe('http://127.0.0.1:1/v1');
  });

  it('treats an empty environment value as unset', async () => {
    await writeDotenv('ROBOWRITE_API_KEY=rw_test_file\n');
    const found = await resolveCredentials({ root, env: { ROBOWRITE_API_KEY: '' } });
    expect(found.apiKey).toBe('rw_test_file');
  });

  it('finds nothing, without failing, when neither has the key', async () => {
    expect(await resolveCredentials({ root, env: {} })).toEqual({
      apiKey: undefined,
      baseURL: undefined,
      envFile: join(root, '.env'),
    });
  });

  it('reads process.env when no env is passed', async () => {
    const before = process.env.ROBOWRITE_API_KEY;
    process.env.ROBOWRITE_API_KEY = 'rw_test_process_env';
    try {
      expect((await resolveCredentials({ root })).apiKey).toBe('rw_test_process_env');
    } finally {
      if (before === undefined) delete process.env.ROBOWRITE_API_KEY;
      else process.env.ROBOWRITE_API_KEY = before;
    }
  });
});

describe('resolveCredentials per provider', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'robowrite-credentials-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reads WriterzRoom's key, base URL and dialect, the environment first, then .env", async () => {
    await writeFile(
      join(root, '.env'),
      'WRITERZROOM_API_KEY=wzr_from_file\nWRITERZROOM_BASE_URL=http://127.0.0.1:1\nWRITERZROOM_DIALECT=v1\nROBOWRITE_API_KEY=rw_not_this\n',
    );
    const env = { WRITERZROOM_API_KEY: 'wzr_from_env', ROBOWRITE_BASE_URL: 'http://x' };
    expect(await resolveCredentials({ root, env, provider: 'writerzroom' })).toEqual({
      apiKey: 'wzr_from_env',
      baseURL: 'http://127.0.0.1:1',
      dialect: 'v1',
      envFile: join(root, '.env'),
    });
  });

  it("reads Writer's key, base URL and application id, never another provider's", async () => {
    await writeFile(join(root, '.env'), 'WRITER_APPLICATION_ID=app-from-file\n');
    const env = {
      WRITER_API_KEY: 'writer_from_env',
      WRITER_BASE_URL: 'http://127.0.0.1:2',
      ROBOWRITE_API_KEY: 'rw_not_this',
    };
    expect(await resolveCredentials({ root, env, provider: 'writer' })).toEqual({
      apiKey: 'writer_from_env',
      baseURL: 'http://127.0.0.1:2',
      applicationId: 'app-from-file',
      envFile: join(root, '.env'),
    });
  });

  it('finds nothing for a provider whose variables are unset, even with RoboWrite configured', async () => {
    const env = { ROBOWRITE_API_KEY: 'rw_test_env', ROBOWRITE_BASE_URL: 'http://x' };
    expect(await resolveCredentials({ root, env, provider: 'writer' })).toEqual({
      apiKey: undefined,
      baseURL: undefined,
      applicationId: undefined,
      envFile: join(root, '.env'),
    });
  });

  it('resolveApiKeys: every provider key that is set, environment first, then .env', async () => {
    await writeFile(
      join(root, '.env'),
      'WRITER_API_KEY=writer_from_dotenv\nROBOWRITE_API_KEY=rw_dotenv\n',
    );
    const env = { ROBOWRITE_API_KEY: 'rw_from_env', WRITERZROOM_API_KEY: '' };
    expect(await resolveApiKeys({ root, env })).toEqual(['rw_from_env', 'writer_from_dotenv']);
  });
});
