import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RobowriteLoaderOptions, RobowriteSyncError, robowriteLoader } from '../src/index.ts';
import { type Emulator, fastEmulator } from './support/emulator.ts';
import { type MockContext, mockContext } from './support/mock-context.ts';

async function failedSync(options: RobowriteLoaderOptions, context: MockContext = mockContext()) {
  const error = await robowriteLoader(options)
    .load(context)
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(RobowriteSyncError);
  return error as RobowriteSyncError;
}

/** The hint under a failed sync names what to check for that failure, not every setting. */
describe('the hint of a failed sync', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await fastEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });

  const KEY_HINT = "Check ROBOWRITE_API_KEY (the environment, then the project's .env).";

  it('a refused key points at the key', async () => {
    const { hint } = await failedSync({ apiKey: 'rw_test_revoked', baseURL: emu.url });
    expect(hint).toBe(KEY_HINT);
  });

  it('no key points at the key too', async () => {
    const saved = process.env.ROBOWRITE_API_KEY;
    delete process.env.ROBOWRITE_API_KEY;
    try {
      const { hint } = await failedSync({ baseURL: emu.url });
      expect(hint).toBe(KEY_HINT);
    } finally {
      if (saved !== undefined) process.env.ROBOWRITE_API_KEY = saved;
    }
  });

  it('an unreachable API points at the base URL', async () => {
    const closed = emu.url;
    await emu.close();
    emu = await fastEmulator();
    const { hint } = await failedSync({
      apiKey: emu.apiKey,
      baseURL: closed,
      clientOptions: { maxRetries: 0 },
    });
    expect(hint).toBe(
      'Check ROBOWRITE_BASE_URL and that the API is reachable (the emulator prints it when it starts).',
    );
  });

  it('a refused request points at the loader options, not at the key', async () => {
    // A status name longer than the API takes: the emulator answers 422 for an open value over
    // 100 characters.
    const { hint } = await failedSync({
      apiKey: emu.apiKey,
      baseURL: emu.url,
      statuses: ['x'.repeat(101)],
    });
    expect(hint).toBe(
      'The request made from the loader options was refused: check `brand`, `statuses` and `include`.',
    );
  });

  it('with entries to keep, it also offers keepStaleOnError', async () => {
    const context = mockContext();
    await robowriteLoader({ apiKey: emu.apiKey, baseURL: emu.url }).load(context);
    const { hint } = await failedSync({ apiKey: 'rw_test_revoked', baseURL: emu.url }, context);
    expect(hint).toBe(
      `${KEY_HINT} Or set \`keepStaleOnError: true\` on the loader to build with the last synced entries.`,
    );
  });
});
