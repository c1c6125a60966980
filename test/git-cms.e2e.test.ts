import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RoboWrite } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-pull.ts';

// Issue 15's loop, end to end, with the real bin, the user's git and the emulator over loopback:
// pull to branches, merge one branch, publish, re-pull, a new upstream version.
const OUT = 'src/content/robowrite';
const PATCH = 'PATCH /content/items/{item_id}';
const DRAFTS = ['Async standups', 'Remote onboarding', 'Quiet hours'];

async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'editor',
    GIT_AUTHOR_EMAIL: 'editor@example.test',
    GIT_COMMITTER_NAME: 'editor',
    GIT_COMMITTER_EMAIL: 'editor@example.test',
  };
  return (await promisify(execFile)('git', args, { cwd, env })).stdout.trim();
}

interface Report {
  itemId: string;
  branch: string;
  file: string;
  action: string;
  commit: string | null;
}

describe('git is the CMS: branches in, a merge publishes back', () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let upstream: RoboWrite;
  let site: string;
  let remote: string;
  let env: NodeJS.ProcessEnv;
  const robowrite = async (...args: string[]) => {
    const result = await runCli(['-C', site, ...args], env);
    return { ...result, json: args.includes('--json') ? JSON.parse(result.stdout) : null };
  };
  /** Every `robowrite/*` branch in a repository and its tip. */
  const branchesIn = async (repo: string) => {
    const out = await git(
      repo,
      'for-each-ref',
      '--format=%(refname:short) %(objectname)',
      'refs/heads/robowrite/',
    );
    return new Map(
      out
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ') as [string, string]),
    );
  };

  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      fixture: 'empty',
      listMarkers: true,
      rateLimit: false,
      queuedAckRate: 0,
      jobDurationMs: 100,
      craftedItems: DRAFTS.map((title) => ({ title, markdownBody: `# ${title}\n\nBody.\n` })),
    });
    upstream = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false });
    const base = await mkdtemp(join(tmpdir(), 'rw-git-cms-'));
    remote = join(base, 'remote.git');
    site = join(base, 'site');
    env = {
      ...process.env,
      ROBOWRITE_API_KEY: emu.apiKey,
      ROBOWRITE_BASE_URL: emu.url,
      NO_COLOR: '1',
      CI: '1',
    };
    await git(base, 'init', '-q', '--bare', '-b', 'main', remote);
    await git(base, 'init', '-q', '-b', 'main', site);
    expect((await robowrite('init', '--yes')).code).toBe(0);
    await git(site, 'add', '-A');
    await git(site, 'commit', '-q', '-m', 'site');
    await git(site, 'remote', 'add', 'origin', remote);
    await git(site, 'push', '-q', 'origin', 'main');
  });
  afterAll(async () => {
    await upstream?.close();
    await emu?.close();
  });

  it('runs the whole loop', async () => {
    // 1. Three drafts, three branches, one commit each; nothing pushed by robowrite.
    const head = await git(site, 'rev-parse', 'HEAD');
    const pulled = await robowrite('pull', '--branches', '--json');
    expect(pulled.code).toBe(0);
    const reports = pulled.json.reports as Report[];
    expect(reports.map((r) => r.action)).toEqual(['created', 'created', 'created']);
    const branches = await branchesIn(site);
    expect(branches.size).toBe(3);
    for (const branch of branches.keys()) {
      expect(await git(site, 'rev-list', '--count', `main..${branch}`)).toBe('1');
    }
    expect(await git(site, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(site, 'status', '--porcelain', '--', OUT)).toBe('');
    expect((await branchesIn(remote)).size).toBe(0);
    // The workflow pushes them (the example does exactly this).
    await git(site, 'push', '-q', 'origin', 'refs/heads/robowrite/*:refs/heads/robowrite/*');
    expect(await branchesIn(remote)).toEqual(branches);

    // 2. The editor sets `draft: false` on one draft's branch, and it is merged into main.
    const [merged, ...others] = reports;
    if (!merged) throw new Error('no draft');
    const tree = `${site}-review`;
    await git(site, 'worktree', 'add', '-q', tree, merged.branch);
    const path = join(tree, OUT, merged.file);
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^draft: true$/m, 'draft: false'));
    await git(tree, 'commit', '-q', '-am', 'Ready to go live');
    await git(site, 'worktree', 'remove', tree);
    await git(site, 'merge', '-q', '--no-ff', '-m', `Merge ${merged.branch}`, merged.branch);
    await git(site, 'push', '-q', 'origin', 'main');

    // 3. publish: exactly that item, one request; a second publish sends nothing at all.
    const patches = emu.stats().routes[PATCH] ?? 0;
    const published = await robowrite('publish', '--json');
    expect(published.code).toBe(0);
    expect(published.json.requests).toBe(1);
    expect(emu.stats().routes[PATCH]).toBe(patches + 1);
    expect((await upstream.content.retrieve(merged.itemId)).status).toBe('published');
    for (const other of others) {
      expect((await upstream.content.retrieve(other.itemId)).status).toBe('in_review');
    }
    const requests = emu.stats().requests;
    const again = await robowrite('publish', '--json');
    expect(again.code).toBe(0);
    expect(again.json.requests).toBe(0);
    expect(emu.stats().requests).toBe(requests);

    // 4. A re-pull writes nothing: no commit on any branch, the checkout as it was.
    const before = await branchesIn(site);
    const mainTip = await git(site, 'rev-parse', 'HEAD');
    const repull = await robowrite('pull', '--branches', '--json');
    expect(repull.code).toBe(0);
    expect((repull.json.reports as Report[]).filter((r) => r.action !== 'unchanged')).toEqual([]);
    expect(await branchesIn(site)).toEqual(before);
    expect(await git(site, 'rev-parse', 'HEAD')).toBe(mainTip);
    expect(await git(site, 'status', '--porcelain', '--', OUT)).toBe('');

    // 5. A new upstream version of the merged article: one new commit on its branch.
    const job = await upstream.content.generateItem(merged.itemId);
    await upstream.jobs.waitFor(job.job_id, { intervalMs: 50, timeoutMs: 60_000 });
    const next = await robowrite('pull', '--branches', '--json');
    expect(next.code).toBe(0);
    const moved = (next.json.reports as Report[]).filter((r) => r.action !== 'unchanged');
    expect(moved.map((r) => [r.itemId, r.action])).toEqual([[merged.itemId, 'committed']]);
    const tip = await git(site, 'rev-parse', merged.branch);
    expect(await git(site, 'rev-parse', `${tip}^`)).toBe(before.get(merged.branch));
    const version = (await upstream.content.retrieve(merged.itemId)).versions.at(-1)?.id;
    expect(await git(site, 'log', '-1', '--format=%B', tip)).toContain(
      `Robowrite-Version: ${version}`,
    );
    for (const other of others)
      expect(await git(site, 'rev-parse', other.branch)).toBe(before.get(other.branch));
  });
});
