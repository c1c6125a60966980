import { unprocessable } from './errors.ts';
import { Store } from './store/store.ts';
import type { IdempotencyRecord, Org } from './store/types.ts';

/**
 * Keys are 1–255 characters from a URL- and header-safe set; UUIDs (what the guide uses) fit. The
 * guide says only "a malformed key returns 422": this is the documented choice @robowrite/core
 * checks before sending, so the two never disagree (see both READMEs).
 */
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,255}$/;
/** Replays are kept for 24 hours, like most idempotency implementations. */
const TTL_MS = 24 * 60 * 60 * 1000;

export function readKey(header: string | string[] | undefined, required: boolean): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) {
    if (required) throw unprocessable('Idempotency-Key header is required for this endpoint');
    return null;
  }
  if (!KEY_FORMAT.test(key)) {
    throw unprocessable(
      'Idempotency-Key is malformed: use 1–255 characters from A–Z a–z 0–9 _ . : -',
    );
  }
  return key;
}

export function findReplay(
  store: Store,
  org: Org,
  scope: string,
  key: string,
  now: number,
): IdempotencyRecord | null {
  const record = store.idempotency.get(Store.idempotencyKey(org.id, scope, key));
  if (!record) return null;
  if (now - record.created_ms > TTL_MS) {
    store.idempotency.delete(Store.idempotencyKey(org.id, scope, key));
    return null;
  }
  return record;
}

/** Only successful results are remembered: a rejected request did nothing, so a retry may fix it. */
export function remember(
  store: Store,
  org: Org,
  scope: string,
  key: string,
  status: number,
  body: unknown,
  now: number,
): void {
  if (status < 200 || status >= 300) return;
  store.idempotency.set(Store.idempotencyKey(org.id, scope, key), {
    org_id: org.id,
    key,
    scope,
    status,
    body,
    created_ms: now,
  });
  store.dirty = true;
}
