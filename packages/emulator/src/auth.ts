import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';
import type { Store } from './store/store.ts';
import type { Org } from './store/types.ts';

/** The edge rule: Cloudflare blocks empty and bare `Python-urllib` agents before the API. */
export function blockedAtEdge(req: IncomingMessage): boolean {
  const ua = req.headers['user-agent']?.trim() ?? '';
  return ua === '' || /^Python-urllib\/[\d.]+$/.test(ua);
}

const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** The organization a Bearer key belongs to, or a 401 for a missing, malformed or unknown key. */
export function authenticate(store: Store, header: string | undefined): Org {
  if (!header) throw new ApiError(401, 'Missing Authorization header', CHALLENGE);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!bearer?.[1]) {
    throw new ApiError(401, 'Malformed Authorization header: use "Bearer <api key>"', CHALLENGE);
  }
  const org = store.orgByKey(bearer[1]);
  if (!org) throw new ApiError(401, 'Invalid API key', CHALLENGE);
  return org;
}
