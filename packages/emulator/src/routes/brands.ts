import { presentBrand } from '../present.ts';
import type { Route } from '../router.ts';
import { paginate } from '../validation.ts';

export const brandRoutes: Route[] = [
  {
    method: 'GET',
    template: '/ping',
    handler: ({ org, now }) => ({
      status: 200,
      body: { status: 'ok', organization_id: org.id, time: new Date(now).toISOString() },
    }),
  },
  {
    method: 'GET',
    template: '/brands',
    handler: ({ store, org, query }) => ({
      status: 200,
      body: paginate(query, store.ownedList(store.brands, org), presentBrand),
    }),
  },
  {
    method: 'GET',
    template: '/brands/{brand_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentBrand(store.owned(store.brands, params.brand_id ?? '', org, 'Brand')),
    }),
  },
  {
    method: 'GET',
    template: '/brands/{brand_id}/keywords',
    handler: ({ store, org, params }) => {
      const brand = store.owned(store.brands, params.brand_id ?? '', org, 'Brand');
      const clusters = [...store.keywordClusters.values()]
        .filter((c) => c.brand_id === brand.id)
        .map(({ org_id: _, brand_id: __, ...cluster }) => cluster);
      return {
        status: 200,
        body: {
          brand_id: brand.id,
          clusters,
          counts: {
            clusters: clusters.length,
            keywords: clusters.reduce((n, c) => n + c.keywords.length, 0),
          },
        },
      };
    },
  },
];
