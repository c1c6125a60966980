import { errorLine, PROVIDER_LABELS } from '@robowrite/core';
import type { AstroIntegrationLogger } from 'astro';
import { loaderCredentials, type ProviderCache } from './client.ts';
import { draftsFingerprint } from './drafts-fingerprint.ts';
import { listedDrafts } from './listed-drafts.ts';
import type { ResolvedSourceOptions, RobowriteSourceOptions } from './options.ts';

export interface DevPollSettings {
  options: RobowriteSourceOptions;
  scope: ResolvedSourceOptions;
  /** The Astro project root, where `.env` is looked for (as the build loader does). */
  root: string;
  providers: ProviderCache;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>;
  /** Refreshes the collections that use `robowriteLoader`. */
  refresh: () => Promise<void>;
}

/**
 * One poll of the dev refresh, for `pollEvery`: lists what is in scope and refreshes the content
 * when it changed since the last poll. A failure is logged once until the API answers again;
 * never thrown.
 */
export function devPoll(settings: DevPollSettings): (active: () => boolean) => Promise<void> {
  const { options, scope, root, providers, logger } = settings;
  const label = PROVIDER_LABELS[scope.provider];
  let last: string | null = null;
  let failing = false;
  return async (active) => {
    const credentials = await loaderCredentials(options, root);
    try {
      const fingerprint = draftsFingerprint(
        await listedDrafts(providers.providerFor(credentials), scope),
      );
      if (failing) logger.info(`${label} reachable again`);
      failing = false;
      // The first poll only records what the initial sync already loaded.
      if (last !== null && fingerprint !== last && active()) {
        logger.info(`${label} drafts changed: refreshing content`);
        await settings.refresh();
      }
      last = fingerprint;
    } catch (error) {
      // A poll cut short by a stop (its client closed under it) has nothing to report.
      if (!active()) return;
      if (!failing) {
        const reason = errorLine(error, { secrets: [credentials.apiKey] });
        logger.warn(`polling ${label} failed: ${reason}`);
      }
      failing = true;
    }
  };
}
