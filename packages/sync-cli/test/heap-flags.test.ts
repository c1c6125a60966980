import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandOf,
  PULL_HEAP_GROWING_PERCENT,
  PULL_NODE_FLAGS,
  PULL_SEMI_SPACE_MB,
  pullArgv,
} from '../src/heap-flags.ts';
import { BIN, cliEnv, emulator, OUT, project, type TestEmulator, tree } from './helpers.ts';

const FLAG = `--max-semi-space-size=${PULL_SEMI_SPACE_MB}`;
const GROWING = `--heap-growing-percent=${PULL_HEAP_GROWING_PERCENT}`;
const execve = (() => {
  throw new Error('not called');
}) as (file: string) => never;
const view = (argv: string[], execArgv: string[] = [], env: NodeJS.ProcessEnv = {}) => ({
  argv: ['/usr/bin/node', '/x/robowrite', ...argv],
  execArgv,
  env,
  execve,
});

describe('heap flags: which commands the bin re-runs under them (pure)', () => {
  it('finds the command after global options', () => {
    expect(commandOf(['pull'])).toBe('pull');
    expect(commandOf(['-C', 'site', 'pull', '--json'])).toBe('pull');
    expect(commandOf(['--cwd', 'pull', 'status'])).toBe('status');
    expect(commandOf(['--cwd=site', 'pull'])).toBe('pull');
    expect(commandOf(['--version'])).toBeNull();
  });

  it('caps a pull, keeping the node flags, the script and every argument in order', () => {
    expect(pullArgv(view(['-C', 'site', 'pull', '--watch'], ['--no-warnings']), '/n')).toEqual([
      '/n',
      '--no-warnings',
      FLAG,
      GROWING,
      '/x/robowrite',
      '-C',
      'site',
      'pull',
      '--watch',
    ]);
    expect(PULL_NODE_FLAGS).toEqual([FLAG, GROWING]);
  });

  it.each([
    ['another command', view(['status'])],
    ['no command', view(['--version'])],
    ['a process already capped (the exec itself)', view(['pull'], [FLAG])],
    ['a cap the user chose on the command line', view(['pull'], ['--max-semi-space-size=64'])],
    ['a cap in NODE_OPTIONS', view(['pull'], [], { NODE_OPTIONS: '--max_semi_space_size=32' })],
    ['a growing factor the user chose', view(['pull'], ['--heap-growing-percent=50'])],
    ['an inspector', view(['pull'], ['--inspect-brk'])],
    ['an inspector from NODE_OPTIONS', view(['pull'], [], { NODE_OPTIONS: '--inspect=9229' })],
    ['a Node without execve (Windows)', { ...view(['pull']), execve: undefined }],
  ])('leaves %s as it is', (_, proc) => {
    expect(pullArgv(proc, '/n')).toBeNull();
  });
});

/** A preload that prints, at exit, this process's id and Node flags, as the bin ran. */
const REPORT_FLAGS = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('\\n@flags ' + JSON.stringify({ pid: process.pid, execArgv: process.execArgv })));",
)}`;

async function runBin(dir: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = execFile(process.execPath, ['--import', REPORT_FLAGS, BIN, '-C', dir, ...args], {
    env,
  });
  const pid = child.pid;
  const { stderr, code } = await new Promise<{ stderr: string; code: number | null }>((done) => {
    let err = '';
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (exit) => done({ stderr: err, code: exit }));
  });
  const line = stderr.split('\n').find((l) => l.startsWith('@flags '));
  if (!line) throw new Error(`no flags line in: ${stderr}`);
  const flags = JSON.parse(line.slice('@flags '.length)) as { pid: number; execArgv: string[] };
  return { code, spawnedPid: pid, ...flags };
}

describe('heap flags: the real bin against the emulator', () => {
  let emu: TestEmulator;
  let dir: string;
  beforeAll(async () => {
    emu = await emulator();
    dir = await project('rw-young-');
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a pull runs in the same process, replaced by itself under the flags, and writes its files', async () => {
    const env = cliEnv(emu);
    expect(
      (await promisify(execFile)(process.execPath, [BIN, '-C', dir, 'init', '--yes'], { env }))
        .stderr,
    ).toBe('');
    const run = await runBin(dir, ['pull'], env);
    expect(run.code).toBe(0);
    expect(run.execArgv).toEqual(expect.arrayContaining([FLAG, GROWING]));
    // execve keeps the process id: no parent is left waiting.
    expect(run.pid).toBe(run.spawnedPid);
    expect((await tree(`${dir}/${OUT}`)).size).toBeGreaterThan(0);
  });

  it('status is not re-run, and a cap set in NODE_OPTIONS is left to the user', async () => {
    const status = await runBin(dir, ['status'], cliEnv(emu));
    expect(status.execArgv).not.toContain(FLAG);
    const own = await runBin(
      dir,
      ['pull'],
      cliEnv(emu, { NODE_OPTIONS: '--max-semi-space-size=32' }),
    );
    expect(own.code).toBe(0);
    expect(own.execArgv).not.toContain(FLAG);
  });
});
