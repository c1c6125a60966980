import { isProviderName, PROVIDER_NAMES, type ProviderName } from '@robowrite/core';

/** The provider a loader's options name (RoboWrite when none), or one line listing the names. */
export function checkedLoaderProvider(value: unknown): ProviderName {
  if (value === undefined) return 'robowrite';
  if (isProviderName(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new TypeError(
    `robowrite: \`provider\` is ${shown}; use ${PROVIDER_NAMES.map((name) => `"${name}"`).join(', ')}.`,
  );
}

/** The dialect a WriterzRoom loader uses when neither its options nor the environment name one. */
export const LOADER_WRITERZROOM_DIALECT = 'v1';

/**
 * Why a WriterzRoom dialect cannot feed a loader, in one line, or null when it can. The `api`
 * dialect (seed 000) documents no content listing: a loader, which has no record of the
 * generations the CLI started, would find nothing. Anything but `v1` and `api` is left to core's
 * client, whose line names the dialects.
 */
export function refusedDialectProblem(dialect: unknown): string | null {
  if (dialect !== 'api') return null;
  return (
    "WriterzRoom's `api` dialect has no content listing, so a loader cannot find its " +
    "drafts; use `dialect: 'v1'` (WRITERZROOM_DIALECT=v1), or pull them with the CLI " +
    '(`robowrite pull`) and load the files with a glob() collection.'
  );
}
