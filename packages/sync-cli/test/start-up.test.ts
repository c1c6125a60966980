import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const LOADED_MARK = '@loaded ';

/**
 * A preload that records every module the process loads (Node's synchronous module hooks) and
 * prints the list at exit, so a test can see what a command pulled in without timing anything.
 */
const RECORD_LOADS = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const loaded = new Set();
registerHooks({ load(url, context, next) { loaded.add(url); return next(url, context); } });
process.on('exit', () => process.stderr.write('\\n${LOADED_MARK}' + JSON.stringify([...loaded])));
`)}`;

async function loadedBy(args: readonly string[], cwd: string): Promise<string[]> {
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', RECORD_LOADS, BIN, ...args],
    { cwd, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } },
  );
  const line = stderr.split('\n').find((l) => l.startsWith(LOADED_MARK));
  if (!line) throw new Error(`no module list in: ${stderr}`);
  return JSON.parse(line.slice(LOADED_MARK.length)) as string[];
}

/** Whether a module of `pkg` (a dependency, or our own core through the workspace) was loaded. */
const loads = (urls: string[], pkg: string) =>
  urls.some((url) => url.includes(`/node_modules/${pkg}/`) || url.includes(`/packages/${pkg}/`));

describe('start-up: a command loads only what it needs (issue 14)', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(os.tmpdir(), 'rw-startup-'));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it.each([{ command: '--version' }, { command: '--help' }, { command: 'pull --help' }])(
    '`robowrite $command` loads commander and none of core, undici, zod, YAML or the watcher',
    async ({ command }) => {
      const urls = await loadedBy(command.split(' '), project);
      expect(loads(urls, 'commander')).toBe(true);
      for (const heavy of ['core', 'undici', 'zod', 'yaml', 'gray-matter', 'chokidar']) {
        expect(loads(urls, heavy), heavy).toBe(false);
      }
    },
  );

  it('`robowrite status` loads core but not the watcher', async () => {
    const urls = await loadedBy(['status'], project);
    expect(loads(urls, 'core')).toBe(true);
    expect(loads(urls, 'chokidar')).toBe(false);
  });
});
