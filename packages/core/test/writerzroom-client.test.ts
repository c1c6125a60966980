import { describe, expect, it } from 'vitest';
import { RequestValidationError, RoboWriteError, WriterzRoom } from '../src/index.ts';

const KEY = 'wzr_live_demo_7f3a9c1e5b2d4086';

describe('WriterzRoom client options', () => {
  it('refuses a missing or spaced key, an unknown dialect and plain http off loopback', () => {
    const make = (options: ConstructorParameters<typeof WriterzRoom>[0]) => () =>
      new WriterzRoom({ baseURL: 'http://127.0.0.1:1', ...options });
    expect(make({ apiKey: '' })).toThrow(/missing WriterzRoom API key/);
    expect(make({ apiKey: `${KEY}\n` })).toThrow(/whitespace/);
    expect(make({ apiKey: KEY, dialect: 'v2' as never })).toThrow(/dialect must be one of api, v1/);
    expect(make({ apiKey: KEY, baseURL: 'http://api.writerzroom.com' })).toThrow(
      /refusing to send the API key over plain http/,
    );
    expect(make({ apiKey: KEY, timeout: 0 })).toThrow(RoboWriteError);
  });

  it('defaults to the newest dialect and keeps the key out of its JSON', async () => {
    const client = new WriterzRoom({ apiKey: KEY, baseURL: 'https://api.writerzroom.com/' });
    expect(client.dialect).toBe('api');
    expect(client.baseURL).toBe('https://api.writerzroom.com');
    expect(JSON.stringify(client)).not.toContain(KEY);
    // The api dialect documents no content routes: refused before any request.
    await expect(client.listContent()).rejects.toBeInstanceOf(RequestValidationError);
    expect(client.requestCount()).toBe(0);
    await client.close();
  });
});
