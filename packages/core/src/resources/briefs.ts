import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import {
  type Brief,
  type BriefCreateParams,
  type BriefListParams,
  type BriefSection,
  type BriefUpdateParams,
  briefCreateParams,
  briefListParams,
  briefSchema,
  briefSectionSchema,
  briefUpdateParams,
} from '../schemas/brief.ts';
import { APIResource, checkParams, toWire } from './resource.ts';

export class Briefs extends APIResource {
  /**
   * Creates a brief. The API does not dedupe this route, so a lost response is not retried:
   * it surfaces as an error rather than risking a duplicate brief. (A 429 is: nothing ran.)
   */
  create(params: BriefCreateParams, options?: RequestOptions): APIPromise<Brief> {
    return this.request(() => ({
      method: 'POST',
      path: '/briefs',
      body: toWire(checkParams(briefCreateParams, params, 'params')),
      schema: briefSchema,
      options,
    }));
  }

  list(params?: BriefListParams, options?: RequestOptions): PagePromise<Brief> {
    return this.paged(() => '/briefs', briefSchema, briefListParams, params, options);
  }

  retrieve(briefId: string, options?: RequestOptions): APIPromise<Brief> {
    return this.request(() => ({
      method: 'GET',
      path: `/briefs/${segment(briefId, 'briefId')}`,
      schema: briefSchema,
      options,
    }));
  }

  /** Section breakdown: a bare array. */
  sections(briefId: string, options?: RequestOptions): APIPromise<BriefSection[]> {
    return this.request(() => ({
      method: 'GET',
      path: `/briefs/${segment(briefId, 'briefId')}/sections`,
      schema: z.array(briefSectionSchema),
      options,
    }));
  }

  /** Edits a brief; the API versions every edit. */
  update(briefId: string, params: BriefUpdateParams, options?: RequestOptions): APIPromise<Brief> {
    return this.request(() => ({
      method: 'PATCH',
      path: `/briefs/${segment(briefId, 'briefId')}`,
      body: toWire(checkParams(briefUpdateParams, params, 'params')),
      schema: briefSchema,
      options,
    }));
  }
}
