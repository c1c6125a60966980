import { describe, expect, it } from 'vitest';
import { hashText } from '../src/sync/hash.ts';
import { type DesiredFile, deletionLooksSuspicious, planSync } from '../src/sync/planner.ts';
import { emptyState, type SyncStateFile } from '../src/sync/state.ts';

function desired(itemId: string, text: string, file = `${itemId}.md`): DesiredFile {
  return { itemId, file, text, versionId: 'v', marker: null, jobId: null, jobStatus: null };
}

function stateWith(items: Record<string, string>): SyncStateFile {
  const state = emptyState('out');
  for (const [id, text] of Object.entries(items)) {
    state.items[id] = {
      file: `${id}.md`,
      versionId: 'v',
      marker: null,
      hash: hashText(text),
      jobId: null,
      jobStatus: null,
    };
  }
  return state;
}

function plan(state: SyncStateFile, want: DesiredFile[], disk: Record<string, string>, extra = {}) {
  return planSync({
    state,
    desired: want,
    listed: new Set([...want.map((d) => d.itemId), ...Object.keys(state.items)]),
    listingComplete: true,
    failed: new Set(),
    force: false,
    readFile: async (file) => disk[file] ?? null,
    ...extra,
  });
}

const kinds = async (p: ReturnType<typeof plan>) =>
  (await p).actions.map((a) => `${a.kind}:${a.itemId}`).sort();

describe('planSync', () => {
  it('creates, updates, skips and adopts', async () => {
    const state = stateWith({ a: 'A1', b: 'B1' });
    const result = plan(
      state,
      [desired('a', 'A1'), desired('b', 'B2'), desired('c', 'C1'), desired('d', 'D1')],
      { 'a.md': 'A1', 'b.md': 'B1', 'd.md': 'D1' },
    );
    expect(await kinds(result)).toEqual(['create:c', 'skip:a', 'skip:d', 'update:b']);
  });

  it('turns a local edit plus an upstream change into a conflict, and only that', async () => {
    const state = stateWith({ a: 'A1', b: 'B1' });
    const disk = { 'a.md': 'A1 edited', 'b.md': 'B1 edited' };
    const result = await plan(state, [desired('a', 'A2'), desired('b', 'B1')], disk);
    const a = result.actions.find((x) => x.itemId === 'a');
    const b = result.actions.find((x) => x.itemId === 'b');
    expect(a?.kind).toBe('conflict');
    expect(b).toMatchObject({ kind: 'skip', reason: 'edited locally' });
    const forced = await plan(state, [desired('a', 'A2')], disk, { force: true });
    expect(forced.actions.find((x) => x.itemId === 'a')?.kind).toBe('update');
  });

  it('deletes only unmodified files the state knows, and holds back a suspicious shrink', async () => {
    const state = stateWith({ a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' });
    const disk = { 'a.md': 'A', 'b.md': 'B edited', 'c.md': 'C', 'd.md': 'D', 'e.md': 'E' };
    const one = await plan(state, [], disk, { listed: new Set(['b', 'c', 'd', 'e']) });
    expect(one.actions.filter((x) => x.kind === 'delete').map((x) => x.itemId)).toEqual(['a']);
    const empty = await plan(state, [], disk, { listed: new Set() });
    expect(empty.actions.filter((x) => x.kind === 'delete')).toEqual([]);
    expect(empty.guardedDeletes).toBe(4);
    const partial = await plan(state, [], disk, { listed: new Set(), listingComplete: false });
    expect(partial.actions.filter((x) => x.kind === 'delete')).toEqual([]);
    const edited = await plan(state, [], disk, { listed: new Set(['a', 'c', 'd', 'e']) });
    expect(edited.actions.find((x) => x.itemId === 'b')?.kind).toBe('conflict');
  });

  it('judges shrinkage', () => {
    expect(deletionLooksSuspicious(10, 0, 1)).toBe(true);
    expect(deletionLooksSuspicious(10, 9, 1)).toBe(false);
    expect(deletionLooksSuspicious(10, 4, 6)).toBe(true);
    expect(deletionLooksSuspicious(3, 2, 1)).toBe(false);
  });
});
