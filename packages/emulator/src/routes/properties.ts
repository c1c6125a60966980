import { z } from 'zod';
import { notFound } from '../errors.ts';
import { presentProperty } from '../present.ts';
import type { Route } from '../router.ts';
import { parseBody, text } from '../validation.ts';
import { getOwned, listOwned } from './owned.ts';

const createProperty = z.strictObject({
  name: text(1, 200),
  url: z.url().max(2000).nullish(),
  cms_type: z.string().max(100).nullish(),
});

export const propertyRoutes: Route[] = [
  listOwned('/properties', (s) => s.properties, presentProperty),
  getOwned(
    '/properties/{property_id}',
    'property_id',
    'Property',
    (s) => s.properties,
    presentProperty,
  ),
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
