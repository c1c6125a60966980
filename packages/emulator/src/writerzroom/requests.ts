import { notFound } from './errors.ts';
import type { WzrContext } from './router.ts';
import type { ContentRecord, Generation } from './types.ts';

/** The generation named by the path, if the caller's account made it; any other is a 404. */
export function ownGeneration(ctx: WzrContext): Generation {
  const g = ctx.store.generations.get(ctx.params.request_id ?? '');
  if (!g || g.account_id !== ctx.account.id) throw notFound('Generation request');
  return g;
}

/** A content item of the caller's account; any other is a 404. */
export function ownContent(ctx: WzrContext, id: string): ContentRecord {
  const c = ctx.store.contents.get(id);
  if (!c || c.account_id !== ctx.account.id) throw notFound('Content');
  return c;
}
