import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs the bin until it has printed `lines` stdout lines, then stops it with SIGTERM. */
function runBin(args: string[], lines: number) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const ready = new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const complete = stdout.split('\n').slice(0, -1);
      if (complete.length >= lines) resolve(complete);
    });
    exit.then(({ code }) => reject(new Error(`bin exited ${code}: ${stderr}`)));
  });
  return { child, ready, exit };
}

describe('robowrite-emulator --provider writer', () => {
  it('prints exactly three dotenv lines that a Writer client can use, then stops cleanly', async () => {
    const { child, ready, exit } = runBin(
      ['--provider', 'writer', '--port', '0', '--job-duration', '0'],
      3,
    );
    const lines = await ready;
    expect(lines.map((l) => l.slice(0, l.indexOf('=')))).toEqual([
      'WRITER_BASE_URL',
      'WRITER_API_KEY',
      'WRITER_APPLICATION_ID',
    ]);
    const env = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env.WRITER_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = {
      authorization: `Bearer ${env.WRITER_API_KEY}`,
      'content-type': 'application/json',
    };
    const jobs = `${env.WRITER_BASE_URL}/v1/applications/${env.WRITER_APPLICATION_ID}/jobs`;
    const created = await fetch(jobs, {
      method: 'POST',
      headers,
      body: JSON.stringify({ inputs: [{ id: 'topic', value: ['Product roadmap planning'] }] }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const job = (await (
      await fetch(`${env.WRITER_BASE_URL}/v1/applications/jobs/${id}`, { headers })
    ).json()) as {
      status: string;
      data: { suggestion: string };
    };
    expect(job.status).toBe('completed');
    expect(job.data.suggestion).toMatch(/^# .*product roadmap planning/i);
    child.kill('SIGTERM');
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l !== '')).toHaveLength(3);
  });

  it('exits 2 with one clear line for a flag that does not apply to Writer', async () => {
    const { ready, exit } = runBin(['--provider', 'writer', '--items', '5'], 1);
    await expect(ready).rejects.toThrow(/exited 2/);
    const { code, stdout, stderr } = await exit;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      'robowrite-emulator: --items does not apply to --provider writer',
    );
  });
});
