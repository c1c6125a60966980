import { startEmulator } from '@robowrite/emulator';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  createRoboWriteProvider,
  DEFAULT_DRAFT_STATUSES,
  GenerateTargetError,
  InvalidEntryError,
  isFinalRejection,
  LIST_PAGE_SIZE,
  PUBLISHED_STATUS,
  parseInput,
  RequestValidationError,
  RoboWrite,
} from '../src/index.ts';
import { client, emulator, FAST_ROBOWRITE } from './helpers.ts';
import { providerContract } from './provider-contract.ts';

const SYNTHETIC_ITEMS = 500;

providerContract('robowrite', async () => {
  // Started here, not with helpers' emulator(): the suite shares one across its cases (beforeAll),
  // while helpers close theirs after each case. 500 synthetic items are 60% published: the
  // published list alone spans two pages of 200.
  const emu = await startEmulator({ ...FAST_ROBOWRITE, items: SYNTHETIC_ITEMS });
  const editor = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url, rateLimit: false });
  const provider = createRoboWriteProvider({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    rateLimit: false,
    logLevel: 'error',
  });
  return {
    provider,
    scope: { statuses: DEFAULT_DRAFT_STATUSES, brand: null },
    minimumDrafts: LIST_PAGE_SIZE + 1,
    unknownId: 'item_000000000000000000000000',
    updateDraft: async (id) => {
      await editor.content.update(id, { title: `Edited ${Date.now()}` });
    },
    generationInput: { flow: 'topic', topic: { title: 'Remote work', primaryKeyword: 'remote' } },
    failNextJob: () => emu.queueJobOutcomes('failed'),
    jobsCreated: () => emu.stats().jobsCreated,
    requestsReceived: () => emu.stats().requests,
    close: async () => {
      await editor.close();
      await emu.close();
    },
  };
});

