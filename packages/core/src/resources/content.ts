import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import { type Deleted, deletedSchema } from '../schemas/common.ts';
import {
  type ContentCreateParams,
  type ContentItem,
  type ContentItemSummary,
  type ContentListParams,
  type ContentRetrieveParams,
  type ContentUpdateParams,
  contentCreateParams,
  contentItemSchema,
  contentItemSummarySchema,
  contentListParams,
  contentRetrieveParams,
  contentUpdateParams,
  type GenerateItemParams,
  type GenerateParams,
  generateItemParams,
  generateParams,
} from '../schemas/content.ts';
import { type JobCreated, jobCreatedSchema } from '../schemas/job.ts';
import { APIResource, checkParams, toWire } from './resource.ts';

export class Content extends APIResource {
  /** Content item summaries, filtered by `status`, `contentType`, `propertyId`, `briefId`. */
  list(params?: ContentListParams, options?: RequestOptions): PagePromise<ContentItemSummary> {
    return this.paged(
      () => '/content',
      contentItemSummarySchema,
      contentListParams,
      params,
      options,
    );
  }

  /** An item with all its versions; `include: ['scoring', 'sources']` adds both per version. */
  retrieve(
    itemId: string,
    params?: ContentRetrieveParams,
    options?: RequestOptions,
  ): APIPromise<ContentItem> {
    return this.request(() => {
      const { include } = checkParams(contentRetrieveParams, params ?? {}, 'params');
      return {
        method: 'GET',
        path: `/content/${segment(itemId, 'itemId')}`,
        query: { include: include && include.length > 0 ? [...new Set(include)] : undefined },
        schema: contentItemSchema,
        options,
      };
    });
  }

  /**
   * Creates a content item from a brief and a property. The API requires an Idempotency-Key
   * here; one is generated per call (reused on its retries) unless you pass your own.
   */
  create(params: ContentCreateParams, options?: RequestOptions): APIPromise<ContentItem> {
    return this.request(() => ({
      method: 'POST',
      path: '/content/items',
      body: toWire(checkParams(contentCreateParams, params, 'params')),
      schema: contentItemSchema,
      idempotent: true,
      options,
    }));
  }

  update(
    itemId: string,
    params: ContentUpdateParams,
    options?: RequestOptions,
  ): APIPromise<ContentItem> {
    return this.request(() => ({
      method: 'PATCH',
      path: `/content/items/${segment(itemId, 'itemId')}`,
      body: toWire(checkParams(contentUpdateParams, params, 'params')),
      schema: contentItemSchema,
      options,
    }));
  }

  /** Soft-deletes an item. */
  delete(itemId: string, options?: RequestOptions): APIPromise<Deleted> {
    return this.request(() => ({
      method: 'DELETE',
      path: `/content/items/${segment(itemId, 'itemId')}`,
      schema: deletedSchema,
      options,
    }));
  }

  /**
   * Topic autopilot: `202` with a job to poll (`client.jobs.waitFor`). The body is exactly
   * `{ topic_id }`. A new key per call unless you pass one: a same-key call replays the first
   * result, so use a fresh key whenever you mean a new run.
   */
  generate(params: GenerateParams, options?: RequestOptions): APIPromise<JobCreated> {
    return this.request(() => ({
      method: 'POST',
      path: '/content/generate',
      body: toWire(checkParams(generateParams, params, 'params')),
      schema: jobCreatedSchema,
      idempotent: true,
      options,
    }));
  }

  /** Generates, rewrites or varies an item, with optional `direction` and `citationMode`. */
  generateItem(
    itemId: string,
    params?: GenerateItemParams,
    options?: RequestOptions,
  ): APIPromise<JobCreated> {
    return this.request(() => ({
      method: 'POST',
      path: `/content/items/${segment(itemId, 'itemId')}/generate`,
      body: toWire(checkParams(generateItemParams, params ?? {}, 'params')),
      schema: jobCreatedSchema,
      idempotent: true,
      options,
    }));
  }
}
