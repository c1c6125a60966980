import { z } from 'zod';
import { countWords } from '../generator/words.ts';
import { STYLE_PROFILES, TEMPLATES } from './catalog.ts';
import { regenerateSection } from './content.ts';
import { badRequest, WzrError } from './errors.ts';
import { submit } from './generate.ts';
import { isFinished } from './lifecycle.ts';
import { v1ContentDetail, v1ContentSummary, v1Status } from './present.ts';
import { ownContent, ownGeneration } from './requests.ts';
import type { WzrContext, WzrRoute } from './router.ts';

const SAVE_BODY = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  title: z.string().trim().min(1).max(300),
  body: z.string().max(200_000),
});

const REGENERATE_BODY = z.object({
  content_id: z.string().trim().min(1).max(100),
  section: z.string().trim().min(1).max(300),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(`${issue?.path.join('.') || 'body'}: ${issue?.message}`);
}

/** `POST /v1/content/save`: with a known `id` it updates (200), without one it creates (201). */
function save(ctx: WzrContext) {
  const input = parse(SAVE_BODY, ctx.body);
  const at = new Date(ctx.now).toISOString();
  if (input.id !== undefined) {
    const c = ownContent(ctx, input.id);
    Object.assign(c, {
      title: input.title,
      body: input.body,
      word_count: countWords(input.body),
      updated_at: at,
    });
    ctx.store.dirty = true;
    return { status: 200, body: v1ContentDetail(c) };
  }
  const c = {
    id: ctx.store.nextId('cnt'),
    account_id: ctx.account.id,
    request_id: null,
    template_id: null,
    style_profile_id: null,
    vertical: null,
    brand_voice_id: null,
    title: input.title,
    body: input.body,
    word_count: countWords(input.body),
    created_at: at,
    updated_at: at,
  };
  ctx.store.contents.set(c.id, c);
  return { status: 201, body: v1ContentDetail(c) };
}

function regenerate(ctx: WzrContext) {
  const input = parse(REGENERATE_BODY, ctx.body);
  const c = ownContent(ctx, input.content_id);
  if (!regenerateSection(ctx.store, c, input.section, new Date(ctx.now).toISOString())) {
    throw new WzrError(
      422,
      'section_not_found',
      `No "## ${input.section}" section in this content`,
    );
  }
  return { status: 200, body: v1ContentDetail(c) };
}

/** Usage for the caller's account; seed 001 names the route, not its fields. */
function dashboardStats(ctx: WzrContext) {
  const own = [...ctx.store.generations.values()].filter((g) => g.account_id === ctx.account.id);
  const count = (status: string) =>
    own.filter((g) => (isFinished(g, ctx.now) ? g.outcome : 'processing') === status).length;
  return {
    status: 200,
    body: {
      plan: ctx.account.plan,
      credits_remaining: ctx.account.credits,
      generations: {
        total: own.length,
        processing: count('processing'),
        completed: count('completed'),
        failed: count('failed'),
      },
      content_items: ctx.store.ownContents(ctx.account).length,
      words_generated: ctx.store
        .ownContents(ctx.account)
        .filter((c) => c.request_id !== null)
        .reduce((sum, c) => sum + c.word_count, 0),
    },
  };
}

/** The older documents' dialect (seeds 001, 002): paths under `/v1`, answers unwrapped. */
export const V1_ROUTES: WzrRoute[] = [
  {
    method: 'POST',
    template: '/v1/generate',
    bucket: 'generate',
    body: true,
    handler: (ctx) => submit(ctx, 'v1'),
  },
  {
    method: 'GET',
    template: '/v1/generate/status/{request_id}',
    bucket: 'status',
    handler: (ctx) => ({
      status: 200,
      body: v1Status(ownGeneration(ctx), ctx.store.contents, ctx.now),
    }),
  },
  {
    method: 'GET',
    template: '/v1/content',
    bucket: 'other',
    handler: (ctx) => {
      // Newest first; ties (same instant) by id, so the order never depends on insertion.
      const items = ctx.store
        .ownContents(ctx.account)
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id))
        .map(v1ContentSummary);
      return { status: 200, body: { items, total: items.length } };
    },
  },
  {
    method: 'GET',
    template: '/v1/content/{content_id}',
    bucket: 'other',
    handler: (ctx) => ({
      status: 200,
      body: v1ContentDetail(ownContent(ctx, ctx.params.content_id ?? '')),
    }),
  },
  { method: 'POST', template: '/v1/content/save', bucket: 'other', body: true, handler: save },
  {
    method: 'POST',
    template: '/v1/content/regenerate-section',
    bucket: 'other',
    body: true,
    handler: regenerate,
  },
  {
    method: 'GET',
    template: '/v1/templates',
    bucket: 'other',
    handler: () => ({ status: 200, body: { items: TEMPLATES, total: TEMPLATES.length } }),
  },
  {
    method: 'GET',
    template: '/v1/style-profiles',
    bucket: 'other',
    handler: () => ({ status: 200, body: { items: STYLE_PROFILES, total: STYLE_PROFILES.length } }),
  },
  { method: 'GET', template: '/v1/dashboard/stats', bucket: 'other', handler: dashboardStats },
];
