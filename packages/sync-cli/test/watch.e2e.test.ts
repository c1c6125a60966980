import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  finish,
  itemIdOf,
  OUT,
  project,
  startCli,
  type TestEmulator,
  upstream,
} from './helpers.ts';

type Event = { event: string; file?: string; itemId?: string; ok?: boolean };

/** Collects the JSON lines a `pull --watch --json` prints and lets a test wait for one. */
function events(child: ReturnType<typeof startCli>) {
  const seen: Event[] = [];
  const waiters: { match: (e: Event) => boolean; resolve: (e: Event) => void }[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (!line.startsWith('{')) continue;
      const event = JSON.parse(line) as Event;
      seen.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.match(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    }
  });
  return {
    seen,
    next(match: (e: Event) => boolean): Promise<Event> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('pull --watch', () => {
  it('writes drafts as jobs land, protects local edits, reloads config, stops cleanly', async () => {
    // A tight rate limit: the watcher's budget must keep it from ever being hit.
    emu = await emulator({ rateLimit: { requests: 40, windowMs: 2000 } });
    const dir = await project();
    const env = cliEnv(emu);
    const config = (statuses: string[]) =>
      `export default { statuses: ${JSON.stringify(statuses)}, watch: { intervalMs: 100, requestsPerMinute: 600 } };\n`;
    await writeFile(join(dir, 'robowrite.config.mjs'), config(['draft', 'in_review', 'published']));

    const child = startCli(dir, ['pull', '--watch', '--json'], env);
    const done = finish(child);
    const log = events(child);
    await log.next((e) => e.event === 'ready');
    const first = await log.next((e) => e.event === 'create');

    // A generation started from another terminal lands while the watcher runs.
    const started = await cli(
      dir,
      ['generate', '--title', 'Written while watching', '--keyword', 'watch'],
      env,
    );
    expect(started.code, started.stderr).toBe(0);
    const landed = await log.next(
      (e) => e.event === 'create' && e.file === 'written-while-watching.md',
    );
    expect(landed.file).toBe('written-while-watching.md');
    const text = await readFile(join(dir, OUT, 'written-while-watching.md'), 'utf8');
    expect(parseLikeAstro(text).data.title).toBe('Written while watching');

    // Someone edits a synced file: noticed at once, and never overwritten.
    const file = first.file as string;
    const original = await readFile(join(dir, OUT, file), 'utf8');
    const edited = `${original}\nEdited during watch.\n`;
    await writeFile(join(dir, OUT, file), edited);
    await log.next((e) => e.event === 'local-edit' && e.file === file);
    await upstream(emu).content.update(itemIdOf(original), { title: 'Changed upstream meanwhile' });
    await log.next((e) => e.event === 'conflict' && e.file === file);
    expect(await readFile(join(dir, OUT, file), 'utf8')).toBe(edited);

    // The config changes: picked up without a restart.
    await writeFile(
      join(dir, 'robowrite.config.mjs'),
      config(['draft', 'in_review', 'published', 'archived']),
    );
    expect((await log.next((e) => e.event === 'config-reloaded')).ok).toBe(true);

    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(0);
    expect(log.seen.at(-1)?.event).toBe('stopped');
    const leftovers = [
      ...(await readdir(join(dir, OUT))),
      ...(await readdir(join(dir, '.robowrite'))),
    ];
    expect(leftovers.filter((name) => name.includes('robowrite-tmp') || name === 'lock')).toEqual(
      [],
    );
    expect(emu.stats().rateLimited).toBe(0);
  });

  // Issue 10: `pull --watch` ignored SIGTERM while waiting for another run's lock (57 s).
  it('issue 10 clear errors: stops within seconds on SIGTERM while waiting for a lock another live run holds', async () => {
    emu = await emulator();
    const dir = await project();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
    try {
      await mkdir(join(dir, '.robowrite'), { recursive: true });
      const info = { pid: holder.pid, host: hostname(), startedAt: '', command: 'pull' };
      await writeFile(join(dir, '.robowrite', 'lock'), JSON.stringify(info));

      const child = startCli(dir, ['pull', '--watch', '--json'], cliEnv(emu));
      const done = finish(child);
      await events(child).next((e) => e.event === 'ready');
      // Now inside the lock wait (it polls the held lock until its 60 s deadline).
      await new Promise((resolve) => setTimeout(resolve, 500));
      const killedAt = Date.now();
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 15_000, 'timeout'));
      const result = await Promise.race([done, timeout]);
      if (result === 'timeout') child.kill('SIGKILL');
      expect(result).not.toBe('timeout');
      expect(Date.now() - killedAt).toBeLessThan(5_000);
      expect(result === 'timeout' ? null : result.code).toBe(0);
      // The other run's lock is untouched.
      expect(JSON.parse(await readFile(join(dir, '.robowrite', 'lock'), 'utf8')).pid).toBe(
        holder.pid,
      );
    } finally {
      holder.kill();
    }
  });
});
