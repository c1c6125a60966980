import type { z } from 'zod';
import type { APIPromise } from '../core/api-promise.ts';
import type { HttpClient, QueryValue, RequestOptions, RequestSpec } from '../core/http-client.ts';
import { type PageEnvelope, PagePromise } from '../core/pagination.ts';
import { checkParams, toWire } from '../core/params.ts';
import { pageSchema } from '../schemas/common.ts';

/** What every resource shares: the client's HTTP core and the list plumbing. */
export abstract class APIResource {
  protected readonly http: HttpClient;

  constructor(http: HttpClient) {
    this.http = http;
  }

  /** A request whose spec is built lazily, so a bad argument rejects the promise, not the call. */
  protected request<T>(build: () => RequestSpec<T>): APIPromise<T> {
    return this.http.request(build);
  }

  /** A paged list: params are checked against `paramsSchema`, sent snake_case. */
  protected paged<T>(
    path: () => string,
    itemSchema: z.ZodType<T>,
    paramsSchema: z.ZodType | null,
    params: unknown,
    options: RequestOptions | undefined,
  ): PagePromise<T> {
    const envelope = pageSchema(itemSchema) as unknown as z.ZodType<PageEnvelope<T>>;
    const start = (params as { offset?: unknown } | undefined)?.offset;
    const fetchPage = (offset: number) =>
      this.http
        .request(() => {
          // Checked on every page (cheap) so a bad argument rejects the first page's promise.
          const checked = paramsSchema ? checkParams(paramsSchema, params ?? {}, 'params') : {};
          const query = toWire(checked) as Record<string, QueryValue>;
          return {
            method: 'GET',
            path: path(),
            query: { ...query, offset },
            schema: envelope,
            options,
          };
        })
        .withResponse();
    return new PagePromise(fetchPage, typeof start === 'number' ? start : 0, path);
  }
}

export { checkParams, toWire };
