import type { ContentItemStatus } from '@robowrite/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RobowriteLiveError,
  robowriteDevRefresh,
  robowriteLiveLoader,
  robowriteLoader,
} from '../src/index.ts';
import { type Emulator, fastEmulator } from './support/emulator.ts';

const BAD_STATUS_LINE =
  'robowrite: unknown content item status "publishd" in `statuses`; allowed: draft, in_review, published, archived.';

/** A misspelled status that slips past the compiler (plain JavaScript config, or a cast). */
const misspelled = ['draft', 'publishd'] as unknown as ContentItemStatus[];

describe('the statuses option', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('is typed: a misspelled status does not compile', () => {
    // This file is type-checked (`pnpm typecheck`): the directive fails it if the option accepted
    // any string. At run time the same mistake throws, as the next test shows.
    expect(() =>
      robowriteLoader({
        // @ts-expect-error 'publishd' is not a content item status
        statuses: ['publishd'],
      }),
    ).toThrow(/"publishd"/);
  });

  it('rejects an unknown status when the loader is created: one line, no request sent', () => {
    const options = { apiKey: emu.apiKey, baseURL: emu.url, statuses: misspelled };
    for (const create of [
      () => robowriteLoader(options),
      () => robowriteLiveLoader(options),
      () => robowriteDevRefresh(options),
    ]) {
      let thrown: unknown;
      try {
        create();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toBe(BAD_STATUS_LINE);
    }
    expect(emu.stats().requests).toBe(0);
  });

  it('accepts every documented status, archived too', async () => {
    const loader = robowriteLiveLoader({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      statuses: ['draft', 'in_review', 'published', 'archived'],
    });
    const result = await loader.loadCollection({ collection: 'preview' });
    expect('entries' in result && result.entries.length).toBeGreaterThan(0);
  });

  it('a live collection filter with an unknown status is an error result, no request sent', async () => {
    const loader = robowriteLiveLoader({ apiKey: emu.apiKey, baseURL: emu.url });
    const result = await loader.loadCollection({
      collection: 'preview',
      filter: { status: 'publishd' as ContentItemStatus },
    });
    expect('error' in result && result.error).toBeInstanceOf(RobowriteLiveError);
    expect('error' in result && result.error.message).toBe(
      'robowrite: unknown content item status "publishd" in `status`; allowed: draft, in_review, published, archived.',
    );
    expect(emu.stats().requests).toBe(0);
  });
});
