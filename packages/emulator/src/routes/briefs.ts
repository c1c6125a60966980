import { z } from 'zod';
import { unprocessable } from '../errors.ts';
import { briefSections } from '../generator/sections.ts';
import { presentBrief } from '../present.ts';
import type { RequestContext, Route } from '../router.ts';
import type { Brief, BriefFields } from '../store/types.ts';
import { openValue, optionalText, paginate, parseBody, stringList, text } from '../validation.ts';

const fields = {
  title: text(1, 500),
  primary_keyword: optionalText(200),
  secondary_keywords: stringList(50, 200).nullish(),
  target_word_count: z.number().int().min(100).max(10_000).nullish(),
  audience_details: optionalText(5000),
  tone: optionalText(200),
  format: openValue().nullish(),
  search_intent: openValue().nullish(),
  funnel_stage: openValue().nullish(),
  pillar_id: z.string().nullish(),
  description: optionalText(5000),
  summary: optionalText(5000),
  content_goal: optionalText(5000),
};
// Closed allowlists: `brand_id` and `status` are server-set, so sending them is an unknown key.
const createBrief = z.strictObject(fields);
const updateBrief = z.strictObject({ ...fields, title: fields.title.optional() });

function checkPillar(ctx: RequestContext, pillarId: string | null | undefined): string | null {
  if (!pillarId) return null;
  return ctx.store.owned(ctx.store.pillars, pillarId, ctx.org, 'Pillar').id;
}

function snapshot(b: Brief): BriefFields {
  return {
    title: b.title,
    primary_keyword: b.primary_keyword,
    secondary_keywords: [...b.secondary_keywords],
    target_word_count: b.target_word_count,
    audience_details: b.audience_details,
    tone: b.tone,
    format: b.format,
    search_intent: b.search_intent,
    funnel_stage: b.funnel_stage,
    pillar_id: b.pillar_id,
    description: b.description,
    summary: b.summary,
    content_goal: b.content_goal,
  };
}

export const briefRoutes: Route[] = [
  {
    method: 'POST',
    template: '/briefs',
    body: true,
    handler: (ctx) => {
      const { store, org, body, now } = ctx;
      const input = parseBody(createBrief, body);
      const pillarId = checkPillar(ctx, input.pillar_id);
      const brandId = pillarId
        ? (store.pillars.get(pillarId)?.brand_id ?? org.primary_brand_id)
        : org.primary_brand_id;
      const at = new Date(now).toISOString();
      const brief: Brief = {
        id: store.nextId('brief'),
        org_id: org.id,
        brand_id: brandId,
        status: 'draft',
        version: 1,
        history: [],
        title: input.title,
        primary_keyword: input.primary_keyword ?? null,
        secondary_keywords: input.secondary_keywords ?? [],
        target_word_count: input.target_word_count ?? null,
        audience_details: input.audience_details ?? null,
        tone: input.tone ?? null,
        format: input.format ?? null,
        search_intent: input.search_intent ?? null,
        funnel_stage: input.funnel_stage ?? null,
        pillar_id: pillarId,
        description: input.description ?? null,
        summary: input.summary ?? null,
        content_goal: input.content_goal ?? null,
        created_at: at,
        updated_at: at,
      };
      store.briefs.set(brief.id, brief);
      return { status: 201, body: presentBrief(brief) };
    },
  },
  {
    method: 'GET',
    template: '/briefs',
    handler: ({ store, org, query }) => ({
      status: 200,
      body: paginate(query, store.ownedList(store.briefs, org).reverse(), presentBrief),
    }),
  },
  {
    method: 'GET',
    template: '/briefs/{brief_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentBrief(store.owned(store.briefs, params.brief_id ?? '', org, 'Brief')),
    }),
  },
  {
    method: 'GET',
    template: '/briefs/{brief_id}/sections',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: briefSections(
        store.seed,
        store.owned(store.briefs, params.brief_id ?? '', org, 'Brief'),
      ),
    }),
  },
  {
    method: 'PATCH',
    template: '/briefs/{brief_id}',
    body: true,
    handler: (ctx) => {
      const { store, org, params, body, now } = ctx;
      const brief = store.owned(store.briefs, params.brief_id ?? '', org, 'Brief');
      const input = parseBody(updateBrief, body);
      const keys = Object.keys(input) as (keyof BriefFields)[];
      if (keys.length === 0) throw unprocessable('Provide at least one field to update');
      if ('pillar_id' in input) checkPillar(ctx, input.pillar_id);
      const at = new Date(now).toISOString();
      brief.history.push({ version: brief.version, fields: snapshot(brief), replaced_at: at });
      const next = { ...snapshot(brief) } as Record<string, unknown>;
      for (const key of keys) {
        const value = input[key];
        next[key] = key === 'secondary_keywords' ? (value ?? []) : (value ?? null);
      }
      Object.assign(brief, next);
      brief.version += 1;
      brief.updated_at = at;
      store.dirty = true;
      return { status: 200, body: presentBrief(brief) };
    },
  },
];
