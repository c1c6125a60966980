import type { ProviderCallOptions } from './provider-v1.ts';

/** Where an item stands at the API after a publishing call. */
export interface PublishedItem {
  /** The draft's id (the item id). */
  id: string;
  /** The item's status as the API answered it, scrubbed of the key and terminal controls. */
  status: string;
}

/**
 * Telling the API what went live. The site's repository is the CMS: a merge publishes, and this
 * reports it back so the API's dashboard shows what is live. Optional on `ProviderV1`: an API
 * with no route that sets a published state (WriterzRoom, Writer) leaves it out, and the engine
 * says so and skips.
 */
export interface PublishingV1 {
  /** Sets the draft's item to the API's published state. Setting it twice is harmless. */
  publish(draftId: string, options?: ProviderCallOptions): Promise<PublishedItem>;
  /**
   * Takes a published draft off the API's live list without deleting it (the API's archived
   * state), for a file deleted on the published branch; absent where the API cannot.
   */
  archive?(draftId: string, options?: ProviderCallOptions): Promise<PublishedItem>;
}
