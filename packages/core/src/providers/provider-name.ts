import { RoboWriteError } from '../core/errors.ts';

/** The content APIs core has a provider for: the `provider` a config or a loader names. */
export type ProviderName = 'robowrite' | 'writerzroom' | 'writer';

export const PROVIDER_NAMES: readonly ProviderName[] = Object.freeze([
  'robowrite',
  'writerzroom',
  'writer',
]);

/** What messages call each API (its own spelling). */
export const PROVIDER_LABELS: Readonly<Record<ProviderName, string>> = Object.freeze({
  robowrite: 'RoboWrite',
  writerzroom: 'WriterzRoom',
  writer: 'Writer',
});

export function isProviderName(value: unknown): value is ProviderName {
  return (PROVIDER_NAMES as readonly unknown[]).includes(value);
}

/** A provider name from untrusted configuration, or one line saying which names exist. */
export function checkedProviderName(value: unknown): ProviderName {
  if (isProviderName(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new RoboWriteError(`provider ${shown} is not one of ${PROVIDER_NAMES.join(', ')}`);
}
