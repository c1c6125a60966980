import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cli,
  cliEnv,
  emulator,
  git,
  OUT,
  parseJson,
  project,
  type TestEmulator,
  upstream,
} from './helpers.ts';

const DRAFTS = ['Async standups', 'Remote onboarding', 'Quiet hours'];

interface BranchesJson {
  exitCode: number;
  reports: {
    draft?: { title: string; score: number | null; wordCount: number | null };
    itemId: string;
    branch: string;
    file: string;
    action: string;
    commit: string | null;
    reason: string | null;
  }[];
  failures: string[];
}

/** Every `robowrite/*` branch and the commit it points at. */
async function branches(dir: string): Promise<Map<string, string>> {
  const out = await git(
    dir,
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
}

describe('pull --branches: one branch per draft, one commit per version', () => {
  let emu: TestEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  afterEach(async () => {
    await emu?.close();
  });
  const pullBranches = async () => {
    const result = await cli(dir, ['pull', '--branches', '--json'], env);
    return { ...result, json: parseJson<BranchesJson>(result.stdout) };
  };
  const setUp = async () => {
    emu = await emulator({
      fixture: 'empty',
      listMarkers: true,
      craftedItems: DRAFTS.map((title) => ({ title, markdownBody: `# ${title}\n\nBody.\n` })),
    });
    dir = await project('rw-branches-');
    env = cliEnv(emu);
    await git(dir, 'init', '-q', '-b', 'main');
    expect((await cli(dir, ['init', '--yes'], env)).code).toBe(0);
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-q', '-m', 'site');
  };

  it('three drafts become three branches with one commit each; the checkout never moves', async () => {
    await setUp();
    const head = (await git(dir, 'rev-parse', 'HEAD')).trim();
    const first = await pullBranches();
    expect(first.code).toBe(0);
    expect(first.json.reports.map((r) => r.action)).toEqual(['created', 'created', 'created']);
    // What a pull request body shows, per draft.
    expect(first.json.reports.map((r) => r.draft?.title).sort()).toEqual([...DRAFTS].sort());
    const made = await branches(dir);
    expect([...made.keys()].sort()).toEqual([
      'robowrite/async-standups',
      'robowrite/quiet-hours',
      'robowrite/remote-onboarding',
    ]);
    for (const [branch, tip] of made) {
      expect((await git(dir, 'rev-list', '--count', `main..${branch}`)).trim()).toBe('1');
      expect((await git(dir, 'rev-parse', `${tip}^`)).trim()).toBe(head);
      const files = (await git(dir, 'diff', '--name-only', head, tip)).trim().split('\n');
      expect(files).toEqual([`${OUT}/${branch.slice('robowrite/'.length)}.md`]);
      const report = first.json.reports.find((r) => r.branch === branch);
      expect(await git(dir, 'log', '-1', '--format=%B', tip)).toContain(
        `Robowrite-Item: ${report?.itemId}`,
      );
    }
    // Current branch, index and work tree as they were: no checkout happened.
    expect((await git(dir, 'rev-parse', 'HEAD')).trim()).toBe(head);
    expect((await git(dir, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main');
    expect(await git(dir, 'status', '--porcelain', '--', OUT)).toBe('');
    expect(await git(dir, 'diff', '--cached', '--name-only')).toBe('');

    const again = await pullBranches();
    expect(again.code).toBe(0);
    expect(again.json.reports.filter((r) => r.action !== 'unchanged')).toEqual([]);
    expect(await branches(dir)).toEqual(made);
  });

  it('a new upstream version is one more commit; an edit on the branch is never written over', async () => {
    await setUp();
    const first = await pullBranches();
    const [edited, updated] = first.json.reports;
    if (!edited || !updated) throw new Error('no branches made');
    // An editor commits on one draft's branch (through a worktree, as a person would).
    const tree = join(dir, '..', `${dir.split('/').pop()}-wt`);
    await git(dir, 'worktree', 'add', '-q', tree, edited.branch);
    await writeFile(
      join(tree, OUT, edited.file),
      `${await readFile(join(tree, OUT, edited.file), 'utf8')}\nEditor's line.\n`,
    );
    await git(tree, 'commit', '-q', '-am', 'editor');
    const editedTip = (await git(dir, 'rev-parse', edited.branch)).trim();
    await git(dir, 'worktree', 'remove', '--force', tree);

    const client = upstream(emu);
    for (const id of [edited.itemId, updated.itemId]) {
      const job = await client.content.generateItem(id);
      await client.jobs.waitFor(job.job_id, { intervalMs: 50, timeoutMs: 30_000 });
    }
    const second = await pullBranches();
    expect(second.code).toBe(3);
    const byId = new Map(second.json.reports.map((r) => [r.itemId, r]));
    expect(byId.get(edited.itemId)).toMatchObject({
      action: 'conflict',
      reason: expect.stringMatching(/edited on its branch/),
    });
    expect((await git(dir, 'rev-parse', edited.branch)).trim()).toBe(editedTip);
    // As for files: the incoming version waits in .robowrite/conflicts/, outside the work tree's
    // tracked files; the branch that committed has none.
    const incoming = await readFile(join(dir, '.robowrite/conflicts', edited.file), 'utf8');
    const latest = (await client.content.retrieve(edited.itemId)).versions.at(-1)?.id;
    if (!latest) throw new Error('no version upstream');
    expect(incoming).toContain(latest);
    expect(existsSync(join(dir, '.robowrite/conflicts', updated.file))).toBe(false);
    expect(byId.get(updated.itemId)?.action).toBe('committed');
    const tip = (await git(dir, 'rev-parse', updated.branch)).trim();
    expect((await git(dir, 'rev-parse', `${tip}^`)).trim()).toBe(updated.commit);
    const version = (await client.content.retrieve(updated.itemId)).versions.at(-1)?.id;
    expect(await git(dir, 'log', '-1', '--format=%B', tip)).toContain(
      `Robowrite-Version: ${version}`,
    );
  });

  it('a checkout without the state finds its own commits on the branches (a fresh CI clone)', async () => {
    await setUp();
    const first = await pullBranches();
    const made = await branches(dir);
    await rm(join(dir, '.robowrite/state.json'));
    const [changed] = first.json.reports;
    if (!changed) throw new Error('no branches made');
    const client = upstream(emu);
    const job = await client.content.generateItem(changed.itemId);
    await client.jobs.waitFor(job.job_id, { intervalMs: 50, timeoutMs: 30_000 });
    const again = await pullBranches();
    expect(again.code).toBe(0);
    const actions = new Map(again.json.reports.map((r) => [r.itemId, r.action]));
    expect(actions.get(changed.itemId)).toBe('committed');
    expect([...actions.values()].filter((a) => a === 'unchanged')).toHaveLength(2);
    const after = await branches(dir);
    for (const [branch, tip] of made) {
      if (branch !== changed.branch) expect(after.get(branch)).toBe(tip);
    }
    expect((await git(dir, 'rev-parse', `${changed.branch}^`)).trim()).toBe(
      made.get(changed.branch),
    );
  });

  it('outside a git repository it refuses in one line (exit 2)', async () => {
    emu = await emulator({ fixture: 'empty' });
    dir = await project('rw-branches-norepo-');
    env = { ...cliEnv(emu), GIT_CEILING_DIRECTORIES: join(dir, '..') };
    expect((await cli(dir, ['init', '--yes'], env)).code).toBe(0);
    const result = await cli(dir, ['pull', '--branches'], env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/needs a git repository/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
