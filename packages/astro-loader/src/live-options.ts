import type { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { NeutralizeOptions } from '@robowrite/core';
import type { RobowriteSourceOptions, StatusOption } from './options.ts';

/**
 * `getLiveEntry('c', 'x')` passes `{ id: 'x' }`: an item id, an entry id (what the build loader
 * and the CLI call the entry) or the item's slug, tried in that order.
 */
export interface RobowriteEntryFilter {
  id?: string;
  slug?: string;
}

export interface RobowriteCollectionFilter {
  /** One status or several; the loader's `statuses` when omitted. */
  status?: StatusOption | readonly StatusOption[];
  /** Only drafts carrying this tag. */
  tag?: string;
  /** At most this many items (each costs one request); the loader's `limit` when omitted. */
  limit?: number;
}

/** `allowRawHtml` (core's `NeutralizeOptions`): off by default, see the README's Security. */
export type RobowriteLiveLoaderOptions = RobowriteSourceOptions &
  NeutralizeOptions & {
    /** Markdown options for `@astrojs/markdown-remark` (plugins, syntax highlighting...). */
    markdown?: Parameters<typeof createMarkdownProcessor>[0];
    /** Default cap on items per `getLiveCollection` call. 20 unless set. */
    limit?: number;
    /**
     * How long, in ms, a finished listing of the drafts in scope is reused by the calls this
     * server serves (entry names need the whole listing). Concurrent calls share the one in
     * flight; an entry not found in a reused listing is looked up in a new one; a failed listing
     * is never reused. 5000 unless set; 0 lists on every call.
     */
    listingMaxAgeMs?: number;
  };