describe('RoboWrite provider: listing', () => {
  it('yields an item that moves between two listed statuses once', async () => {
    const emu = await emulator();
    const { client: editor } = client(emu);
    const provider = createRoboWriteProvider({ client: editor });
    const ids: string[] = [];
    let moved: string | null = null;
    for await (const page of provider.listDrafts({
      statuses: ['draft', 'published'],
      brand: null,
    })) {
      ids.push(...page.map((summary) => summary.id));
      if (moved === null) {
        moved = page[0]?.id ?? null;
        // Between the draft list and the published list, the item moves to published.
        if (moved) await editor.content.update(moved, { status: 'published' });
      }
    }
    expect(moved).not.toBeNull();
    expect(ids.filter((id) => id === moved)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps rows without a brand and drops other brands when scoped to one brand', async () => {
    const emu = await emulator({
      craftedItems: [
        { title: 'No brand on the list', markdownBody: '# Hi\n', listedWithoutBrand: true },
      ],
    });
    const { client: raw } = client(emu);
    const provider = createRoboWriteProvider({ client: raw });
    const brands = (await raw.brands.list()).items.map((brand) => brand.id);
    expect(brands.length).toBeGreaterThan(1);
    const scoped = new Set<string>();
    for await (const page of provider.listDrafts({
      statuses: ['in_review'],
      brand: brands[1] as string,
    })) {
      for (const summary of page) scoped.add(summary.id);
    }
    for await (const item of raw.content.list({ status: 'in_review' })) {
      const expected = !item.brand_id || item.brand_id === brands[1];
      expect([item.id, scoped.has(item.id)]).toEqual([item.id, expected]);
    }
    expect([...scoped].length).toBeGreaterThan(0);
  });
});

describe('RoboWrite provider: reading', () => {
  it('returns null for an item created but never generated', async () => {
    const emu = await emulator();
    const { client: raw } = client(emu);
    const provider = createRoboWriteProvider({ client: raw });
    const brief = await raw.briefs.create({ title: 'Never generated' });
    const property = (await raw.properties.list()).items[0];
    const item = await raw.content.create({
      briefId: brief.id,
      propertyId: property?.id as string,
      title: 'Never generated',
    });
    expect(await provider.retrieveDraft(item.id)).toBeNull();
  });

  it('refuses a body over the size limit with InvalidEntryError, once for both consumers', async () => {
    const emu = await emulator({
      craftedItems: [{ title: 'Huge', markdownBody: `# Huge\n\n${'word '.repeat(1_100_000)}` }],
    });
    const { client: raw } = client(emu);
    const provider = createRoboWriteProvider({ client: raw });
    let huge: string | undefined;
    for await (const item of raw.content.list({ status: 'in_review' })) {
      if (item.title === 'Huge') huge = item.id;
    }
    await expect(provider.retrieveDraft(huge as string)).rejects.toBeInstanceOf(InvalidEntryError);
  });
});

describe('RoboWrite provider: request count', () => {
  it('counts every attempt, retries included', async () => {
    const emu = await emulator();
    const { client: raw } = client(emu, { maxRetries: 2 });
    const provider = createRoboWriteProvider({ client: raw });
    emu.faults.add({ route: 'GET /jobs/{job_id}', sequence: ['503', 'ok'] });
    const before = { sent: provider.requestCount(), received: emu.stats().requests };
    await expect(provider.retrieveJob('job_000000000000000000000000')).rejects.toBeInstanceOf(
      APIError,
    );
    expect(provider.requestCount() - before.sent).toBe(2);
    expect(emu.stats().requests - before.received).toBe(2);
  });
});

describe('RoboWrite provider: ownership', () => {
  it('leaves a client passed in open, and closes one it created', async () => {
    const emu = await emulator();
    const { client: shared } = client(emu);
    await createRoboWriteProvider({ client: shared }).close();
    await expect(shared.ping()).resolves.toBeDefined();
    const owned = createRoboWriteProvider({ apiKey: emu.apiKey, baseURL: emu.url });
    await owned.client.ping();
    await owned.close();
    expect(owned.client).toBeInstanceOf(RoboWrite);
  });
});

describe('RoboWrite generation', () => {
  it.each([
    [{ flow: 'topic', topic: { title: 'T' } }, 'topic.primaryKeyword'],
    [{ flow: 'topic' }, 'topic'],
    [{ flow: 'brief', brief: { title: '' } }, 'brief.title'],
    [{ flow: 'brief', brief: { title: 'T', tone: 3 } }, 'brief.tone'],
    [{ flow: 'brief', brief: { title: 'T', colour: 'red' } }, 'brief'],
    [
      { flow: 'brief', brief: { title: 'T' }, generate: { direction: { tone: 1 } } },
      'generate.direction.tone',
    ],
    [{ flow: 'poem' }, 'flow'],
    [{ flow: 'topic', brandId: '', topic: { title: 'T', primaryKeyword: 'k' } }, 'brandId'],
  ])('parseInput(%j) names %s', (input, path) => {
    const error = (() => {
      try {
        parseInput(input);
      } catch (caught) {
        return caught;
      }
      throw new Error('parseInput accepted invalid input');
    })();
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).path).toBe(path);
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
  });

  it.each([
    { flow: 'topic', topic: { title: 'T', primaryKeyword: 'k' } },
    { flow: 'brief', propertyId: 'prop_1', brief: { title: 'T', tone: 'dry' } },
    { flow: 'brief', brief: { title: 'T' }, generate: { citationMode: 'inline' } },
  ])('parseInput accepts %j', (input) => {
    expect(parseInput(input)).toEqual(input);
  });

  it.each([
    [new RequestValidationError('bad', 'x'), true],
    [new GenerateTargetError('no brand'), true],
    [new Error('socket hang up'), false],
  ])('isFinalRejection(%s) is %s', (error, expected) => {
    expect(isFinalRejection(error)).toBe(expected);
  });

  it.each([
    [400, true],
    [404, true],
    [422, true],
    [408, false],
    [429, false],
    [500, false],
    [503, false],
  ])('isFinalRejection(API status %i) is %s', (status, expected) => {
    const error = new APIError({
      status,
      detail: null,
      requestId: null,
      method: 'POST',
      path: '/content/generate',
      headers: {},
    });
    expect(isFinalRejection(error)).toBe(expected);
  });

  it('resumes the brief flow after a crash, without a second brief, item or job', async () => {
    const emu = await emulator();
    const { client: raw } = client(emu);
    const provider = createRoboWriteProvider({ client: raw });
    const gen = provider.generation;
    const input = gen.parseInput({ flow: 'brief', brief: { title: 'Resumed' } });
    const checkpoint = gen.newCheckpoint(input);
    const crash = new Error('crashed after saving the brief');
    await expect(
      gen.start(input, checkpoint, {
        onCheckpoint: async () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(Object.keys(checkpoint.created).sort()).toEqual(['brand', 'brief']);
    const saved: string[][] = [];
    const started = await gen.start(input, checkpoint, {
      onCheckpoint: async () => void saved.push(Object.keys(checkpoint.created).sort()),
    });
    expect(saved).toEqual([['brand', 'brief', 'item']]);
    expect(started.draftId).toBe(checkpoint.created.item);
    const routes = emu.stats().routes;
    expect(routes['POST /briefs']).toBe(1);
    expect(routes['POST /content/items']).toBe(1);
    expect(emu.stats().jobsCreated).toBe(1);
  });

  it('uses the configured brand when the input names none', async () => {
    const emu = await emulator();
    const { client: raw } = client(emu);
    const brands = (await raw.brands.list()).items.map((brand) => brand.id);
    const brandId = brands.at(-1) as string;
    const provider = createRoboWriteProvider({ client: raw, generationDefaults: { brandId } });
    const gen = provider.generation;
    const input = gen.parseInput({ flow: 'topic', topic: { title: 'T', primaryKeyword: 'k' } });
    const checkpoint = gen.newCheckpoint(input);
    await gen.start(input, checkpoint);
    expect(checkpoint.created.brand).toBe(brandId);
    const topic = await raw.topics.retrieve(checkpoint.created.topic as string);
    expect(topic.brand_id).toBe(brandId);
  });
});

describe('RoboWrite provider: publishing', () => {
  it('sets an item published, then archived, through PATCH /content/items/{id}', async () => {
    const emu = await emulator();
    const { client: editor } = client(emu);
    const provider = createRoboWriteProvider({ client: editor });
    const [row] = (await editor.content.list({ status: 'in_review' })).items;
    if (!row) throw new Error('the demo fixture has no in_review item');
    const patchesBefore = emu.stats().routes['PATCH /content/items/{item_id}'] ?? 0;
    expect(await provider.publishing?.publish(row.id)).toEqual({
      id: row.id,
      status: PUBLISHED_STATUS,
    });
    expect((await editor.content.retrieve(row.id)).status).toBe('published');
    expect(await provider.publishing?.archive?.(row.id)).toEqual({
      id: row.id,
      status: 'archived',
    });
    expect(emu.stats().routes['PATCH /content/items/{item_id}']).toBe(patchesBefore + 2);
    await expect(provider.publishing?.publish('item_000000000000000000000000')).rejects.toThrow(
      /404|not found/i,
    );
  });
});
