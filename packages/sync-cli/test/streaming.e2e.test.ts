import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/sync/context.ts';
import { BATCH_SIZE, type PullProgress, pull } from '../src/sync/pull.ts';
import { emulator, OUT, project, type TestEmulator, tree, upstream } from './helpers.ts';

const ITEMS = BATCH_SIZE * 2 + 22;
const STATUSES = ['draft', 'in_review', 'published', 'archived'];

describe(`a pull of ${ITEMS} items (more than two batches)`, () => {
  // One emulator, never changed upstream; each test pulls into its own project.
  let emu: TestEmulator;
  const client = () => upstream(emu);

  beforeAll(async () => {
    emu = await emulator({ fixture: 'empty', items: ITEMS });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('writes as it reads: never more than two batches read ahead of the files written', async () => {
    const dir = await project('rw-stream-');
    const events: PullProgress[] = [];
    const ctx = await createContext(dir, { client: client(), outDir: OUT, statuses: STATUSES });
    const result = await pull(ctx, { onProgress: (event) => events.push(event) });
    expect(result.failures).toEqual([]);
    expect(result.counts.create).toBe(ITEMS);

    let reads = 0;
    let applied = 0;
    let aheadMost = 0;
    for (const event of events) {
      if (event.type === 'read') reads = event.done;
      if (event.type === 'action') applied++;
      aheadMost = Math.max(aheadMost, reads - applied);
    }
    expect(reads).toBe(ITEMS);
    expect(applied).toBe(ITEMS);
    expect(aheadMost).toBeLessThanOrEqual(BATCH_SIZE * 2);
    const firstWrite = events.findIndex((event) => event.type === 'action');
    const lastRead = events.findLastIndex((event) => event.type === 'read');
    expect(firstWrite).toBeLessThan(lastRead);

    // Files and state agree: one file per item, each recorded under its own name.
    const files = await tree(join(dir, OUT));
    expect(files.size).toBe(ITEMS);
    const state = JSON.parse(await readFile(join(dir, '.robowrite', 'state.json'), 'utf8'));
    const recorded = Object.values(state.items as Record<string, { file: string }>).map(
      (item) => item.file,
    );
    expect(recorded.sort()).toEqual([...files.keys()]);
  });

  it('a second pull reads nothing and writes nothing', async () => {
    const dir = await project('rw-stream-');
    const ctx = await createContext(dir, { client: client(), outDir: OUT, statuses: STATUSES });
    expect((await pull(ctx)).counts.create).toBe(ITEMS);
    const before = emu.stats().routes['GET /content/{content_item_id}'] ?? 0;
    const result = await pull(ctx);
    expect(result.failures).toEqual([]);
    expect(result.counts).toMatchObject({ create: 0, update: 0, delete: 0, skip: ITEMS });
    expect(emu.stats().routes['GET /content/{content_item_id}'] ?? 0).toBe(before);
  });
});
