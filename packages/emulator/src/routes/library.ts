import { presentDocument, presentImported, presentImportedSummary } from '../present.ts';
import type { Route } from '../router.ts';
import { openParam, paginate } from '../validation.ts';
import { getOwned, listOwned } from './owned.ts';

export const libraryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/documents',
    handler: ({ store, org, query }) => {
      const category = openParam(query, 'category');
      const status = openParam(query, 'status');
      const q = query.get('q')?.toLowerCase();
      const docs = store
        .ownedList(store.documents, org)
        .filter(
          (d) =>
            (!category || d.category === category) &&
            (!status || d.status === status) &&
            (!q ||
              d.title.toLowerCase().includes(q) ||
              (d.summary ?? '').toLowerCase().includes(q) ||
              d.filename.toLowerCase().includes(q)),
        );
      return { status: 200, body: paginate(query, docs, presentDocument) };
    },
  },
  getOwned(
    '/documents/{document_id}',
    'document_id',
    'Document',
    (s) => s.documents,
    presentDocument,
  ),
  listOwned('/imported-content', (s) => s.imported, presentImportedSummary),
  getOwned(
    '/imported-content/{content_item_id}',
    'content_item_id',
    'Imported content item',
    (s) => s.imported,
    presentImported,
  ),
];
