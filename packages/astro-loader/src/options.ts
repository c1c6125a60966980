import {
  type ContentItemStatus,
  DEFAULT_DRAFT_STATUSES,
  type Draft,
  type EntryNameSource,
  entryNameInput,
  type ClientOptions as RoboWriteOptions,
  safeEntryName,
} from '@robowrite/core';
import { statusesProblem } from './check-statuses.ts';

/**
 * A content item status: one core knows (`CONTENT_ITEM_STATUSES`, offered by the editor) or any
 * other the API may have, since the guide does not close the set.
 */
export type StatusOption = ContentItemStatus | (string & Record<never, never>);

/** What `new RoboWrite(...)` accepts, minus the two options the loaders take at top level. */
export type LoaderClientOptions = Omit<RoboWriteOptions, 'apiKey' | 'baseURL'>;

export type IncludeOption = 'scoring' | 'sources';

/**
 * How an entry's id is made: the item's slug (default) or its RoboWrite id, made safe by core's
 * `safeEntryName` (the CLI's file name rule), or your function, whose ids are used as returned.
 */
export type IdStrategy = 'slug' | 'itemId' | ((draft: Draft) => string);

/** Options both loaders and the dev refresh share: where to read and what to read. */
export interface RobowriteSourceOptions {
  /**
   * Defaults to `ROBOWRITE_API_KEY` from the environment, then from the project's `.env` (core's
   * `resolveCredentials`, as the CLI reads it), read when the loader runs.
   */
  apiKey?: string;
  /** Defaults to `ROBOWRITE_BASE_URL` (environment, then `.env`), then the production API. */
  baseURL?: string;
  /** Anything else the client takes (timeout, maxRetries, rateLimit, dispatcher, logger...). */
  clientOptions?: LoaderClientOptions;
  /** Only items of this brand (the org's items of every brand when omitted). */
  brand?: string;
  /**
   * Content item statuses to load. Defaults to core's `DEFAULT_DRAFT_STATUSES` (the same drafts
   * the CLI pulls): `draft`, `in_review` (a job that ended `awaiting_review`) and `published`.
   * Items that have no generated version yet are never loaded. Any status name: core's
   * `CONTENT_ITEM_STATUSES` or another the API has; an empty list or name throws on creation.
   */
  statuses?: readonly StatusOption[];
  /** Extra data to fetch per item; both by default, since entries carry score and sources. */
  include?: readonly IncludeOption[];
  id?: IdStrategy;
}

/** Core's `DEFAULT_DRAFT_STATUSES`, the very array the CLI pulls by default. */
export const DEFAULT_STATUSES: readonly StatusOption[] = DEFAULT_DRAFT_STATUSES;
export const DEFAULT_INCLUDE: readonly IncludeOption[] = ['scoring', 'sources'];

export interface ResolvedSourceOptions {
  brand: string | null;
  statuses: readonly StatusOption[];
  include: readonly IncludeOption[];
  id: IdStrategy;
}

export function resolveSourceOptions(options: RobowriteSourceOptions): ResolvedSourceOptions {
  const statuses = options.statuses ?? DEFAULT_STATUSES;
  const problem = statusesProblem(statuses, 'statuses');
  if (problem !== null) throw new TypeError(problem);
  // The provider takes what to include as two flags, so a name it would not know is refused here.
  const unknown = (options.include ?? []).find((name) => !DEFAULT_INCLUDE.includes(name));
  if (unknown !== undefined) {
    throw new TypeError(
      `robowrite: \`include\` holds ${JSON.stringify(unknown)}; use ${DEFAULT_INCLUDE.map((name) => `"${name}"`).join(' and/or ')}.`,
    );
  }
  return {
    brand: options.brand ?? null,
    statuses: [...new Set(statuses)].sort(),
    include: [...new Set(options.include ?? DEFAULT_INCLUDE)].sort(),
    id: options.id ?? 'slug',
  };
}

/** What names entries under the core rule: core's `EntryNameSource`, the CLI's `filename`. */
export function entryNameSource(strategy: 'slug' | 'itemId'): EntryNameSource {
  return strategy === 'itemId' ? 'id' : 'slug';
}

/**
 * The id an entry asks for before collisions are settled. A raw slug such as `.`, `..` or
 * `a/b/c` breaks Astro's routes (`Missing parameter`), so slugs and item ids go through core's
 * `entryNameInput` and safe name, as the CLI's file names do.
 */
export function entryIdFor(draft: Draft, strategy: IdStrategy): string {
  if (typeof strategy === 'function') return strategy(draft);
  return safeEntryName(entryNameInput(draft, entryNameSource(strategy)).slug);
}
