import { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import { pageParams } from '../schemas/common.ts';
import {
  type Property,
  type PropertyCreateParams,
  propertyCreateParams,
  propertySchema,
} from '../schemas/property.ts';
import { APIResource, checkParams, toWire } from './resource.ts';

const propertyListParams = z.strictObject({ ...pageParams });
export type PropertyListParams = z.input<typeof propertyListParams>;

export class Properties extends APIResource {
  list(params?: PropertyListParams, options?: RequestOptions): PagePromise<Property> {
    return this.paged(() => '/properties', propertySchema, propertyListParams, params, options);
  }

  retrieve(propertyId: string, options?: RequestOptions): APIPromise<Property> {
    return this.request(() => ({
      method: 'GET',
      path: `/properties/${segment(propertyId, 'propertyId')}`,
      schema: propertySchema,
      options,
    }));
  }

  /** Creates a property bound to the organization's primary brand. */
  create(params: PropertyCreateParams, options?: RequestOptions): APIPromise<Property> {
    return this.request(() => ({
      method: 'POST',
      path: '/properties',
      body: toWire(checkParams(propertyCreateParams, params, 'params')),
      schema: propertySchema,
      options,
    }));
  }
}
