import type { ProviderV1 } from '../../provider/v1/provider-v1.ts';

/**
 * What a provider takes: a client owned elsewhere (the provider never closes it: a loader
 * factory's cached client, a test's), or the options of a client the provider creates and closes.
 */
export type GivenClientOrOptions<Settings, Client, ClientOptions> =
  | (Settings & { client: Client })
  | (Settings & ClientOptions & { client?: undefined });

interface ProviderClient {
  requestCount(): number;
  close(): Promise<void>;
}

/** The provider's `requestCount` and `close`: only a client it created itself is closed. */
export function clientLifetime(
  client: ProviderClient,
  given: ProviderClient | undefined,
): Pick<ProviderV1, 'requestCount' | 'close'> {
  return {
    requestCount: () => client.requestCount(),
    close: async () => {
      if (!given) await client.close();
    },
  };
}
