import type { HttpClient } from '../core/http-client.ts';
import {
  type Category,
  type CategoryCreateParams,
  type CategoryUpdateParams,
  categoryCreateParams,
  categorySchema,
  categoryUpdateParams,
} from '../schemas/taxonomy.ts';
import { TaxonomyResource } from './taxonomy-resource.ts';

/** `/categories`: full CRUD. */
export class Categories extends TaxonomyResource<
  Category,
  CategoryCreateParams,
  CategoryUpdateParams
> {
  constructor(http: HttpClient) {
    super(http, {
      path: '/categories',
      idName: 'categoryId',
      schema: categorySchema,
      create: categoryCreateParams,
      update: categoryUpdateParams,
    });
  }
}
