import { z } from 'zod';
import { conflict, unprocessable } from '../errors.ts';
import { slugify } from '../generator/words.ts';
import { uniqueSlug } from '../jobs.ts';
import { type Include, presentItem, presentItemSummary } from '../present.ts';
import type { Route } from '../router.ts';
import type { ContentItem } from '../store/types.ts';
import { openParam, openValue, paginate, parseBody, text } from '../validation.ts';

// `topic_id` and `brand_id` are not here on purpose: the brand comes from the property.
const createItem = z.strictObject({
  brief_id: z.string().min(1),
  property_id: z.string().min(1),
  title: text(1, 500),
  // "optional, defaults to blog_post": the guide names no set of formats.
  format: openValue().optional(),
});

const updateItem = z.strictObject({
  title: text(1, 500).optional(),
  // The guide shows `"status": "draft"` and lists none: any status the real API has may be set.
  status: openValue().optional(),
  format: openValue().optional(),
  author_id: z.string().nullish(),
  slug: z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
    .optional(),
});

const INCLUDES = ['scoring', 'sources'];

function parseInclude(raw: string | null): Include {
  const parts = (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !INCLUDES.includes(p));
  if (unknown.length > 0) {
    throw unprocessable(
      `include: unsupported value(s) ${unknown.join(', ')}; use scoring, sources`,
    );
  }
  return { scoring: parts.includes('scoring'), sources: parts.includes('sources') };
}

export const contentRoutes: Route[] = [
  {
    method: 'POST',
    template: '/content/items',
    idempotency: 'required',
    body: true,
    handler: ({ store, org, body, now }) => {
      const input = parseBody(createItem, body);
      const brief = store.owned(store.briefs, input.brief_id, org, 'Brief');
      const property = store.owned(store.properties, input.property_id, org, 'Property');
      if (brief.brand_id !== property.brand_id) {
        throw unprocessable(
          'property_id: the property belongs to a different brand than the brief',
        );
      }
      const at = new Date(now).toISOString();
      const item: ContentItem = {
        id: store.nextId('content-item'),
        org_id: org.id,
        brand_id: property.brand_id,
        property_id: property.id,
        brief_id: brief.id,
        topic_id: null,
        author_id: null,
        title: input.title,
        slug: uniqueSlug(store, property.brand_id, slugify(input.title)),
        status: 'draft',
        format: input.format ?? 'blog_post',
        versions: [],
        deleted_at: null,
        created_at: at,
        updated_at: at,
      };
      store.items.set(item.id, item);
      return { status: 201, body: presentItem(item, { scoring: false, sources: false }, now) };
    },
  },
  {
    method: 'GET',
    template: '/content',
    handler: ({ store, org, query, runtime }) => {
      const filter = {
        status: openParam(query, 'status'),
        format: openParam(query, 'content_type'),
        property_id: query.get('property_id') || undefined,
        brief_id: query.get('brief_id') || undefined,
      };
      return {
        status: 200,
        body: paginate(query, store.listItems(org, filter), (i) =>
          presentItemSummary(i, runtime.options.listMarkers),
        ),
      };
    },
  },
  {
    method: 'GET',
    template: '/content/{content_item_id}',
    handler: ({ store, org, params, query, now }) => {
      const include = parseInclude(query.get('include'));
      return {
        status: 200,
        body: presentItem(store.item(params.content_item_id ?? '', org), include, now),
      };
    },
  },
  {
    method: 'PATCH',
    template: '/content/items/{item_id}',
    body: true,
    handler: ({ store, org, params, body, now }) => {
      const item = store.item(params.item_id ?? '', org);
      const input = parseBody(updateItem, body);
      if (Object.keys(input).length === 0)
        throw unprocessable('Provide at least one field to update');
      if (input.author_id) store.owned(store.authors, input.author_id, org, 'Author');
      if (
        input.slug !== undefined &&
        uniqueSlug(store, item.brand_id, input.slug, item.id) !== input.slug
      ) {
        throw conflict(`slug "${input.slug}" is already used by another item of this brand`);
      }
      const target = store.materialize(item);
      if (input.title !== undefined) target.title = input.title;
      if (input.status !== undefined) target.status = input.status;
      if (input.format !== undefined) target.format = input.format;
      if (input.author_id !== undefined) target.author_id = input.author_id ?? null;
      if (input.slug !== undefined) target.slug = input.slug;
      target.updated_at = new Date(now).toISOString();
      return { status: 200, body: presentItem(target, { scoring: false, sources: false }, now) };
    },
  },
  {
    method: 'DELETE',
    template: '/content/items/{item_id}',
    handler: ({ store, org, params, now }) => {
      const item = store.materialize(store.item(params.item_id ?? '', org));
      item.deleted_at = new Date(now).toISOString();
      return { status: 204 };
    },
  },
];
