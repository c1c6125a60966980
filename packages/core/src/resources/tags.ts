import type { HttpClient } from '../core/http-client.ts';
import {
  type Tag,
  type TagCreateParams,
  type TagUpdateParams,
  tagCreateParams,
  tagSchema,
  tagUpdateParams,
} from '../schemas/taxonomy.ts';
import { TaxonomyResource } from './taxonomy-resource.ts';

/** `/tags`: full CRUD. */
export class Tags extends TaxonomyResource<Tag, TagCreateParams, TagUpdateParams> {
  constructor(http: HttpClient) {
    super(http, {
      path: '/tags',
      idName: 'tagId',
      schema: tagSchema,
      create: tagCreateParams,
      update: tagUpdateParams,
    });
  }
}
