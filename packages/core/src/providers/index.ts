export { createProvider, type ProviderFor, type ProviderSettings } from './create-provider.ts';
export { defaultDraftStatuses } from './default-statuses.ts';
export {
  checkedProviderName,
  isProviderName,
  PROVIDER_LABELS,
  PROVIDER_NAMES,
  type ProviderName,
} from './provider-name.ts';
export { statusesWarning } from './statuses-warning.ts';
