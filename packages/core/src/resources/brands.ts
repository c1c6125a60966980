import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import {
  type Brand,
  type BrandKeywords,
  brandKeywordsSchema,
  brandSchema,
} from '../schemas/brand.ts';
import { pageParams } from '../schemas/common.ts';
import { APIResource } from './resource.ts';

const brandListParams = z.strictObject({ ...pageParams });
export type BrandListParams = z.input<typeof brandListParams>;

export class Brands extends APIResource {
  list(params?: BrandListParams, options?: RequestOptions): PagePromise<Brand> {
    return this.paged(() => '/brands', brandSchema, brandListParams, params, options);
  }

  retrieve(brandId: string, options?: RequestOptions): APIPromise<Brand> {
    return this.request(() => ({
      method: 'GET',
      path: `/brands/${segment(brandId, 'brandId')}`,
      schema: brandSchema,
      options,
    }));
  }

  /** Keyword inventory and market data: the documented custom shape, not a list envelope. */
  keywords(brandId: string, options?: RequestOptions): APIPromise<BrandKeywords> {
    return this.request(() => ({
      method: 'GET',
      path: `/brands/${segment(brandId, 'brandId')}/keywords`,
      schema: brandKeywordsSchema,
      options,
    }));
  }
}
