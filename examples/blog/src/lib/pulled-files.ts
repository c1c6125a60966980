import { glob, type Loader, type LoaderContext } from 'astro/loaders';

/** What glob() says when its pattern matched nothing (Astro 7's wording). */
const NOTHING_MATCHED = 'No files found matching';

/**
 * Astro's glob() over a folder `robowrite pull` fills. Before the first pull the folder is empty
 * on purpose (a fresh clone, a provider not used yet), so glob()'s "no files found" warning is
 * left out; every other message (a missing folder, a bad file) still comes through.
 */
export function pulledFiles(base: string): Loader {
  const inner = glob({ pattern: '**/*.md', base });
  return {
    ...inner,
    load: async (context) => {
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.warn = (message: string) => {
        if (!message.startsWith(NOTHING_MATCHED)) context.logger.warn(message);
      };
      await inner.load({ ...context, logger });
      if (context.store.keys().length === 0) markEmpty(context.store);
    },
  };
}

/**
 * Astro keeps no record of a collection without entries, so `getCollection` would warn that it
 * "does not exist or is empty" on every page that lists it. Setting and removing one entry leaves
 * the collection recorded, and empty.
 */
function markEmpty(store: LoaderContext['store']): void {
  store.set({ id: EMPTY_MARKER, data: {} });
  store.delete(EMPTY_MARKER);
}

const EMPTY_MARKER = 'robowrite-empty-folder';
