import { z } from 'zod';
import { notFound } from '../errors.ts';
import { presentProperty } from '../present.ts';
import type { Route } from '../router.ts';
import { paginate, parseBody, text } from '../validation.ts';

const createProperty = z.strictObject({
  name: text(1, 200),
  url: z.url().max(2000).nullish(),
  cms_type: z.string().max(100).nullish(),
});

export const propertyRoutes: Route[] = [
  {
    method: 'GET',
    template: '/properties',
    handler: ({ store, org, query }) => ({
      status: 200,
      body: paginate(query, store.ownedList(store.properties, org), presentProperty),
    }),
  },
  {
    method: 'GET',
    template: '/properties/{property_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentProperty(
        store.owned(store.properties, params.property_id ?? '', org, 'Property'),
      ),
    }),
  },
  {
    method: 'POST',
    template: '/properties',
    body: true,
    handler: ({ store, org, body, now }) => {
      const input = parseBody(createProperty, body);
      const brand = store.brands.get(org.primary_brand_id);
      if (!brand) throw notFound('Primary brand');
      const at = new Date(now).toISOString();
      const property = {
        id: store.nextId('property'),
        org_id: org.id,
        brand_id: brand.id,
        name: input.name,
        url: input.url ?? null,
        cms_type: input.cms_type ?? null,
        created_at: at,
        updated_at: at,
      };
      store.properties.set(property.id, property);
      return { status: 201, body: presentProperty(property) };
    },
  },
];
