import { neutralizeMarkdown } from '@robowrite/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robowriteLiveLoader, robowriteLoader } from '../src/index.ts';
import { mockContext } from './support/mock-context.ts';
import {
  type ExpectedEntry,
  expectedEntries,
  generateDrafts,
  type ProviderWorld,
  routesNow,
  routesSince,
  writerWorld,
  writerzroomWorld,
} from './support/provider-emulators.ts';

/**
 * The loaders against the WriterzRoom (v1 dialect) and Writer personalities of the emulator:
 * drafts generated through core's provider land in Astro's store as the entries the CLI would
 * write (core's naming rule and `entryData`), and a re-sync with nothing changed reads no draft.
 */
describe.each([
  ['WriterzRoom v1', writerzroomWorld],
  ['Writer', writerWorld],
])('the loaders with %s', (_label, makeWorld) => {
  let world: ProviderWorld;
  let expected: Map<string, ExpectedEntry>;

  beforeAll(async () => {
    world = await makeWorld();
    await generateDrafts(world, ['Sourdough at scale', 'Night markets and local SEO']);
    expected = await expectedEntries(world);
  });
  afterAll(async () => {
    await world.close();
  });

  it('the build loader stores every draft under core’s name with core’s entryData, then re-syncs with no draft read', async () => {
    expect(expected.size).toBeGreaterThanOrEqual(2);
    const context = mockContext();
    await robowriteLoader(world.options).load(context);

    expect([...context.entries.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, { draft, data }] of expected) {
      const entry = context.entries.get(id);
      expect(entry?.data).toEqual(data);
      expect(entry?.body).toBe(neutralizeMarkdown(draft.body));
      expect(entry?.rendered?.html).toContain('<h2');
    }
    const providers = [...context.entries.values()].map(
      (entry) => (entry.data as ExpectedEntry['data']).robowrite.provider,
    );
    expect(new Set(providers)).toEqual(new Set([world.admin.name]));

    const before = routesNow(world.emu);
    const again = mockContext({ entries: context.entries, metaValues: context.metaValues });
    await robowriteLoader(world.options).load(again);
    // Only the listing: every draft's marker is unchanged, so none is read again.
    expect(Object.keys(routesSince(world.emu, before))).toEqual(world.listRoutes);
    expect([...again.entries.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(again.renders).toBe(0);
  });

  it('a status that holds no draft of this provider gets one warning line, and changes nothing loaded', async () => {
    const context = mockContext();
    await robowriteLoader({ ...world.options, statuses: ['completed', 'failed'] }).load(context);
    expect([...context.entries.keys()].sort()).toEqual([...expected.keys()].sort());
    const warnings = context.logs.filter((line) => line.level === 'warn').map((l) => l.message);
    expect(warnings).toEqual([
      `status "failed" holds no ${world.label.split(' ')[0]} draft (only "completed" does); nothing is synced for it`,
    ]);
  });

  it('the live loader serves the same entries, and one rendered by its id', async () => {
    const live = robowriteLiveLoader({ ...world.options, limit: 50 });
    const collection = await live.loadCollection({ collection: 'preview', filter: {} });
    if ('error' in collection) throw collection.error;
    expect(collection.entries.map((entry) => entry.id).sort()).toEqual([...expected.keys()].sort());
    for (const entry of collection.entries) {
      expect(entry.data).toEqual(expected.get(entry.id)?.data);
    }

    const [id, { draft, data: wanted }] = [...expected.entries()][0] as [string, ExpectedEntry];
    const one = await live.loadEntry({ collection: 'preview', filter: { id } });
    if (!one || 'error' in one) throw new Error(`expected the entry ${id}`);
    expect(one.id).toBe(id);
    expect(one.data).toEqual(wanted);
    expect(one.rendered?.html).toContain('<h2');
    // By the draft's own id too (a Writer job id, a WriterzRoom content id).
    const byDraftId = await live.loadEntry({ collection: 'preview', filter: { id: draft.id } });
    expect(byDraftId && 'id' in byDraftId ? byDraftId.id : null).toBe(id);
  });
});
