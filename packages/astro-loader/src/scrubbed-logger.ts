import { scrubText } from '@robowrite/core';

/** The four methods of Astro's integration logger the loader uses. */
export type LogLines = Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void>;

/**
 * A logger whose every line is scrubbed of the key and of terminal controls before Astro prints
 * it: lines quote the API (ids, slugs, errors, the client's retry notes), and a server's text must
 * not reach the terminal raw, where it could clear the screen or fake a result.
 */
export function scrubbedLogger(logger: LogLines, apiKey: string | undefined): LogLines {
  const clean = (message: string) => scrubText(message, [apiKey]);
  return {
    debug: (message) => logger.debug(clean(message)),
    info: (message) => logger.info(clean(message)),
    warn: (message) => logger.warn(clean(message)),
    error: (message) => logger.error(clean(message)),
  };
}
