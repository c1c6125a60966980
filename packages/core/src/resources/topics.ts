import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import { pageParams } from '../schemas/common.ts';
import { type ContentItemSummary, contentItemSummarySchema } from '../schemas/content.ts';
import {
  type Topic,
  type TopicCreateParams,
  type TopicListParams,
  type TopicScore,
  topicCreateParams,
  topicListParams,
  topicSchema,
  topicScoreSchema,
} from '../schemas/topic.ts';
import { APIResource, checkParams, toWire } from './resource.ts';

const topicContentParams = z.strictObject({ ...pageParams });
export type TopicContentParams = z.input<typeof topicContentParams>;

export class Topics extends APIResource {
  /** `brandId` is required; filters and sort are typed. */
  list(params: TopicListParams, options?: RequestOptions): PagePromise<Topic> {
    return this.paged(() => '/topics', topicSchema, topicListParams, params, options);
  }

  retrieve(topicId: string, options?: RequestOptions): APIPromise<Topic> {
    return this.request(() => ({
      method: 'GET',
      path: `/topics/${segment(topicId, 'topicId')}`,
      schema: topicSchema,
      options,
    }));
  }

  /** Content generated from a topic. */
  content(
    topicId: string,
    params?: TopicContentParams,
    options?: RequestOptions,
  ): PagePromise<ContentItemSummary> {
    return this.paged(
      () => `/topics/${segment(topicId, 'topicId')}/content`,
      contentItemSummarySchema,
      topicContentParams,
      params,
      options,
    );
  }

  /** Cached opportunity scores: a bare array. */
  scores(topicId: string, options?: RequestOptions): APIPromise<TopicScore[]> {
    return this.request(() => ({
      method: 'GET',
      path: `/topics/${segment(topicId, 'topicId')}/scores`,
      schema: z.array(topicScoreSchema),
      options,
    }));
  }

  /**
   * Creates a topic from your own input. A fresh topic has no decision band, so it is eligible
   * for autopilot. Sent with an Idempotency-Key (generated unless given) so a retry never
   * creates two.
   */
  create(brandId: string, params: TopicCreateParams, options?: RequestOptions): APIPromise<Topic> {
    return this.request(() => ({
      method: 'POST',
      path: `/brands/${segment(brandId, 'brandId')}/topics`,
      body: toWire(checkParams(topicCreateParams, params, 'params')),
      schema: topicSchema,
      idempotent: true,
      options,
    }));
  }
}
