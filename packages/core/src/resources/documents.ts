import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import {
  type Document,
  type DocumentListParams,
  documentListParams,
  documentSchema,
} from '../schemas/document.ts';
import { APIResource } from './resource.ts';

/** The document library (read-only): metadata and summaries. */
export class Documents extends APIResource {
  /** Filter by `category`, `status`, or a text query `q`. */
  list(params?: DocumentListParams, options?: RequestOptions): PagePromise<Document> {
    return this.paged(() => '/documents', documentSchema, documentListParams, params, options);
  }

  retrieve(documentId: string, options?: RequestOptions): APIPromise<Document> {
    return this.request(() => ({
      method: 'GET',
      path: `/documents/${segment(documentId, 'documentId')}`,
      schema: documentSchema,
      options,
    }));
  }
}
