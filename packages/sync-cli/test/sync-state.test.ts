import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCheckpoint } from '@robowrite/core';
import { describe, expect, it } from 'vitest';
import { hashText } from '../src/sync/hash.ts';
import { newJobRecord } from '../src/sync/jobs.ts';
import type { DesiredFile } from '../src/sync/planner.ts';
import { statePath } from '../src/sync/state.ts';
import { OutDirChangedError, SAVE_EVERY, SyncStateStore } from '../src/sync/sync-state.ts';

const OUT = 'content';

function desired(itemId: string, text: string, file = `${itemId}.md`): DesiredFile {
  return { itemId, file, text, versionId: 'v1', marker: 'm1', jobId: null, jobStatus: null };
}

async function fresh(readOnly = false) {
  const root = await mkdtemp(join(tmpdir(), 'rw-state-'));
  const { store } = await SyncStateStore.open(root, OUT, { readOnly, checkOutDir: true });
  return { root, store };
}

async function saved(root: string) {
  return JSON.parse(await readFile(statePath(root), 'utf8'));
}

describe('SyncStateStore: every change to the state, and its saving', () => {
  it.each([
    [
      'recordWritten tracks the file and the hash of its text',
      (s: SyncStateStore) => s.recordWritten(desired('a', 'A')),
      { items: { a: { file: 'a.md', hash: hashText('A'), marker: 'm1' } }, orphans: [] },
    ],
    [
      'recordRenamed queues the old file with the hash we wrote there',
      (s: SyncStateStore) => {
        s.recordWritten(desired('a', 'A', 'old.md'));
        s.recordRenamed('a', 'old.md');
        s.recordWritten(desired('a', 'B', 'new.md'));
      },
      { items: { a: { file: 'new.md' } }, orphans: [{ file: 'old.md', hash: hashText('A') }] },
    ],
    [
      'recordRemoved untracks the item and queues its file',
      (s: SyncStateStore) => {
        s.recordWritten(desired('a', 'A'));
        s.recordRemoved('a', 'a.md', hashText('A'));
      },
      { items: {}, orphans: [{ file: 'a.md', hash: hashText('A') }] },
    ],
    [
      'upgradeMarker changes the marker only',
      (s: SyncStateStore) => {
        s.recordWritten(desired('a', 'A'));
        s.upgradeMarker('a', 'm2');
      },
      { items: { a: { marker: 'm2', hash: hashText('A') } } },
    ],
    [
      'setRendered records the render rules',
      (s: SyncStateStore) => s.setRendered('rules-1'),
      { rendered: 'rules-1' },
    ],
  ] as const)('%s', async (_, change, expected) => {
    const { root, store } = await fresh();
    change(store);
    await store.save();
    expect(await saved(root)).toMatchObject(expected);
  });

  it.each([
    [
      'started',
      (s: SyncStateStore, k: string) =>
        s.recordJobStarted(k, { jobId: 'j1', status: 'queued', itemId: null }),
      { jobId: 'j1', status: 'queued', outcome: 'running', collected: false },
    ],
    [
      'snapshot',
      (s: SyncStateStore, k: string) =>
        s.recordJobSnapshot(k, {
          status: 'completed',
          outcome: 'landed',
          itemId: 'i1',
          error: null,
        }),
      { status: 'completed', outcome: 'landed', itemId: 'i1' },
    ],
    [
      'failed',
      (s: SyncStateStore, k: string) => s.recordJobFailed(k, 'refused'),
      { status: 'failed', outcome: 'failed', error: 'refused' },
    ],
    [
      'collected, with why',
      (s: SyncStateStore, k: string) => s.markCollected(k, 'no item'),
      { collected: true, error: 'no item' },
    ],
  ] as const)('a job record: %s', async (_, change, expected) => {
    const { root, store } = await fresh();
    store.addJob(
      'k1',
      newJobRecord({ flow: 'topic', topic: { title: 'T', primaryKeyword: 'k' } }, newCheckpoint()),
    );
    change(store, 'k1');
    await store.save();
    expect((await saved(root)).jobs.k1).toMatchObject(expected);
  });

  it("dropJob removes a record; the checkpoint is the record's own keys and ids", async () => {
    const { root, store } = await fresh();
    store.addJob(
      'k1',
      newJobRecord({ flow: 'topic', topic: { title: 'T', primaryKeyword: 'k' } }, newCheckpoint()),
    );
    store.checkpoint('k1').created.topic = 't1';
    await store.save();
    expect((await saved(root)).jobs.k1.created).toEqual({ topic: 't1' });
    store.dropJob('k1');
    await store.save();
    expect((await saved(root)).jobs).toEqual({});
  });

  it('a read-only store (a dry run) never writes', async () => {
    const { root, store } = await fresh(true);
    store.recordWritten(desired('a', 'A'));
    await store.save();
    await expect(readFile(statePath(root), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('saveDue once SAVE_EVERY applied items wait; a save clears it', async () => {
    const { store } = await fresh();
    store.countApplied(SAVE_EVERY - 1);
    expect([store.saveDue, store.hasUnsaved]).toEqual([false, true]);
    store.countApplied(1);
    expect(store.saveDue).toBe(true);
    await store.save();
    expect([store.saveDue, store.hasUnsaved]).toEqual([false, false]);
  });

  it('refuses a state tracking files in another folder', async () => {
    const { root, store } = await fresh();
    store.recordWritten(desired('a', 'A'));
    await store.save();
    await expect(
      SyncStateStore.open(root, 'elsewhere', { checkOutDir: true }),
    ).rejects.toBeInstanceOf(OutDirChangedError);
  });
});

describe('SyncStateStore: publish records', () => {
  it('keeps what was published across a new version, and reads it back to the same text', async () => {
    const { root, store } = await fresh();
    store.recordWritten(desired('a', 'A'));
    const record = { publishedAt: '2026-03-01T00:00:00.000Z', versionId: 'v1' };
    store.recordPublished('a', record);
    store.recordWritten({ ...desired('a', 'B'), versionId: 'v2' });
    await store.save();
    const text = await readFile(statePath(root), 'utf8');
    expect((await saved(root)).items.a).toMatchObject({ versionId: 'v2', published: record });
    const { store: reopened } = await SyncStateStore.open(root, OUT, { checkOutDir: true });
    expect(reopened.item('a')?.published).toEqual(record);
    await reopened.save();
    expect(await readFile(statePath(root), 'utf8')).toBe(text);
  });

  it('refuses a publish record whose date is not a date, in one line', async () => {
    const { root, store } = await fresh();
    store.recordWritten(desired('a', 'A'));
    store.recordPublished('a', { publishedAt: 'yesterday', versionId: 'v1' });
    await store.save();
    await expect(SyncStateStore.open(root, OUT)).rejects.toThrow(
      /items\["a"\]\.published\.publishedAt: .*delete it to start over$/,
    );
  });
});

describe('SyncStateStore: branch records (pull --branches)', () => {
  /** A valid branch record for item `b`; each test changes what it is about. */
  const record = {
    branch: 'robowrite/a',
    commit: 'a'.repeat(40),
    file: 'a.md',
    blob: 'b'.repeat(40),
    versionId: 'v1',
    marker: null,
  };
  it('round-trips a branch record, and a state without one keeps no "branches" key', async () => {
    const { root, store } = await fresh();
    store.recordWritten(desired('a', 'A'));
    await store.save();
    expect(await saved(root)).not.toHaveProperty('branches');
    store.recordBranch('b', record);
    await store.save();
    const text = await readFile(statePath(root), 'utf8');
    const { store: reopened } = await SyncStateStore.open(root, OUT);
    expect(reopened.branch('b')).toEqual(record);
    await reopened.save();
    expect(await readFile(statePath(root), 'utf8')).toBe(text);
  });

  it.each([
    [
      'a branch outside robowrite/',
      { branch: 'main' },
      /branches\["b"\]\.branch: must be robowrite/,
    ],
    [
      'a commit that is no object id',
      { commit: 'HEAD' },
      /branches\["b"\]\.commit: must be a git object id/,
    ],
  ])('refuses %s in one line', async (_, change, message) => {
    const { root, store } = await fresh();
    store.recordBranch('b', { ...record, ...change });
    await store.save();
    await expect(SyncStateStore.open(root, OUT)).rejects.toThrow(message);
  });

  it('drops a branch record whose file is outside the output folder, in one line', async () => {
    const { root, store } = await fresh();
    store.recordBranch('b', { ...record, file: '../a.md' });
    await store.save();
    const { store: reopened, rejected } = await SyncStateStore.open(root, OUT);
    expect(reopened.branch('b')).toBeUndefined();
    expect(rejected).toEqual([
      expect.stringMatching(/ignored branches\["b"\]: file "\.\.\/a\.md"/),
    ]);
  });
});
