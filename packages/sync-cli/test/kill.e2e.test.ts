import { watch } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempFile } from '../src/sync/atomic-write.ts';
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
  tree,
  upstream,
} from './helpers.ts';

/** Deterministic delays (mulberry32), so a failing trial can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The synced tree as a comparable snapshot: output files plus the committed state file. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await tree(join(dir, OUT));
  files.set('STATE', await readFile(join(dir, '.robowrite', 'state.json'), 'utf8'));
  return files;
}

describe('a pull killed with SIGKILL at random points', () => {
  let emu: TestEmulator;
  let env: NodeJS.ProcessEnv;
  const random = rng(20261123);
  let hitMidRun = 0;

  beforeAll(async () => {
    emu = await emulator({ items: 8 });
    // Twenty trials of two pulls each in well under a minute, against an emulator with no limit:
    // one machine-wide budget of 120 a minute would make them wait out whole windows.
    env = { ...cliEnv(emu), ROBOWRITE_BUDGET_SCOPE: 'process' };
  });
  afterAll(async () => {
    await emu.close();
    // Not asserted (timing): how many kills landed after some files but before all of them.
    console.info(`kills that landed mid-write: ${hitMidRun}`);
  });

  /** Kills a pull after `delayMs`, checks what it left, reruns, returns the converged tree. */
  /**
   * When to kill: half the trials after a random delay within an uninterrupted run's duration
   * (anywhere: start-up, listing, reading), half on a random file-system event in the output
   * folder (inside the write phase: temp file created, written, renamed).
   */
  type KillPoint = { afterMs: number } | { afterEvents: number };
  const killPoint = (durationMs: number, files: number): KillPoint =>
    random() < 0.5
      ? { afterMs: Math.floor(random() * durationMs) }
      : { afterEvents: 1 + Math.floor(random() * files * 3) };

  /** Kills a pull at `point`, checks what it left, reruns, returns the converged tree. */
  async function trial(
    dir: string,
    point: KillPoint,
    allowed: (file: string, text: string) => boolean,
    ends: { start: Map<string, string>; end: Map<string, string> },
  ) {
    await mkdir(join(dir, OUT), { recursive: true });
    const child = startCli(dir, ['pull'], env);
    const done = finish(child);
    if ('afterMs' in point) {
      await sleep(point.afterMs);
      child.kill('SIGKILL');
    } else {
      let seen = 0;
      const watcher = watch(join(dir, OUT), () => {
        if (++seen === point.afterEvents) child.kill('SIGKILL');
      });
      await done;
      watcher.close();
    }
    child.kill('SIGKILL');
    await done;
    const where = JSON.stringify(point);
    const left = await tree(join(dir, OUT));
    const outputs = new Map<string, string>();
    for (const [file, text] of left) {
      if (isTempFile(file)) continue;
      // Never a partial file: each one is exactly an old or a new version.
      expect(allowed(file, text), `${file} after a kill at ${where}`).toBe(true);
      outputs.set(file, text);
    }
    const outputOf = (snap: Map<string, string>) => [...snap].filter(([f]) => f !== 'STATE');
    const same = (snap: Map<string, string>) =>
      JSON.stringify([...outputs]) === JSON.stringify(outputOf(snap));
    if (!same(ends.start) && !same(ends.end)) hitMidRun++;
    const rerun = await cli(dir, ['pull'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const files = await tree(dir);
    expect([...files.keys()].filter((f) => isTempFile(f))).toEqual([]);
    expect(files.has(join('.robowrite', 'lock'))).toBe(false);
    return snapshot(dir);
  }

  it('fresh pulls: no partial file, and the rerun converges on the uninterrupted tree', async () => {
    const reference = await project('rw-kill-ref-');
    const started = Date.now();
    expect((await cli(reference, ['pull'], env)).code).toBe(0);
    const duration = Date.now() - started;
    const expected = await snapshot(reference);
    expect(expected.size).toBeGreaterThan(8);
    for (let i = 0; i < 10; i++) {
      const dir = await project('rw-kill-');
      const got = await trial(
        dir,
        killPoint(duration, expected.size),
        (file, text) => expected.get(file) === text,
        { start: new Map(), end: expected },
      );
      expect(got).toEqual(expected);
    }
  });

  it('pulls with upstream updates and deletions: same guarantees', async () => {
    const base = await project('rw-kill-base-');
    expect((await cli(base, ['pull'], env)).code).toBe(0);
    const before = await snapshot(base);
    const client = upstream(emu);
    const items = [...before.entries()].filter(([file]) => file !== 'STATE');
    for (const [, text] of items.slice(0, 4)) {
      await client.content.update(itemIdOf(text), {
        title: `${parseLikeAstro(text).data.title} (revised)`,
      });
    }
    await client.content.delete(itemIdOf((items[5] as [string, string])[1]));
    // A slug change renames a file: the old one must go, the new one appear, atomically each.
    await client.content.update(itemIdOf((items[6] as [string, string])[1]), {
      slug: 'renamed-upstream',
    });

    const reference = await project('rw-kill-ref2-');
    await cp(base, reference, { recursive: true });
    const started = Date.now();
    expect((await cli(reference, ['pull'], env)).code).toBe(0);
    const duration = Date.now() - started;
    const expected = await snapshot(reference);
    expect(expected.has('renamed-upstream.md')).toBe(true);
    expect(expected).not.toEqual(before);

    for (let i = 0; i < 10; i++) {
      const dir = await project('rw-kill2-');
      await cp(base, dir, { recursive: true });
      const allowed = (file: string, text: string) =>
        before.get(file) === text || expected.get(file) === text;
      const got = await trial(dir, killPoint(duration, 7), allowed, {
        start: before,
        end: expected,
      });
      expect(got).toEqual(expected);
    }
  });
});
