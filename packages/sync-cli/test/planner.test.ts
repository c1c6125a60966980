import { describe, expect, it } from 'vitest';
import { hashText } from '../src/sync/hash.ts';
import {
  type DesiredFile,
  deletionLooksSuspicious,
  planFile,
  planUnread,
} from '../src/sync/planner.ts';
import type { ItemState } from '../src/sync/state.ts';

function desired(itemId: string, text: string, file = `${itemId}.md`): DesiredFile {
  return { itemId, file, text, versionId: 'v', marker: null, jobId: null, jobStatus: null };
}

function tracked(text: string, file: string): ItemState {
  return { file, versionId: 'v', marker: null, hash: hashText(text), jobId: null, jobStatus: null };
}

const reader = (disk: Record<string, string>) => async (file: string) => disk[file] ?? null;

describe('planFile: what a pull does with one item it read', () => {
  it.each([
    // [case, tracked text (null: untracked), tracked file, on disk, incoming, force, kind, reason]
    ['new item, no file', null, 'a.md', {}, 'A1', false, 'create', undefined],
    [
      'new item, our text already there',
      null,
      'a.md',
      { 'a.md': 'A1' },
      'A1',
      false,
      'skip',
      'already up to date',
    ],
    [
      'new item, a stranger file in the way',
      null,
      'a.md',
      { 'a.md': 'X' },
      'A1',
      false,
      'conflict',
      'a file robowrite did not write is in the way',
    ],
    [
      'new item, stranger file, --force',
      null,
      'a.md',
      { 'a.md': 'X' },
      'A1',
      true,
      'update',
      undefined,
    ],
    ['unchanged both sides', 'A1', 'a.md', { 'a.md': 'A1' }, 'A1', false, 'skip', 'unchanged'],
    ['changed upstream only', 'A1', 'a.md', { 'a.md': 'A1' }, 'A2', false, 'update', undefined],
    [
      'edited locally only',
      'A1',
      'a.md',
      { 'a.md': 'A1 edited' },
      'A1',
      false,
      'skip',
      'edited locally',
    ],
    [
      'edited locally and upstream',
      'A1',
      'a.md',
      { 'a.md': 'A1 edited' },
      'A2',
      false,
      'conflict',
      'edited locally and changed upstream',
    ],
    [
      'edited both sides, --force',
      'A1',
      'a.md',
      { 'a.md': 'A1 edited' },
      'A2',
      true,
      'update',
      undefined,
    ],
    [
      'deleted locally, unchanged upstream',
      'A1',
      'a.md',
      {},
      'A1',
      false,
      'skip',
      'deleted locally (pull --force restores it)',
    ],
    [
      'deleted locally, changed upstream',
      'A1',
      'a.md',
      {},
      'A2',
      false,
      'conflict',
      'deleted locally, changed upstream',
    ],
    ['deleted locally, --force', 'A1', 'a.md', {}, 'A1', true, 'create', undefined],
    ['renamed upstream', 'A1', 'old.md', { 'old.md': 'A1' }, 'A2', false, 'update', undefined],
    [
      'renamed upstream, old file edited',
      'A1',
      'old.md',
      { 'old.md': 'A1 edited' },
      'A2',
      false,
      'conflict',
      'renamed upstream to a.md but edited locally',
    ],
    [
      'renamed onto a stranger file',
      'A1',
      'old.md',
      { 'old.md': 'A1', 'a.md': 'X' },
      'A2',
      false,
      'conflict',
      'renamed upstream onto a file robowrite did not write',
    ],
  ] as const)('%s', async (_, text, file, disk, incoming, force, kind, reason) => {
    const known = text === null ? undefined : tracked(text, file);
    const action = await planFile(desired('a', incoming), known, { force, readFile: reader(disk) });
    expect(action.kind).toBe(kind);
    expect('reason' in action ? action.reason : undefined).toBe(reason);
  });

  it.each([
    ['the text changed', 'A1', 'A2'],
    ['only the version id moved', 'A1', 'A1'],
  ])('records an unchanged file again when %s', async (_, onDisk, incoming) => {
    const known = { ...tracked(onDisk, 'a.md'), versionId: 'old' };
    const want = desired('a', incoming);
    const action = await planFile(want, known, {
      force: false,
      readFile: reader({ 'a.md': incoming }),
    });
    expect(action).toMatchObject({ kind: 'skip', record: want });
  });

  // Found by bench:smoke under load: an item the listing brought in before its job reported
  // landed was written with no job; when the job landed the text was the same, nothing was
  // recorded, so the job never counted as collected and every watch cycle read the item again.
  it.each([
    ['the job that made it became known', { jobId: 'job-1', jobStatus: 'awaiting_review' }],
    ['the job status moved', { jobId: null, jobStatus: 'completed' }],
  ])('records an unchanged file again when %s', async (_, job) => {
    const known = tracked('A1', 'a.md');
    const want = { ...desired('a', 'A1'), ...job };
    const action = await planFile(want, known, {
      force: false,
      readFile: reader({ 'a.md': 'A1' }),
    });
    expect(action).toMatchObject({ kind: 'skip', reason: 'unchanged', record: want });
  });

  it('records the old name as the previous file of a rename', async () => {
    const known = tracked('A1', 'old.md');
    const action = await planFile(desired('a', 'A2'), known, {
      force: false,
      readFile: reader({ 'old.md': 'A1' }),
    });
    expect(action).toMatchObject({ kind: 'update', previousFile: 'old.md', forced: false });
  });
});

