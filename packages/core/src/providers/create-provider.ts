import { checkedProviderName, type ProviderName } from './provider-name.ts';
import {
  createRoboWriteProvider,
  type RoboWriteProvider,
  type RoboWriteProviderOptions,
} from './robowrite/create-provider.ts';
import {
  createWriterProvider,
  type WriterProvider,
  type WriterProviderOptions,
} from './writer/create-provider.ts';
import {
  createWriterzRoomProvider,
  type WriterzRoomProvider,
  type WriterzRoomProviderOptions,
} from './writerzroom/create-provider.ts';

/**
 * A provider's configuration: which API (`provider`) and that provider's own options
 * (credentials, `baseURL`, client options; `dialect` for WriterzRoom, `applicationIds` for
 * Writer; or a `client` owned elsewhere).
 */
export type ProviderSettings =
  | ({ provider: 'robowrite' } & RoboWriteProviderOptions)
  | ({ provider: 'writerzroom' } & WriterzRoomProviderOptions)
  | ({ provider: 'writer' } & WriterProviderOptions);

/** The provider type `createProvider` returns for a name. */
export type ProviderFor<P extends ProviderName> = P extends 'writerzroom'
  ? WriterzRoomProvider
  : P extends 'writer'
    ? WriterProvider
    : RoboWriteProvider;

/**
 * The one place configuration becomes a provider, for the CLI and the Astro loaders alike. The
 * name is checked (one line listing the names, for a config file's typo); each provider checks
 * its own options as its constructor does. Options left out fall back to the provider's
 * environment variables, as each client does; callers that read `.env` too pass what core's
 * `resolveCredentials({ provider })` found.
 */
export function createProvider<S extends ProviderSettings>(
  settings: S,
): ProviderFor<S['provider']> {
  const { provider, ...options } = settings;
  const name = checkedProviderName(provider);
  if (name === 'writerzroom') {
    return createWriterzRoomProvider(options as WriterzRoomProviderOptions) as ProviderFor<
      S['provider']
    >;
  }
  if (name === 'writer') {
    return createWriterProvider(options as WriterProviderOptions) as ProviderFor<S['provider']>;
  }
  return createRoboWriteProvider(options as RoboWriteProviderOptions) as ProviderFor<S['provider']>;
}
