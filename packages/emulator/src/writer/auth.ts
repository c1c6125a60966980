import { ApiError } from '../errors.ts';
import { orgByKey, type WriterOrg } from './applications.ts';

/** The organization a Bearer key belongs to, or a 401 for a missing, malformed or unknown key. */
export function authenticateWriter(header: string | undefined): WriterOrg {
  if (!header) throw new ApiError(401, 'Missing Authorization header');
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!bearer?.[1])
    throw new ApiError(401, 'Malformed Authorization header: use "Bearer <api key>"');
  const org = orgByKey(bearer[1]);
  if (!org) throw new ApiError(401, 'Invalid API key');
  return org;
}
