import type { IncomingMessage } from 'node:http';
import { parseJsonBody, readBody } from '../request-body.ts';
import { WzrError } from './errors.ts';
import type { WzrStore } from './store.ts';
import type { Account } from './types.ts';

const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** The account a Bearer API key belongs to (seed 000's examples), or a 401. */
export function authenticate(store: WzrStore, header: string | undefined): Account {
  if (!header) throw new WzrError(401, 'unauthorized', 'Missing Authorization header', CHALLENGE);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!bearer?.[1]) {
    throw new WzrError(
      401,
      'unauthorized',
      'Malformed Authorization header: use "Bearer <api key>"',
      CHALLENGE,
    );
  }
  const account = store.accountByKey(bearer[1]);
  if (!account) throw new WzrError(401, 'unauthorized', 'Invalid API key', CHALLENGE);
  return account;
}

const MAX_BODY_BYTES = 1_000_000;

/** The request's JSON body (undefined when empty); 413 past 1 MB, 400 when not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: () => new WzrError(413, 'payload_too_large', 'Request body over 1 MB'),
  });
  return parseJsonBody(
    raw,
    () => new WzrError(400, 'invalid_json', 'Request body is not valid JSON'),
  );
}
