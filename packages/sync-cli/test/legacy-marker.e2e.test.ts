import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ContentItemSummary, changeMarker } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyMarker } from '../src/sync/listed-freshness.ts';
import {
  cli,
  cliEnv,
  emulator,
  git,
  mtimes,
  OUT,
  parseJson,
  project,
  type TestEmulator,
  upstream,
} from './helpers.ts';

interface StateFile {
  items: Record<string, { marker: string | null; jobId: string | null }>;
}

const READ = 'GET /content/{content_item_id}';

/**
 * A state.json written before the CLI used core's changeMarker holds `${version}@${updated}`
 * markers. Upgrading must cost no reads and no Markdown writes: only the markers change.
 */
describe('pull over a state.json with the old marker format', () => {
  let emu: TestEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let summaries: Map<string, ContentItemSummary>;
  const statePath = () => join(dir, '.robowrite', 'state.json');
  const readState = async () => JSON.parse(await readFile(statePath(), 'utf8')) as StateFile;
  const reads = () => emu.stats().routes[READ] ?? 0;

  beforeAll(async () => {
    emu = await emulator({ listMarkers: true });
    dir = await project();
    env = cliEnv(emu);
    await git(dir, 'init', '-q');
    expect((await cli(dir, ['init', '--yes'], env)).code).toBe(0);
    expect((await cli(dir, ['pull', '--json'], env)).code).toBe(0);
    summaries = new Map();
    for await (const item of upstream(emu).content.list({})) summaries.set(item.id, item);
    // Rewind the state to what an older robowrite wrote for the same files.
    const state = await readState();
    for (const [id, item] of Object.entries(state.items)) {
      item.marker = legacyMarker(summaries.get(id) as ContentItemSummary);
    }
    await writeFile(statePath(), `${JSON.stringify(state, null, 2)}\n`);
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-q', '-m', 'pulled by an older robowrite');
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads nothing, writes no Markdown file and saves the new markers', async () => {
    const before = await mtimes(join(dir, OUT));
    const readsBefore = reads();
    const result = await cli(dir, ['pull', '--json'], env);
    expect(result.code).toBe(0);
    const json = parseJson<{ counts: Record<string, number> }>(result.stdout);
    expect(json.counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
    expect(reads() - readsBefore).toBe(0);
    expect(await mtimes(join(dir, OUT))).toEqual(before);
    const state = await readState();
    expect(Object.keys(state.items).length).toBe(before.size);
    for (const [id, item] of Object.entries(state.items)) {
      expect(item.marker).toBe(changeMarker(summaries.get(id) as ContentItemSummary));
    }
    // Only state.json changed, once: a further pull leaves git clean.
    expect(await git(dir, 'status', '--porcelain')).toBe(' M .robowrite/state.json\n');
    await git(dir, 'commit', '-q', '-am', 'new markers');
    expect((await cli(dir, ['pull', '--json'], env)).code).toBe(0);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('reads an item a generate job brought in again (its file held the job fields)', async () => {
    const state = await readState();
    const [id, item] = Object.entries(state.items)[0] as [string, StateFile['items'][string]];
    item.jobId = 'job_legacy';
    item.marker = legacyMarker(summaries.get(id) as ContentItemSummary);
    await writeFile(statePath(), `${JSON.stringify(state, null, 2)}\n`);
    const readsBefore = reads();
    expect((await cli(dir, ['pull', '--json'], env)).code).toBe(0);
    expect(reads() - readsBefore).toBe(1);
    expect((await readState()).items[id]?.marker).toBe(
      changeMarker(summaries.get(id) as ContentItemSummary),
    );
  });
});
