import { z } from 'zod';
import { conflict, unprocessable } from '../errors.ts';
import { slugify } from '../generator/words.ts';
import { presentAuthor, presentCategory, presentPillar, presentTag } from '../present.ts';
import type { RequestContext, Route } from '../router.ts';
import type { Author, Category, Org, Pillar, Tag } from '../store/types.ts';
import { optionalText, paginate, parseBody, text } from '../validation.ts';

type Row = { id: string; org_id: string; created_at: string; updated_at: string };

interface Resource<T extends Row> {
  path: string;
  param: string;
  what: string;
  rows: (ctx: RequestContext) => Map<string, T>;
  create: z.ZodType<Record<string, unknown>>;
  update: z.ZodType<Record<string, unknown>>;
  build: (ctx: RequestContext, input: Record<string, unknown>, base: Row) => T;
  present: (row: T) => unknown;
  /** Category and tag slugs are unique per brand: a clash is `409`. */
  uniqueSlug?: boolean;
}

const slug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

function assertSlugFree(
  rows: Map<string, Row & { brand_id?: string; slug?: string }>,
  org: Org,
  brandId: string,
  value: string,
  exceptId?: string,
): void {
  for (const row of rows.values()) {
    if (
      row.org_id === org.id &&
      row.brand_id === brandId &&
      row.slug === value &&
      row.id !== exceptId
    ) {
      throw conflict(`slug "${value}" is already used in this brand`);
    }
  }
}

function crud<T extends Row>(r: Resource<T>): Route[] {
  const item = `${r.path}/{${r.param}}`;
  const find = (ctx: RequestContext) =>
    ctx.store.owned(r.rows(ctx), ctx.params[r.param] ?? '', ctx.org, r.what);
  return [
    {
      method: 'GET',
      template: r.path,
      handler: (ctx) => {
        const brandId = ctx.query.get('brand_id');
        const rows = ctx.store
          .ownedList(r.rows(ctx), ctx.org)
          .filter((row) => !brandId || (row as Row & { brand_id?: string }).brand_id === brandId);
        return { status: 200, body: paginate(ctx.query, rows, r.present) };
      },
    },
    {
      method: 'POST',
      template: r.path,
      body: true,
      handler: (ctx) => {
        const input = parseBody(r.create, ctx.body);
        const at = new Date(ctx.now).toISOString();
        const row = r.build(ctx, input, {
          id: '',
          org_id: ctx.org.id,
          created_at: at,
          updated_at: at,
        });
        const withSlug = row as T & { brand_id?: string; slug?: string };
        if (r.uniqueSlug && withSlug.brand_id && withSlug.slug) {
          assertSlugFree(r.rows(ctx), ctx.org, withSlug.brand_id, withSlug.slug);
        }
        row.id = ctx.store.nextId(r.what.toLowerCase());
        r.rows(ctx).set(row.id, row);
        return { status: 201, body: r.present(row) };
      },
    },
    {
      method: 'GET',
      template: item,
      handler: (ctx) => ({ status: 200, body: r.present(find(ctx)) }),
    },
    {
      method: 'PATCH',
      template: item,
      body: true,
      handler: (ctx) => {
        const row = find(ctx) as T & { brand_id?: string; slug?: string; name?: string };
        const input = parseBody(r.update, ctx.body);
        if (Object.keys(input).length === 0)
          throw unprocessable('Provide at least one field to update');
        if (r.uniqueSlug && typeof input.slug === 'string' && row.brand_id) {
          assertSlugFree(r.rows(ctx), ctx.org, row.brand_id, input.slug, row.id);
        }
        for (const [key, value] of Object.entries(input)) {
          (row as Record<string, unknown>)[key] = value ?? null;
        }
        row.updated_at = new Date(ctx.now).toISOString();
        ctx.store.dirty = true;
        return { status: 200, body: r.present(row) };
      },
    },
    {
      method: 'DELETE',
      template: item,
      handler: (ctx) => {
        const row = find(ctx);
        r.rows(ctx).delete(row.id);
        ctx.store.dirty = true;
        return { status: 204 };
      },
    },
  ];
}

/** A `brand_id` in a body must be one of the caller's brands; a foreign one is `404`. */
function ownBrand(ctx: RequestContext, brandId: unknown): string {
  return ctx.store.owned(ctx.store.brands, String(brandId), ctx.org, 'Brand').id;
}

export const taxonomyRoutes: Route[] = [
  ...crud<Pillar>({
    path: '/pillars',
    param: 'pillar_id',
    what: 'Pillar',
    rows: (ctx) => ctx.store.pillars,
    create: z.strictObject({
      brand_id: z.string().min(1),
      name: text(1, 200),
      description: optionalText(5000),
    }),
    update: z.strictObject({ name: text(1, 200).optional(), description: optionalText(5000) }),
    build: (ctx, input, base) => ({
      ...base,
      brand_id: ownBrand(ctx, input.brand_id),
      name: String(input.name),
      description: (input.description as string | undefined) ?? null,
    }),
    present: presentPillar,
  }),
  ...crud<Author>({
    path: '/authors',
    param: 'author_id',
    what: 'Author',
    rows: (ctx) => ctx.store.authors,
    create: z.strictObject({
      name: text(1, 200),
      slug: slug.optional(),
      email: z.email().nullish(),
      bio: optionalText(5000),
      avatar_url: z.url().nullish(),
    }),
    update: z.strictObject({
      name: text(1, 200).optional(),
      slug: slug.optional(),
      email: z.email().nullish(),
      bio: optionalText(5000),
      avatar_url: z.url().nullish(),
    }),
    build: (_ctx, input, base) => ({
      ...base,
      name: String(input.name),
      slug: (input.slug as string | undefined) ?? slugify(String(input.name)),
      email: (input.email as string | undefined) ?? null,
      bio: (input.bio as string | undefined) ?? null,
      avatar_url: (input.avatar_url as string | undefined) ?? null,
    }),
    present: presentAuthor,
  }),
  ...crud<Category>({
    path: '/categories',
    param: 'category_id',
    what: 'Category',
    rows: (ctx) => ctx.store.categories,
    create: z.strictObject({
      brand_id: z.string().min(1),
      name: text(1, 200),
      slug: slug.optional(),
      description: optionalText(5000),
    }),
    update: z.strictObject({
      name: text(1, 200).optional(),
      slug: slug.optional(),
      description: optionalText(5000),
    }),
    build: (ctx, input, base) => ({
      ...base,
      brand_id: ownBrand(ctx, input.brand_id),
      name: String(input.name),
      slug: (input.slug as string | undefined) ?? slugify(String(input.name)),
      description: (input.description as string | undefined) ?? null,
    }),
    present: presentCategory,
    uniqueSlug: true,
  }),
  ...crud<Tag>({
    path: '/tags',
    param: 'tag_id',
    what: 'Tag',
    rows: (ctx) => ctx.store.tags,
    create: z.strictObject({
      brand_id: z.string().min(1),
      name: text(1, 200),
      slug: slug.optional(),
    }),
    update: z.strictObject({ name: text(1, 200).optional(), slug: slug.optional() }),
    build: (ctx, input, base) => ({
      ...base,
      brand_id: ownBrand(ctx, input.brand_id),
      name: String(input.name),
      slug: (input.slug as string | undefined) ?? slugify(String(input.name)),
    }),
    present: presentTag,
    uniqueSlug: true,
  }),
];
