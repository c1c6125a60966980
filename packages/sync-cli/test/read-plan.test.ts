import type { DraftSummary } from '@robowrite/core';
import { describe, expect, it } from 'vitest';
import { legacyOf } from '../src/sync/listed-freshness.ts';
import { planReads, type ReadPlanInput, settleNames } from '../src/sync/read-plan.ts';
import type { ItemState } from '../src/sync/state.ts';

function listed(id: string, marker: string | null, slug: string | null = id): DraftSummary {
  return { id, slug, status: 'draft', marker };
}

/** Core's marker for version v1 updated at u1, and the form an older robowrite stored. */
const CURRENT = 'v1|u1|draft';
const LEGACY = 'v1@u1';

function known(file: string, marker: string | null, jobId: string | null = null): ItemState {
  return { file, versionId: 'v', marker, hash: 'sha256:x', jobId, jobStatus: null };
}

function input(fields: Partial<ReadPlanInput>): ReadPlanInput {
  return {
    listed: new Map(),
    tracked: new Map(),
    jobItems: [],
    only: undefined,
    force: false,
    rerender: false,
    filename: 'slug',
    ...fields,
  };
}

const byId = <T>(entries: [string, T][]) => new Map(entries);

describe('planReads: which items a pull reads, and why', () => {
  it.each([
    ['new', listed('a', 'm1'), undefined, {}, 'new'],
    ['unchanged marker', listed('a', 'm1'), known('a.md', 'm1'), {}, null],
    ['moved marker', listed('a', 'm2'), known('a.md', 'm1'), {}, 'changed'],
    ['no marker to compare', listed('a', null), known('a.md', null), {}, 'no marker'],
    ['unchanged, --force', listed('a', 'm1'), known('a.md', 'm1'), { force: true }, 'forced'],
    [
      'unchanged, new render rules',
      listed('a', 'm1'),
      known('a.md', 'm1'),
      { rerender: true },
      'rerender',
    ],
    ['legacy marker of the same version', listed('a', CURRENT), known('a.md', LEGACY), {}, null],
    [
      'legacy marker, but a job wrote it',
      listed('a', CURRENT),
      known('a.md', LEGACY, 'job1'),
      {},
      'changed',
    ],
    [
      'legacy marker of another version',
      listed('a', CURRENT),
      known('a.md', 'v0@u0'),
      {},
      'changed',
    ],
    ['slug changed upstream', listed('a', 'm1', 'b'), known('a.md', 'm1'), {}, 'renamed'],
  ] as const)('%s', (_, summary, item, flags, reason) => {
    const plan = planReads(
      input({
        listed: byId([['a', summary]]),
        tracked: byId(item ? [['a', item]] : []),
        ...flags,
      }),
    );
    expect(plan.reads.get('a') ?? null).toBe(reason);
  });

  it.each([
    [
      'legacy marker of the same version: upgraded in place',
      known('a.md', LEGACY),
      { a: CURRENT },
      { force: false },
    ],
    ['current marker: nothing to upgrade', known('a.md', CURRENT), {}, { force: false }],
    ['legacy marker under --force: read instead', known('a.md', LEGACY), {}, { force: true }],
  ] as const)('%s', (_, item, upgrades, flags) => {
    const plan = planReads(
      input({
        listed: byId([['a', listed('a', CURRENT)]]),
        tracked: byId([['a', item]]),
        ...flags,
      }),
    );
    expect(Object.fromEntries(plan.upgrades)).toEqual(upgrades);
  });

  it('reads requested and job items first by reason, whatever the listing says', () => {
    const plan = planReads(
      input({
        listed: byId([['j', listed('j', 'm1')]]),
        tracked: byId([['j', known('j.md', 'm1')]]),
        jobItems: ['j', 'k'],
        only: ['r'],
      }),
    );
    expect(Object.fromEntries(plan.reads)).toEqual({
      r: 'requested',
      j: 'job landed',
      k: 'job landed',
    });
    // Neither `r` nor `k` is listed: their names wait for their drafts' slugs.
    expect(plan.unnamed).toEqual(['k', 'r']);
  });

  it.each([
    ['slug', { a: 'same.md', b: expect.stringMatching(/^same-.+\.md$/) }],
    ['id', { a: 'a.md', b: 'b.md' }],
  ] as const)('names by %s over the whole set, the tracked name kept', (filename, files) => {
    const plan = planReads(
      input({
        filename,
        listed: byId([
          ['a', listed('a', 'm1', 'same')],
          ['b', listed('b', 'm1', 'same')],
        ]),
        tracked: filename === 'slug' ? byId([['a', known('same.md', 'm1')]]) : new Map(),
      }),
    );
    const names = Object.fromEntries([...plan.names].map(([id, name]) => [id, name.file]));
    expect(names).toEqual(files);
  });
});

describe('settleNames: names once unnamed items are read', () => {
  it('names a read item by its draft slug and streams the rest, sorted', () => {
    const base = input({
      listed: byId([
        ['b', listed('b', 'm1', 'bee')],
        ['a', listed('a', 'm1', 'ay')],
      ]),
      only: ['x'],
    });
    const plan = planReads(base);
    expect(plan.unnamed).toEqual(['x']);
    const settled = settleNames(base, plan, new Map([['x', 'ex']]));
    expect(settled.names.get('x')?.file).toBe('ex.md');
    expect(settled.streamed).toEqual(['a', 'b']);
  });

  it('a new arrival colliding with a tracked name takes a suffix; the holder is not re-read', () => {
    const base = input({
      listed: byId([['b', listed('b', 'm1', 'post')]]),
      tracked: byId([['b', known('post.md', 'm1')]]),
      only: ['x'],
    });
    const plan = planReads(base);
    const settled = settleNames(base, plan, new Map([['x', 'post']]));
    expect(settled.names.get('b')?.file).toBe('post.md');
    expect(settled.names.get('x')?.file).toMatch(/^post-[0-9a-f]{8}\.md$/);
    expect(Object.fromEntries(settled.reads)).toEqual({ x: 'requested' });
    expect(settled.streamed).toEqual([]);
  });
});

describe('legacyOf: the form an older robowrite stored for a marker', () => {
  it.each([
    ['v1|2026-01-01T00:00:00Z|draft', 'v1@2026-01-01T00:00:00Z'],
    ['|2026-01-01T00:00:00Z|draft', '@2026-01-01T00:00:00Z'],
    ['v1||published', 'v1@'],
    ['a marker of another shape', null],
  ])('%s -> %s', (marker, legacy) => {
    expect(legacyOf(marker)).toBe(legacy);
  });
});
