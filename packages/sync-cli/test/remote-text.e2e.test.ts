import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CliResult,
  cli,
  cliEnv,
  emulator,
  parseJson,
  project,
  type Proxy as RewritingProxy,
  rewritingProxy,
  type TestEmulator,
  upstream,
} from './helpers.ts';

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** What a hostile or careless API could put in a job error: the key and terminal controls. */
const hostileError = (key: string) =>
  `generation failed for key ${key}${ESC}[2J${ESC}]0;pwned${BEL}\rall synced OK \u202Etxt.exe`;

let emu: TestEmulator | undefined;
let proxy: RewritingProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await emu?.close();
  proxy = undefined;
  emu = undefined;
});

/** A project whose one generated job has failed upstream with `error`, not yet pulled. */
async function failedJob(error: (key: string) => string, keyIn: 'env' | '.env') {
  emu = await emulator({ fixture: 'empty', jobOutcomes: ['failed'] });
  const running = emu;
  proxy = await rewritingProxy(running, (_path, body) => {
    const job = body as { error?: unknown };
    return typeof job?.error === 'string' ? { ...job, error: error(running.apiKey) } : body;
  });
  const dir = await project('rw-remote-text-');
  let env = cliEnv(running, { ROBOWRITE_BASE_URL: proxy.url });
  if (keyIn === '.env') {
    await writeFile(join(dir, '.env'), `ROBOWRITE_API_KEY=${running.apiKey}\n`);
    env = { ...env, ROBOWRITE_API_KEY: '' };
  }
  const args = ['generate', '--title', 'Doomed', '--keyword', 'failure', '--json'];
  const { jobId } = parseJson<{ jobId: string }>((await cli(dir, args, env)).stdout);
  for (let i = 0; i < 50 && (await upstream(running).jobs.retrieve(jobId)).status !== 'failed'; i++)
    await sleep(50);
  return { dir, env, key: running.apiKey };
}

/** `pull`, `pull --json` (each seeing the failure), then `status` and `status --json`. */
async function everyOutput(dir: string, env: NodeJS.ProcessEnv): Promise<CliResult[]> {
  const state = join(dir, '.robowrite', 'state.json');
  await copyFile(state, `${state}.before`);
  const pulled = await cli(dir, ['pull'], env);
  await copyFile(`${state}.before`, state);
  const pulledJson = await cli(dir, ['pull', '--json'], env);
  const status = await cli(dir, ['status'], env);
  const statusJson = await cli(dir, ['status', '--json'], env);
  return [pulled, pulledJson, status, statusJson];
}

const printed = (results: CliResult[]) => results.map((r) => `${r.stdout}${r.stderr}`).join('');

describe('issue 10 #2: the API key never leaves through API text', () => {
  it.each(['env', '.env'] as const)(
    'a failed job error echoing the key (from %s) is scrubbed from pull, status and state.json',
    async (keyIn) => {
      const { dir, env, key } = await failedJob(hostileError, keyIn);
      const results = await everyOutput(dir, env);
      expect(results.map((r) => r.code)).toEqual([1, 1, 0, 0]);
      expect(printed(results)).toContain('generation failed for key [redacted]');
      expect(printed(results)).not.toContain(key);
      const state = await readFile(join(dir, '.robowrite', 'state.json'), 'utf8');
      expect(state).toContain('generation failed for key [redacted]');
      expect(state).not.toContain(key);
    },
  );

  it('a .env key put in ROBOWRITE_BASE_URL by mistake is scrubbed from the invalid URL error', async () => {
    const dir = await project('rw-remote-text-');
    const key = 'rw_live_0123456789abcdef';
    await writeFile(join(dir, '.env'), `ROBOWRITE_API_KEY=${key}\n`);
    const env = { ...process.env, ROBOWRITE_API_KEY: '', ROBOWRITE_BASE_URL: key, CI: '1' };
    const results = [await cli(dir, ['pull'], env), await cli(dir, ['pull', '--json'], env)];
    expect(results.map((r) => r.code)).toEqual([1, 1]);
    expect(printed(results)).toContain('not a valid URL');
    expect(printed(results)).not.toContain(key);
  });
});

describe('issue 10 #10: server text reaches no terminal raw', () => {
  it('a job error with escapes, a CR overwrite and a bidi override is printed inert', async () => {
    const { dir, env } = await failedJob(hostileError, 'env');
    const results = await everyOutput(dir, env);
    const output = printed(results);
    expect(output).not.toContain(ESC);
    expect(output).not.toContain('\r');
    expect(output).not.toContain(BEL);
    expect(output).not.toContain('\u202E');
    // Still recognisable: the text is there, the controls shown as what they are.
    expect(results[0]?.stderr).toContain('\\x0dall synced OK \\u202etxt.exe');
    expect(results[2]?.stdout).toContain('\\x0dall synced OK \\u202etxt.exe');
  });
});
