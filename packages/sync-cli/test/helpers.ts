import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RoboWrite } from '@robowrite/core';
import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';

export const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
export const OUT = 'src/content/robowrite';

export type TestEmulator = Awaited<ReturnType<typeof startEmulator>>;

export function emulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  return startEmulator({
    port: 0,
    jobDurationMs: 150,
    rateLimit: false,
    queuedAckRate: 0,
    ...options,
  });
}

/** A client for changing things upstream, as the dashboard or another tool would. */
export function upstream(emu: TestEmulator): RoboWrite {
  return new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false, maxRetries: 0 });
}

export async function project(prefix = 'rw-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(emu: TestEmulator, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROBOWRITE_API_KEY: emu.apiKey,
    ROBOWRITE_BASE_URL: emu.url,
    NO_COLOR: '1',
    CI: '1',
    ...extra,
  };
  return env;
}

/**
 * The environment for a CLI run against another provider's emulator: no provider variable of
 * this machine's environment leaks in (a developer's real key, a dialect), only `variables`.
 */
export function providerEnv(variables: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ROBOWRITE|WRITERZROOM|WRITER)_/.test(name)) env[name] = value;
  }
  return { ...env, ...variables };
}

/** Starts the real CLI process; `onSpawn` gets the child (to kill it). */
export function startCli(dir: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, '-C', dir, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finish(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function cli(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return finish(startCli(dir, args, env));
}

/** Every file under a folder (relative path → content), temp files included so tests see them. */
export async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (current: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path, 'utf8'));
    }
  };
  await walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function mtimes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const file of (await tree(dir)).keys()) out.set(file, (await stat(join(dir, file))).mtimeMs);
  return out;
}

export const exec = promisify(execFile);

export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.test',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.test',
    },
  });
  return stdout;
}

export function parseJson<T = Record<string, unknown>>(text: string): T {
  return JSON.parse(text) as T;
}

/** The content item id recorded in a synced file's frontmatter. */
export function itemIdOf(text: string): string {
  return (parseLikeAstro(text).data.robowrite as { itemId: string }).itemId;
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server in front of the emulator that rewrites JSON responses: it stands in for an
 * API that returns what the emulator never would (hostile slugs, a malformed item).
 */
export async function rewritingProxy(
  /** Any emulator personality (RoboWrite, WriterzRoom, Writer): only its URL is used. */
  emu: { url: string },
  rewrite: (path: string, body: unknown) => unknown,
  /** Maps each request's path and query before forwarding: serves ids the emulator never issues. */
  forward: (url: string) => string = (url) => url,
): Promise<Proxy> {
  const { createServer } = await import('node:http');
  const target = new URL(emu.url);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && key !== 'host' && key !== 'content-length')
        headers.set(key, value);
    }
    const upstreamResponse = await fetch(`${target.origin}${forward(req.url ?? '/')}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const text = await upstreamResponse.text();
    let out = text;
    if (upstreamResponse.ok && text) {
      out = JSON.stringify(rewrite(new URL(req.url ?? '/', target).pathname, JSON.parse(text)));
    }
    res.writeHead(upstreamResponse.status, { 'content-type': 'application/json' });
    res.end(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${target.pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
