import { DEFAULT_STATUSES as LOADER_DEFAULT_STATUSES } from '@robowrite/astro-loader';
import { DEFAULT_DRAFT_STATUSES } from '@robowrite/core';
import { DEFAULT_STATUSES as CLI_DEFAULT_STATUSES, configSchema } from '@robowrite/sync-cli';
import { describe, expect, it } from 'vitest';

// The CLI and the loader once defaulted to different statuses, so the example blog's synced
// files and its API collection showed different posts: both must take core's one definition.
describe('default content item statuses', () => {
  it('are the same array in the CLI, the Astro loader and core', () => {
    expect(CLI_DEFAULT_STATUSES).toBe(DEFAULT_DRAFT_STATUSES);
    expect(LOADER_DEFAULT_STATUSES).toBe(DEFAULT_DRAFT_STATUSES);
    expect([...DEFAULT_DRAFT_STATUSES]).toEqual(['draft', 'in_review', 'published']);
  });

  it('are what a CLI config without `statuses` pulls', () => {
    expect(configSchema.parse({}).statuses).toEqual([...DEFAULT_DRAFT_STATUSES]);
  });
});
