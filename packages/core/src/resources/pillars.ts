import type { HttpClient } from '../core/http-client.ts';
import {
  type Pillar,
  type PillarCreateParams,
  type PillarUpdateParams,
  pillarCreateParams,
  pillarSchema,
  pillarUpdateParams,
} from '../schemas/taxonomy.ts';
import { TaxonomyResource } from './taxonomy-resource.ts';

/** `/pillars`: full CRUD. */
export class Pillars extends TaxonomyResource<Pillar, PillarCreateParams, PillarUpdateParams> {
  constructor(http: HttpClient) {
    super(http, {
      path: '/pillars',
      idName: 'pillarId',
      schema: pillarSchema,
      create: pillarCreateParams,
      update: pillarUpdateParams,
    });
  }
}
