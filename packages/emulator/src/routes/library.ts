import { presentDocument, presentImported, presentImportedSummary } from '../present.ts';
import type { Route } from '../router.ts';
import { enumParam, paginate } from '../validation.ts';

export const libraryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/documents',
    handler: ({ store, org, query }) => {
      const category = query.get('category');
      const status = enumParam(query, 'status', ['processing', 'ready', 'failed'] as const);
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
  {
    method: 'GET',
    template: '/documents/{document_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentDocument(
        store.owned(store.documents, params.document_id ?? '', org, 'Document'),
      ),
    }),
  },
  {
    method: 'GET',
    template: '/imported-content',
    handler: ({ store, org, query }) => ({
      status: 200,
      body: paginate(query, store.ownedList(store.imported, org), presentImportedSummary),
    }),
  },
  {
    method: 'GET',
    template: '/imported-content/{content_item_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentImported(
        store.owned(store.imported, params.content_item_id ?? '', org, 'Imported content item'),
      ),
    }),
  },
];
