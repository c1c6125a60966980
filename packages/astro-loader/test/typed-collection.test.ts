import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, fastEmulator } from './support/emulator.ts';
import { astroSync, copyTypedSite, type RunResult, typecheck } from './support/typed-site.ts';

/**
 * A site whose collection is only `defineCollection({ loader: robowriteLoader() })`, checked the
 * way a user's editor and CI check it: `astro sync` writes the `astro:content` types, then `tsc`.
 * One file reads fields that exist, another reads two that do not; only the second may fail.
 */
describe('a robowriteLoader() collection, type-checked', () => {
  let emu: Emulator;
  let site: string;
  let sync: RunResult;
  let check: RunResult;

  beforeAll(async () => {
    emu = await fastEmulator();
    site = await copyTypedSite();
    // Without the test runner's own variables: Astro changes behaviour under them.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
    );
    sync = await astroSync(site, {
      ...env,
      NODE_ENV: 'production',
      ROBOWRITE_API_KEY: emu.apiKey,
      ROBOWRITE_BASE_URL: emu.url,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    });
    check = await typecheck(site);
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('astro sync generates the collection types', () => {
    expect(sync.code, sync.output).toBe(0);
  });

  it('types entry data by robowriteSchema: right fields pass, a misspelled field and a wrong method fail', () => {
    const errors = check.output
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .map((line) => line.replace(/\(\d+,\d+\)/, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^src\/wrong-access\.ts: error TS\d+: Property 'titel' does not exist/),
      expect.stringMatching(
        /^src\/wrong-access\.ts: error TS\d+: Property 'toFixed' does not exist on type 'string'/,
      ),
    ]);
    expect(check.code).not.toBe(0);
  });
});
