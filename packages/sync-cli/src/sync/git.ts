import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's own `git`, run through `execFile` (no shell: nothing in an argument is ever
 * interpreted), for `pull --branches`. No library: the handful of plumbing commands below is all
 * the feature needs, and the user's git already knows their repository's format, hooks-free
 * object writing and config; a JS reimplementation would be a second opinion on all of that.
 */
export class GitError extends Error {
  override name = 'GitError';
}

/** A git object id (sha1, or sha256 in repositories that use it). */
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit code 1 means "no" (a missing ref), not a failure: null is returned. */
  allowMissing?: boolean;
}

export class Git {
  readonly #cwd: string;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  run(args: readonly string[], options: RunOptions = {}): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        {
          cwd: this.#cwd,
          env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0' },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout.trimEnd());
          const code = (error as { code?: unknown }).code;
          if (options.allowMissing && code === 1) return resolve(null);
          if (code === 'ENOENT') return reject(new GitError('git is not installed (not on PATH)'));
          const why = String(stderr).trim().split('\n')[0] || error.message;
          reject(new GitError(`git ${args[0]} failed: ${why}`));
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  async #id(args: readonly string[], options: RunOptions = {}): Promise<string | null> {
    const out = await this.run(args, options);
    if (out === null || out === '') return null;
    if (!OBJECT_ID.test(out)) throw new GitError(`git ${args[0]} answered no object id`);
    return out;
  }

  /** The top of the work tree the project lives in; null outside a repository. */
  async topLevel(): Promise<string | null> {
    try {
      return await this.run(['rev-parse', '--show-toplevel']);
    } catch {
      return null;
    }
  }

  /** The commit a ref points at, or null when it does not exist (`HEAD` of an empty repository). */
  resolve(ref: string): Promise<string | null> {
    return this.#id(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      allowMissing: true,
    });
  }

  /** The ref HEAD points at (`refs/heads/main`), or null when HEAD is detached. */
  headRef(): Promise<string | null> {
    return this.run(['symbolic-ref', '--quiet', 'HEAD'], { allowMissing: true });
  }

  /** The blob of `path` (repository-relative, `/`-separated) in `commit`; null when absent. */
  async blobAt(commit: string, path: string): Promise<string | null> {
    const out = await this.run(['ls-tree', '-z', commit, '--', path]);
    // `<mode> blob <id>\t<path>\0`
    const match = /^\d+ blob ([0-9a-f]+)\t/.exec(out ?? '');
    return match?.[1] ?? null;
  }

  /** Writes `text` as a blob into the object store (nothing in the work tree) and returns its id. */
  async writeBlob(text: string): Promise<string> {
    const id = await this.#id(['hash-object', '-w', '--stdin'], { input: text });
    if (id === null) throw new GitError('git hash-object wrote nothing');
    return id;
  }

  /** Whether `commit` is in `of`'s history (`git merge-base --is-ancestor`). */
  async isAncestor(commit: string, of: string): Promise<boolean> {
    const out = await this.run(['merge-base', '--is-ancestor', commit, of], { allowMissing: true });
    return out !== null;
  }

  /** The newest commit reachable from `tip` whose message has this trailer line; null if none. */
  lastCommitWith(tip: string, line: string): Promise<string | null> {
    return this.#id(['log', '-1', '--format=%H', '--fixed-strings', `--grep=${line}`, tip, '--']);
  }

  /**
   * One commit on top of `parent` whose tree is the parent's with `path` set to `blob`. Built in
   * a temporary index (`GIT_INDEX_FILE`), so neither the checkout nor the user's index moves.
   */
  async commitFile(input: {
    parent: string;
    path: string;
    blob: string;
    message: string;
  }): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'robowrite-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await this.run(['read-tree', input.parent], { env });
      await this.run(
        ['update-index', '--add', '--cacheinfo', `100644,${input.blob},${input.path}`],
        {
          env,
        },
      );
      const tree = await this.#id(['write-tree'], { env });
      if (tree === null) throw new GitError('git write-tree wrote nothing');
      const commit = await this.#id(['commit-tree', tree, '-p', input.parent, '-F', '-'], {
        input: input.message,
        env: await this.#identity(),
      });
      if (commit === null) throw new GitError('git commit-tree wrote nothing');
      return commit;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The user's identity, or robowrite's where none is configured (a bare CI runner). */
  async #identity(): Promise<NodeJS.ProcessEnv> {
    const email = await this.run(['config', 'user.email'], { allowMissing: true });
    if (email) return {};
    return {
      GIT_AUTHOR_NAME: 'robowrite',
      GIT_AUTHOR_EMAIL: 'robowrite@users.noreply.github.com',
      GIT_COMMITTER_NAME: 'robowrite',
      GIT_COMMITTER_EMAIL: 'robowrite@users.noreply.github.com',
    };
  }

  /**
   * Points `refs/heads/<branch>` at `commit`, only if it still points at `expected` (null: only
   * if it does not exist yet), so a branch moved meanwhile is never written over.
   */
  async moveBranch(branch: string, commit: string, expected: string | null): Promise<void> {
    await this.run([
      'update-ref',
      '-m',
      'robowrite pull --branches',
      `refs/heads/${branch}`,
      commit,
      expected ?? '',
    ]);
  }
}
