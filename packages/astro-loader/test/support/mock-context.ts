import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { robowriteSchema } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';

type DataStore = LoaderContext['store'];
type MetaStore = LoaderContext['meta'];
type DataEntry = NonNullable<ReturnType<DataStore['get']>>;

/**
 * A stand-in for the context Astro's content layer hands a loader: a store and a meta store with
 * the semantics of Astro's MutableDataStore (`set` ignores an entry whose digest is unchanged),
 * a logger that records lines, and counters for the calls that cost work (renders, parses).
 * The store and meta are plain maps so a test can carry them from one sync to the next, the way
 * Astro persists them between builds.
 */
export interface MockContext extends LoaderContext {
  entries: Map<string, DataEntry>;
  metaValues: Map<string, string>;
  logs: { level: 'info' | 'warn' | 'error' | 'debug'; message: string }[];
  renders: number;
  parses: number;
}

export interface Persisted {
  entries: Map<string, DataEntry>;
  metaValues: Map<string, string>;
}

const renderer = createMarkdownProcessor();
/** The project root of a context that names none: a folder that does not exist, so no `.env`. */
const NO_PROJECT = join(tmpdir(), `robowrite-no-project-${process.pid}`);

export interface MockContextOptions {
  collection?: string;
  /** The Astro project root (`config.root`), where the loader looks for `.env`. */
  root?: string;
}

export function mockContext(
  persisted?: Persisted,
  { collection = 'api', root = NO_PROJECT }: MockContextOptions = {},
): MockContext {
  const entries = persisted?.entries ?? new Map<string, DataEntry>();
  const metaValues = persisted?.metaValues ?? new Map<string, string>();
  const store: DataStore = {
    // The store is untyped underneath, as Astro's is; callers name the data type they expect.
    get: (key: string) => entries.get(key) as never,
    entries: () => [...entries.entries()],
    set: (entry) => {
      const existing = entries.get(entry.id);
      if (existing?.digest !== undefined && existing.digest === entry.digest) return false;
      entries.set(entry.id, entry as DataEntry);
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key) => {
      entries.delete(key);
    },
    clear: () => entries.clear(),
    has: (key) => entries.has(key),
    addModuleImport: () => {},
  };
  const meta: MetaStore = {
    get: (key) => metaValues.get(key),
    set: (key, value) => {
      metaValues.set(key, value);
    },
    has: (key) => metaValues.has(key),
    delete: (key) => {
      metaValues.delete(key);
    },
  };
  const logs: MockContext['logs'] = [];
  const log =
    (level: MockContext['logs'][number]['level']) =>
    (message: string): void => {
      logs.push({ level, message });
    };
  const logger = {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    options: {},
    label: 'robowrite',
    fork: () => logger,
  } as unknown as LoaderContext['logger'];

  const context: MockContext = {
    collection,
    store,
    meta,
    logger,
    // Only the root: the one config value the loader reads. Astro's ends in a slash, as here.
    config: { root: pathToFileURL(`${root}/`) } as LoaderContext['config'],
    entries,
    metaValues,
    logs,
    renders: 0,
    parses: 0,
    parseData: async ({ data }) => {
      context.parses++;
      return robowriteSchema.parse(data) as unknown as typeof data;
    },
    renderMarkdown: async (content) => {
      context.renders++;
      const { code, metadata } = await (await renderer).render(content);
      return { html: code, metadata: { headings: metadata.headings } };
    },
    generateDigest: (data) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex')
        .slice(0, 16),
  };
  return context;
}
