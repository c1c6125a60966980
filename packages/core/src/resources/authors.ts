import type { HttpClient } from '../core/http-client.ts';
import {
  type Author,
  type AuthorCreateParams,
  type AuthorUpdateParams,
  authorCreateParams,
  authorSchema,
  authorUpdateParams,
} from '../schemas/taxonomy.ts';
import { TaxonomyResource } from './taxonomy-resource.ts';

/** `/authors`: full CRUD. */
export class Authors extends TaxonomyResource<Author, AuthorCreateParams, AuthorUpdateParams> {
  constructor(http: HttpClient) {
    super(http, {
      path: '/authors',
      idName: 'authorId',
      schema: authorSchema,
      create: authorCreateParams,
      update: authorUpdateParams,
    });
  }
}
