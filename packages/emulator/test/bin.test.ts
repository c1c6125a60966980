import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Running {
  child: ChildProcess;
  env: Record<string, string>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

/** Starts the bin and waits for its two dotenv lines. */
function startBin(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const env = Object.fromEntries(
        stdout
          .split('\n')
          .filter((l) => /^ROBOWRITE_[A-Z_]+=/.test(l))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      if (env.ROBOWRITE_BASE_URL && env.ROBOWRITE_API_KEY) resolve({ child, env, exit });
    });
    exit.then(({ code, stderr: err }) => reject(new Error(`bin exited ${code}: ${err}`)));
  });
}

const get = (env: Record<string, string>, path: string) =>
  fetch(`${env.ROBOWRITE_BASE_URL}${path}`, {
    headers: { authorization: `Bearer ${env.ROBOWRITE_API_KEY}`, 'user-agent': 'bin-test/1' },
  });

describe('robowrite-emulator bin', () => {
  it('prints dotenv lines, serves, and closes cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { child, env, exit } = await startBin([
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--items',
        '10',
        '--list-markers',
        'off',
      ]);
      expect(env.ROBOWRITE_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/public\/v1$/);
      expect(env.ROBOWRITE_API_KEY).toMatch(/^rw_test_/);
      const list = (await (await get(env, '/content')).json()) as {
        total: number;
        items: object[];
      };
      expect(list.total).toBe(15);
      expect(list.items[0]).not.toHaveProperty('updated_at');
      child.kill(signal);
      const { code } = await exit;
      expect(code).toBe(0);
      await expect(get(env, '/ping')).rejects.toThrow();
    }
  });

  it('takes --rate-limit, --fault, --job-duration and --job-outcomes', async () => {
    const { child, env, exit } = await startBin([
      '--port',
      '0',
      '--rate-limit',
      '6/60s',
      '--fault',
      'GET /brands=503,ok',
      '--job-duration',
      '0',
      '--job-outcomes',
      'failed',
    ]);
    const post = (path: string, body: unknown) =>
      fetch(`${env.ROBOWRITE_BASE_URL}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${env.ROBOWRITE_API_KEY}`,
          'user-agent': 'bin-test/1',
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, string>>);
    // The injected 503 answers at the edge, so it does not count against the window.
    expect((await get(env, '/brands')).status).toBe(503);
    const brands = (await (await get(env, '/brands')).json()) as { items: { id: string }[] };
    const topic = await post(`/brands/${brands.items[0]?.id}/topics`, {
      title: 'T',
      primary_keyword: 't',
    });
    const job = await post('/content/generate', { topic_id: topic.id });
    const polled = (await (await get(env, `/jobs/${job.job_id}`)).json()) as { status: string };
    expect(polled.status).toBe('failed');
    expect((await get(env, '/ping')).status).toBe(200);
    expect((await get(env, '/ping')).status).toBe(200);
    expect((await get(env, '/ping')).status).toBe(429);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  });

  it('rejects bad flags with a one-line error and exit code 2', async () => {
    const cases = [
      ['--port', 'abc'],
      ['--items', '100001'],
      ['--rate-limit', 'fast'],
      ['--list-markers', 'maybe'],
      ['--fault', 'GET /x=boom'],
      ['--nope'],
    ];
    await Promise.all(
      cases.map(async (args) => {
        const child = spawn(process.execPath, [BIN, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        const code = await new Promise((resolve) => child.on('close', resolve));
        expect(code, args.join(' ')).toBe(2);
        expect(stderr.split('\n')[0]).toMatch(/^robowrite-emulator: /);
      }),
    );
  }, 20_000);

  it('persists state across restarts with --state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rw-emu-state-'));
    const file = join(dir, 'state.json');
    const first = await startBin(['--port', '0', '--state', file]);
    const created = await fetch(`${first.env.ROBOWRITE_BASE_URL}/briefs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${first.env.ROBOWRITE_API_KEY}`,
        'user-agent': 'bin-test/1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Survives a restart' }),
    });
    const brief = (await created.json()) as { id: string };
    first.child.kill('SIGTERM');
    await first.exit;
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.briefs.map((b: { id: string }) => b.id)).toContain(brief.id);
    expect(JSON.stringify(saved)).not.toContain(first.env.ROBOWRITE_API_KEY);

    const second = await startBin(['--port', '0', '--state', file]);
    const again = await get(second.env, `/briefs/${brief.id}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { title: string }).title).toBe('Survives a restart');
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
