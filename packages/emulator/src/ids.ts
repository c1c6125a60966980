import { createHash } from 'node:crypto';

/**
 * Ids look like UUIDs (what the real API returns) but are derived from a seed, a kind and a
 * counter, so the same sequence of operations always yields the same ids. The last group holds
 * the counter in hex, which lets a lazily generated item be found from its id alone.
 */
export function deterministicId(seed: string, kind: string, n: number): string {
  const h = createHash('sha256').update(`${seed}:${kind}:${n}`).digest('hex');
  const variant = (8 | (Number.parseInt(h.charAt(16), 16) & 3)).toString(16);
  const tail = n.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${tail}`;
}

/** The counter encoded in an id's last group, or null when the id is not one of ours. */
export function idCounter(id: string): number | null {
  const m = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{12})$/.exec(id);
  return m?.[1] === undefined ? null : Number.parseInt(m[1], 16);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
