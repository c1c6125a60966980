import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type IncludeOption,
  RobowriteLiveError,
  robowriteDevRefresh,
  robowriteLiveLoader,
  robowriteLoader,
} from '../src/index.ts';
import { adminClient, type Emulator, fastEmulator } from './support/emulator.ts';
import { mockContext } from './support/mock-context.ts';

describe('the statuses option', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('issue 10 fidelity (statuses configurable): takes a status the guide does not list and loads the items in it', async () => {
    // The guide names no closed set of content statuses: a workflow status such as `scheduled`
    // is the user's to choose, and the loader must ask for it rather than refuse it.
    const admin = adminClient(emu);
    const item = (await admin.content.list({ status: 'published', limit: 1 })).items[0];
    if (!item) throw new Error('the demo fixture has a published item');
    await admin.content.update(item.id, { status: 'scheduled' });
    const options = { apiKey: emu.apiKey, baseURL: emu.url, statuses: ['scheduled'] };
    expect(() => robowriteLoader(options)).not.toThrow();
    expect(() => robowriteDevRefresh(options)).not.toThrow();
    const result = await robowriteLiveLoader(options).loadCollection({ collection: 'preview' });
    expect('entries' in result && result.entries.map((e) => e.data.robowrite.itemId)).toEqual([
      item.id,
    ]);
    await admin.close();
  });

  it('warns in one line about a status it does not know, naming the likely one (issue 9 #5)', async () => {
    const context = mockContext();
    const options = { apiKey: emu.apiKey, baseURL: emu.url, statuses: ['publishd'] };
    await robowriteLoader(options).load(context);
    const warnings = context.logs.filter((log) => log.level === 'warn').map((log) => log.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^status "publishd" \(did you mean "published"\?\)/),
    ]);
    expect(context.store.keys()).toEqual([]);
  });

  it('accepts every status core knows, archived too', async () => {
    const loader = robowriteLiveLoader({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      statuses: ['draft', 'in_review', 'published', 'archived'],
    });
    const result = await loader.loadCollection({ collection: 'preview' });
    expect('entries' in result && result.entries.length).toBeGreaterThan(0);
  });

  it('rejects an empty list or an empty status when the loader is created, no request sent', () => {
    for (const statuses of [[], ['draft', '']]) {
      const options = { apiKey: emu.apiKey, baseURL: emu.url, statuses };
      for (const create of [
        () => robowriteLoader(options),
        () => robowriteLiveLoader(options),
        () => robowriteDevRefresh(options),
      ]) {
        expect(create).toThrow(TypeError);
        expect(create).toThrow(/^robowrite: `statuses` /);
      }
    }
    expect(emu.stats().requests).toBe(0);
  });

  it('rejects an unknown `include` when the loader is created, no request sent', () => {
    const options = {
      apiKey: emu.apiKey,
      baseURL: emu.url,
      include: ['scores'] as unknown as IncludeOption[],
    };
    for (const create of [() => robowriteLoader(options), () => robowriteLiveLoader(options)]) {
      expect(create).toThrow(TypeError);
      expect(create).toThrow(
        'robowrite: `include` holds "scores"; use "scoring" and/or "sources".',
      );
    }
    expect(emu.stats().requests).toBe(0);
  });

  it('a live collection filter with an empty status is an error result, no request sent', async () => {
    const loader = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url });
    const result = await loader.loadCollection({ collection: 'preview', filter: { status: '' } });
    expect('error' in result && result.error).toBeInstanceOf(RobowriteLiveError);
    expect('error' in result && result.error.message).toBe(
      'robowrite: `status` holds "", not a content item status.',
    );
    expect(emu.stats().requests).toBe(0);
  });
});
