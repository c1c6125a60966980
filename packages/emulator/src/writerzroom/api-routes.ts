import { STYLE_PROFILES, TEMPLATES, VERTICALS } from './catalog.ts';
import { submit } from './generate.ts';
import { apiStatus } from './present.ts';
import { ownGeneration } from './requests.ts';
import type { WzrRoute } from './router.ts';

/** The newest document's dialect (seed 000): paths under `/api`, answers under `data`. */
export const API_ROUTES: WzrRoute[] = [
  {
    method: 'POST',
    template: '/api/generate',
    bucket: 'generate',
    body: true,
    handler: (ctx) => submit(ctx, 'api'),
  },
  {
    method: 'GET',
    template: '/api/generate/status/{request_id}',
    bucket: 'status',
    handler: (ctx) => ({
      status: 200,
      body: apiStatus(ownGeneration(ctx), ctx.store.contents, ctx.now),
    }),
  },
  {
    method: 'GET',
    template: '/api/templates',
    bucket: 'other',
    handler: () => ({ status: 200, body: { data: { items: TEMPLATES } } }),
  },
  {
    method: 'GET',
    template: '/api/style-profiles',
    bucket: 'other',
    handler: () => ({ status: 200, body: { data: { items: STYLE_PROFILES } } }),
  },
  {
    method: 'GET',
    template: '/api/verticals',
    bucket: 'other',
    handler: () => ({ status: 200, body: { verticals: VERTICALS } }),
  },
];
