import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function spawnBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exit, out: () => stdout, err: () => stderr };
}

/** Resolves once the listening line is on stderr, so every stdout line has been written. */
async function started(bin: ReturnType<typeof spawnBin>): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  while (!bin.err().includes('listening on')) {
    if (bin.child.exitCode !== null || Date.now() > deadline) throw new Error(`bin: ${bin.err()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return bin.out().split('\n').filter(Boolean);
}

describe('robowrite-emulator --provider writerzroom', () => {
  it('prints exactly the two WRITERZROOM dotenv lines and serves both dialects with its flags', async () => {
    const bin = spawnBin([
      '--provider',
      'writerzroom',
      '--port',
      '0',
      '--job-duration',
      '0',
      '--job-outcomes',
      'failed',
      '--route-limit',
      'generate=1/60s',
    ]);
    const lines = await started(bin);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^WRITERZROOM_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toBe('WRITERZROOM_API_KEY=wzr_live_demo_7f3a9c1e5b2d4086');
    const base = (lines[0] as string).split('=')[1];
    const headers = {
      authorization: 'Bearer wzr_live_demo_7f3a9c1e5b2d4086',
      'content-type': 'application/json',
    };
    const generate = () =>
      fetch(`${base}/v1/generate`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          template_id: 'blog_article_generator',
          style_profile_id: 'general_blog',
          inputs: { topic: 'x' },
        }),
      });
    const created = await generate();
    expect(created.status).toBe(202);
    const { request_id } = (await created.json()) as { request_id: string };
    expect((await generate()).status).toBe(429);
    const status = await fetch(`${base}/api/generate/status/${request_id}`, { headers });
    expect(((await status.json()) as { data: { status: string } }).data.status).toBe('failed');
    bin.child.kill('SIGTERM');
    expect(await bin.exit).toBe(0);
  });

  it('rejects bad values in one line', async () => {
    const cases: [string[], number][] = [
      [['--provider', 'nope'], 2],
      [['--provider', 'writerzroom', '--route-limit', 'polling=5/60s'], 2],
      [['--provider', 'writerzroom', '--port', '0', '--job-outcomes', 'cancelled'], 1],
      [['--provider', 'writerzroom', '--port', '0', '--items', '5'], 1],
      [['--provider', 'writerzroom', '--port', '0', '--rate-limit', '5/60s'], 1],
    ];
    await Promise.all(
      cases.map(async ([args, expected]) => {
        const bin = spawnBin(args);
        expect(await bin.exit, args.join(' ')).toBe(expected);
        expect(bin.out()).toBe('');
        expect(bin.err().split('\n')[0]).toMatch(/^robowrite-emulator: /);
      }),
    );
  }, 20_000);
});
