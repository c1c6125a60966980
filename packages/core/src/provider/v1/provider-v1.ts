import type { Draft } from '../../draft/draft.ts';
import type { DraftSummary } from './draft-summary.ts';
import type { GenerationV1 } from './generation.ts';
import type { JobSnapshot } from './job-snapshot.ts';
import type { PublishingV1 } from './publishing.ts';

/** Per-call options every provider method takes. */
export interface ProviderCallOptions {
  signal?: AbortSignal | undefined;
}

/** Which drafts a site syncs: the statuses to list and, where the API has brands, one brand. */
export interface DraftScope {
  /** Provider statuses to list (RoboWrite content item statuses, Writer job statuses...). */
  statuses: readonly string[];
  /** Only this brand's drafts; null for all. Providers without brands ignore it. */
  brand: string | null;
}

/** What a retrieved draft carries besides its body, where the provider has it. */
export interface RetrieveDraftOptions extends ProviderCallOptions {
  scoring?: boolean | undefined;
  sources?: boolean | undefined;
}

/**
 * Version 1 of the contract every content API implements, the one seam between an API and the
 * sync engine (the CLI's pull, the Astro loaders). Shaped by the three seed APIs, not by one:
 * - RoboWrite lists content items per status, each with a change marker, and generates through
 *   topic or brief flows;
 * - WriterzRoom's newest dialect has no content listing at all: a draft is the result of a
 *   generation request robowrite started, and its id is the request id;
 * - Writer lists jobs per application; a completed job's output is the draft.
 * A provider speaks its API's wire format, maps results onto the provider-neutral `Draft`, and
 * never touches files, state or Astro: deciding what to do with a draft is the engine's job.
 */
export interface ProviderV1 {
  readonly specificationVersion: 'v1';
  /** The provider's name, the `provider` field of every draft it returns ("robowrite"). */
  readonly name: string;
  /**
   * How much `listDrafts` sees:
   * - 'complete': every draft in scope, so a tracked draft no longer listed is gone upstream and
   *   a pull may delete its entry;
   * - 'none': the API has no content listing (WriterzRoom's newest dialect): `listDrafts` yields
   *   nothing, a pull collects only the generations it started, and never deletes on absence.
   */
  readonly listing: 'complete' | 'none';
  /**
   * The drafts in scope, a page at a time, each with its change marker. The same id never comes
   * twice. A failure part-way throws: the engine then treats the listing as incomplete.
   */
  listDrafts(scope: DraftScope, options?: ProviderCallOptions): AsyncIterable<DraftSummary[]>;
  /**
   * One draft, mapped onto `Draft`. Null when the item exists but holds no draft yet (created,
   * never generated). Throws the client's `NotFoundError` when the id is unknown upstream.
   */
  retrieveDraft(id: string, options?: RetrieveDraftOptions): Promise<Draft | null>;
  /** Where a generation job stands. */
  retrieveJob(jobId: string, options?: ProviderCallOptions): Promise<JobSnapshot>;
  /** Starting generations; absent when the API cannot start one. */
  readonly generation?: GenerationV1 | undefined;
  /** Telling the API what went live; absent when the API has no route that sets it. */
  readonly publishing?: PublishingV1 | undefined;
  /** Requests this provider's client has sent so far (watch mode budgets by it). */
  requestCount(): number;
  /** Releases the connections (a no-op when the client was passed in and is owned elsewhere). */
  close(): Promise<void>;
}
