import type { APIPromise } from '../core/api-promise.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { PagePromise } from '../core/pagination.ts';
import { segment } from '../core/params.ts';
import {
  type ImportedContent,
  type ImportedContentListParams,
  importedContentListParams,
  importedContentSchema,
} from '../schemas/document.ts';
import { APIResource } from './resource.ts';

/** CMS-imported and external content (read-only). */
export class ImportedContentResource extends APIResource {
  list(params?: ImportedContentListParams, options?: RequestOptions): PagePromise<ImportedContent> {
    return this.paged(
      () => '/imported-content',
      importedContentSchema,
      importedContentListParams,
      params,
      options,
    );
  }

  retrieve(contentItemId: string, options?: RequestOptions): APIPromise<ImportedContent> {
    return this.request(() => ({
      method: 'GET',
      path: `/imported-content/${segment(contentItemId, 'contentItemId')}`,
      schema: importedContentSchema,
      options,
    }));
  }
}