describe('planUnread: the items a pull did not read', () => {
  const five = new Map(
    ['a', 'b', 'c', 'd', 'e'].map((id) => [id, tracked(id.toUpperCase(), `${id}.md`)]),
  );
  const disk = { 'a.md': 'A', 'b.md': 'B edited', 'c.md': 'C', 'd.md': 'D', 'e.md': 'E' };
  const plan = (listed: string[], extra: Partial<Parameters<typeof planUnread>[0]> = {}) =>
    planUnread({
      tracked: five,
      planned: new Set(),
      listed: new Set(listed),
      listingComplete: true,
      failed: new Set(),
      force: false,
      readFile: reader(disk),
      trackedBefore: five.size,
      ...extra,
    });
  const summary = async (p: ReturnType<typeof plan>) => {
    const { actions, guardedDeletes } = await p;
    return { actions: actions.map((a) => `${a.kind}:${a.itemId}`).sort(), guardedDeletes };
  };

  it.each([
    [
      'all listed: skips, the edit named',
      ['a', 'b', 'c', 'd', 'e'],
      {},
      ['skip:a', 'skip:b', 'skip:c', 'skip:d', 'skip:e'],
      0,
    ],
    [
      'one gone upstream: deleted',
      ['b', 'c', 'd', 'e'],
      {},
      ['delete:a', 'skip:b', 'skip:c', 'skip:d', 'skip:e'],
      0,
    ],
    [
      'gone upstream but edited locally: kept, a conflict',
      ['a', 'c', 'd', 'e'],
      {},
      ['conflict:b', 'skip:a', 'skip:c', 'skip:d', 'skip:e'],
      0,
    ],
    [
      'gone and edited, --force: deleted',
      ['a', 'c', 'd', 'e'],
      { force: true },
      ['delete:b', 'skip:a', 'skip:c', 'skip:d', 'skip:e'],
      0,
    ],
    ['empty listing: every deletion held back', [], {}, ['conflict:b'], 4],
    [
      'empty listing, --force: deleted',
      [],
      { force: true },
      ['delete:a', 'delete:b', 'delete:c', 'delete:d', 'delete:e'],
      0,
    ],
    ['incomplete listing: nothing deleted', [], { listingComplete: false }, [], 0],
    [
      'read this run or failed: left alone',
      ['c', 'd', 'e'],
      { planned: new Set(['a']), failed: new Set(['b']) },
      ['skip:c', 'skip:d', 'skip:e'],
      0,
    ],
  ] as const)('%s', async (_, listed, extra, actions, guarded) => {
    expect(await summary(plan([...listed], extra))).toEqual({ actions, guardedDeletes: guarded });
  });

  it('names why a listed item it did not read is skipped', async () => {
    const { actions } = await plan(['a', 'b', 'c', 'd', 'e'], {
      readFile: reader({ ...disk, 'c.md': undefined as unknown as string }),
    });
    const reasons = Object.fromEntries(
      actions.map((a) => [a.itemId, 'reason' in a ? a.reason : '']),
    );
    expect(reasons).toMatchObject({
      a: 'unchanged',
      b: 'edited locally',
      c: 'deleted locally (pull --force restores it)',
    });
  });
});

describe('deletionLooksSuspicious', () => {
  it.each([
    [10, 0, 1, true],
    [10, 9, 1, false],
    [10, 4, 6, true],
    [3, 2, 1, false],
    [4, 0, 0, false],
    [6, 3, 3, false],
  ])('tracked %i, listed %i, deleting %i: %s', (trackedCount, listed, deleting, suspicious) => {
    expect(deletionLooksSuspicious(trackedCount, listed, deleting)).toBe(suspicious);
  });
});

describe('planFile: an item publish reported live', () => {
  const published = { publishedAt: '2026-03-01T00:00:00.000Z', versionId: 'v' };
  const live = (text: string): ItemState => ({ ...tracked(text, 'a.md'), published });

  it('writes nothing for the published version, and keeps the file as the baseline', async () => {
    // The editor flipped `draft`; the API's status (and marker) moved because of publish.
    const incoming = { ...desired('a', 'draft: false, status: published'), marker: 'm2' };
    const onDisk = 'draft: false, status: in_review';
    const action = await planFile(incoming, live('draft: true'), {
      force: false,
      readFile: reader({ 'a.md': onDisk }),
    });
    expect(action).toMatchObject({ kind: 'skip', reason: 'published' });
    expect(action.kind === 'skip' && action.record).toMatchObject({ text: onDisk, marker: 'm2' });
  });

  it('updates it with a new version like any unedited file', async () => {
    const onDisk = 'draft: false, status: in_review';
    const incoming = { ...desired('a', 'version 2'), versionId: 'v2' };
    const action = await planFile(incoming, live(onDisk), {
      force: false,
      readFile: reader({ 'a.md': onDisk }),
    });
    expect(action).toMatchObject({ kind: 'update', forced: false });
  });
});
