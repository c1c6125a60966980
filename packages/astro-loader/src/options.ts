import {
  type ContentItemStatus,
  DEFAULT_DRAFT_STATUSES,
  type Draft,
  defaultDraftStatuses,
  type EntryNameSource,
  entryNameInput,
  type ProviderName,
  type ClientOptions as RoboWriteOptions,
  safeEntryName,
  type WriterOptions,
  type WriterzRoomOptions,
} from '@robowrite/core';
import { statusesProblem } from './check-statuses.ts';
import { checkedLoaderProvider, refusedDialectProblem } from './provider-choice.ts';

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

/** What every provider's loaders share: the key, the API's origin and what to load. */
interface SharedSourceOptions {
  /**
   * Defaults to the provider's key variable (`ROBOWRITE_API_KEY`, `WRITERZROOM_API_KEY`,
   * `WRITER_API_KEY`) from the environment, then from the project's `.env` (core's
   * `resolveCredentials`, as the CLI reads it), read when the loader runs.
   */
  apiKey?: string;
  /** Defaults to the provider's base URL variable (environment, then `.env`), then production. */
  baseURL?: string;
  /**
   * Statuses to load. Defaults to core's `defaultDraftStatuses(provider)` (the same drafts the
   * CLI pulls): for RoboWrite `draft`, `in_review` (a job that ended `awaiting_review`) and
   * `published`; `completed` for WriterzRoom and Writer. Items that have no generated version yet
   * are never loaded. Any status name; an empty list or name throws on creation.
   */
  statuses?: readonly StatusOption[];
  /** Extra data to fetch per item (RoboWrite); both by default, since entries carry score and sources. */
  include?: readonly IncludeOption[];
  id?: IdStrategy;
}

/** RoboWrite (the default provider). */
export interface RoboWriteSourceOptions extends SharedSourceOptions {
  provider?: 'robowrite';
  /** Anything else the client takes (timeout, maxRetries, rateLimit, dispatcher, logger...). */
  clientOptions?: LoaderClientOptions;
  /** Only items of this brand (the org's items of every brand when omitted). */
  brand?: string;
}

/**
 * WriterzRoom, in its `v1` dialect: the only one with a content listing (`GET /v1/content`). The
 * newest `api` dialect has none, so a loader could not find its drafts: it is refused.
 */
export interface WriterzRoomSourceOptions extends SharedSourceOptions {
  provider: 'writerzroom';
  /** Defaults to `WRITERZROOM_DIALECT` (environment, then `.env`), then `v1`. */
  dialect?: 'v1';
  /** Anything else the WriterzRoom client takes (timeout, maxRetries, rateLimit, logger...). */
  clientOptions?: Omit<WriterzRoomOptions, 'apiKey' | 'baseURL' | 'dialect'>;
}

/** Writer: the completed jobs of the configured applications (no-code agents). */
export interface WriterSourceOptions extends SharedSourceOptions {
  provider: 'writer';
  /** Defaults to `[WRITER_APPLICATION_ID]` (environment, then `.env`). */
  applicationIds?: readonly string[];
  /** Anything else the Writer client takes (timeout, maxRetries, rateLimit, logger...). */
  clientOptions?: Omit<WriterOptions, 'apiKey' | 'baseURL'>;
}

/** Options both loaders and the dev refresh share: which API, where to read and what to read. */
export type RobowriteSourceOptions =
  | RoboWriteSourceOptions
  | WriterzRoomSourceOptions
  | WriterSourceOptions;

/** Core's `DEFAULT_DRAFT_STATUSES`, the very array the CLI pulls by default (RoboWrite). */
export const DEFAULT_STATUSES: readonly StatusOption[] = DEFAULT_DRAFT_STATUSES;
export const DEFAULT_INCLUDE: readonly IncludeOption[] = ['scoring', 'sources'];

export interface ResolvedSourceOptions {
  provider: ProviderName;
  brand: string | null;
  statuses: readonly StatusOption[];
  include: readonly IncludeOption[];
  id: IdStrategy;
}

export function resolveSourceOptions(options: RobowriteSourceOptions): ResolvedSourceOptions {
  const provider = checkedLoaderProvider(options.provider);
  if (options.provider === 'writerzroom') {
    const problem = refusedDialectProblem(options.dialect);
    if (problem !== null) throw new TypeError(`robowrite: ${problem}`);
  }
  const statuses = options.statuses ?? defaultDraftStatuses(provider);
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
    provider,
    brand:
      options.provider === undefined || options.provider === 'robowrite'
        ? (options.brand ?? null)
        : null,
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
