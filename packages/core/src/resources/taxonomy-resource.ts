import type { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { HttpClient, RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import { type Deleted, deletedSchema } from '../schemas/common.ts';
import { type TaxonomyListParams, taxonomyListParams } from '../schemas/taxonomy.ts';
import { APIResource, checkParams, toWire } from './resource.ts';

interface TaxonomySpec<T, C, U> {
  /** `/pillars`, `/authors`, ... */
  path: string;
  /** The id's name in errors, e.g. `pillarId`. */
  idName: string;
  schema: z.ZodType<T>;
  create: z.ZodType<unknown, C>;
  update: z.ZodType<unknown, U>;
}

/** Pillars, authors, categories and tags share one CRUD shape; each file fixes its types. */
export abstract class TaxonomyResource<T, C, U> extends APIResource {
  readonly #spec: TaxonomySpec<T, C, U>;

  constructor(http: HttpClient, spec: TaxonomySpec<T, C, U>) {
    super(http);
    this.#spec = spec;
  }

  list(params?: TaxonomyListParams, options?: RequestOptions): PagePromise<T> {
    return this.paged(
      () => this.#spec.path,
      this.#spec.schema,
      taxonomyListParams,
      params,
      options,
    );
  }

  retrieve(id: string, options?: RequestOptions): APIPromise<T> {
    return this.request(() => ({
      method: 'GET',
      path: `${this.#spec.path}/${segment(id, this.#spec.idName)}`,
      schema: this.#spec.schema,
      options,
    }));
  }

  create(params: C, options?: RequestOptions): APIPromise<T> {
    return this.request(() => ({
      method: 'POST',
      path: this.#spec.path,
      body: toWire(checkParams(this.#spec.create, params, 'params')),
      schema: this.#spec.schema,
      options,
    }));
  }

  update(id: string, params: U, options?: RequestOptions): APIPromise<T> {
    return this.request(() => ({
      method: 'PATCH',
      path: `${this.#spec.path}/${segment(id, this.#spec.idName)}`,
      body: toWire(checkParams(this.#spec.update, params, 'params')),
      schema: this.#spec.schema,
      options,
    }));
  }

  delete(id: string, options?: RequestOptions): APIPromise<Deleted> {
    return this.request(() => ({
      method: 'DELETE',
      path: `${this.#spec.path}/${segment(id, this.#spec.idName)}`,
      schema: deletedSchema,
      options,
    }));
  }
}
