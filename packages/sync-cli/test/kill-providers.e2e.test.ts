import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, finish, OUT, project, providerEnv, startCli, tree } from './helpers.ts';

/**
 * `generate` killed with SIGKILL while its create request is in flight (the emulator's `stall`
 * fault: the job is created, the answer never comes), then rerun: WriterzRoom and Writer take no
 * idempotency key, so the rerun must never send a second create. Writer's rerun adopts the job;
 * WriterzRoom's refuses in one line (exit 2). Either way the emulator created exactly one job.
 */

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

interface Case {
  name: string;
  provider: 'writerzroom' | 'writer';
  dialect?: 'api' | 'v1';
  createRoute: string;
  init: (emu: Emulator) => string[];
  env: (emu: Emulator) => Record<string, string>;
}

const WRITERZROOM_INIT = [
  '--template',
  'blog_article_generator',
  '--style-profile',
  'general_blog',
];
const wzrEnv = (emu: Emulator) => ({
  WRITERZROOM_API_KEY: emu.apiKey,
  WRITERZROOM_BASE_URL: emu.url,
});

const CASES: Case[] = [
  {
    name: 'WriterzRoom, api dialect',
    provider: 'writerzroom',
    dialect: 'api',
    createRoute: 'POST /api/generate',
    init: () => ['--provider', 'writerzroom', '--dialect', 'api', ...WRITERZROOM_INIT],
    env: wzrEnv,
  },
  {
    name: 'WriterzRoom, v1 dialect',
    provider: 'writerzroom',
    dialect: 'v1',
    createRoute: 'POST /v1/generate',
    init: () => ['--provider', 'writerzroom', '--dialect', 'v1', ...WRITERZROOM_INIT],
    env: wzrEnv,
  },
  {
    name: 'Writer',
    provider: 'writer',
    createRoute: 'POST /v1/applications/{application_id}/jobs',
    init: (emu) => [
      '--provider',
      'writer',
      '--app',
      (emu as { applicationId: string }).applicationId,
    ],
    env: (emu) => ({ WRITER_API_KEY: emu.apiKey, WRITER_BASE_URL: emu.url }),
  },
];

/** Waits (generously: two shared cores) until `ready` holds. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 25) {
    if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface JobRecord {
  jobId: string | null;
  sent?: Record<string, string>;
  collected: boolean;
}

async function jobRecords(dir: string): Promise<JobRecord[]> {
  const state = JSON.parse(await readFile(join(dir, '.robowrite', 'state.json'), 'utf8'));
  return Object.values(state.jobs) as JobRecord[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  return [...(await tree(join(dir, OUT))).keys()].filter((file) => file.endsWith('.md'));
}

describe.each(CASES)('$name: generate killed mid-create, then rerun', (c) => {
  let emu: Emulator;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    emu = await startEmulator({
      provider: c.provider,
      port: 0,
      jobDurationMs: 150,
      rateLimit: false,
    } as Parameters<typeof startEmulator>[0]);
    env = providerEnv(c.env(emu));
  });
  afterAll(() => emu.close());

  it('creates exactly one job, and the rerun adopts it or refuses in one line', async () => {
    const dir = await project(`rw-kill-${c.provider}-`);
    expect((await cli(dir, ['init', '--yes', ...c.init(emu)], env)).code).toBe(0);
    const args = ['generate', '--topic', 'Remote work productivity'];

    emu.faults.add({ route: c.createRoute, sequence: ['stall'] });
    const child = startCli(dir, args, env);
    const killed = finish(child);
    await until(() => emu.stats().jobsCreated === 1, 'the create request');
    child.kill('SIGKILL');
    expect((await killed).signal).toBe('SIGKILL');
    const [record] = await jobRecords(dir);
    expect(record?.jobId).toBeNull();
    const sentAt = Object.values(record?.sent ?? {})[0] as string;
    expect(Date.parse(sentAt)).not.toBeNaN();

    const rerun = await cli(dir, args, env);
    expect(emu.stats().jobsCreated).toBe(1);
    expect(emu.stats().routes[c.createRoute]).toBe(1);
    if (c.provider === 'writer') {
      const [only] = await jobRecords(dir);
      expect(only?.jobId).toMatch(/\S/);
      expect(rerun.stderr).toBe('');
      expect(rerun.code).toBe(0);
      // The adopted job's status, as the job list gave it (it may have finished by now).
      expect(rerun.stdout.trim()).toMatch(
        new RegExp(
          `^Already started: job ${only?.jobId} \\((in_progress|completed)\\); pass --new for another run of the same input\\.$`,
        ),
      );
    } else {
      const collect =
        c.dialect === 'v1'
          ? '`robowrite pull` collects it if it did'
          : 'the API lists no such jobs, so no pull can collect it if it did';
      expect(rerun.code).toBe(2);
      expect(rerun.stdout).toBe('');
      expect(rerun.stderr.trim()).toBe(
        `error a previous run sent this generation at ${sentAt} and may have started a job; ${collect}, and \`robowrite generate --new\` starts another on purpose`,
      );
    }

    // A pull never sends the create either; it collects the job wherever the API can show it.
    await sleep(400);
    const pulled = await cli(dir, ['pull'], env);
    expect(emu.stats().jobsCreated).toBe(1);
    expect(await markdownFiles(dir)).toHaveLength(c.dialect === 'api' ? 0 : 1);
    if (c.dialect === 'api') {
      expect(pulled.code).toBe(1);
      expect(pulled.stderr.trim().split('\n')).toHaveLength(1);
      expect(pulled.stderr).toContain(`sent this generation at ${sentAt}`);
    } else {
      expect(pulled.stderr).toBe('');
      expect(pulled.code).toBe(0);
    }
    // Said once: the record is done.
    const again = await cli(dir, ['pull'], env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    // `--new` is a deliberate second run: it sends.
    const fresh = await cli(dir, [...args, '--new'], env);
    expect(fresh.stderr).toBe('');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/^Started job \S+ /);
    expect(emu.stats().jobsCreated).toBe(2);
  });
});
