import type { Random } from './generator/random.ts';

/**
 * Injected failures, per route. `429`, `429-no-retry-after`, `503` and `edge-403` answer before
 * the API runs (nothing happens). `reset`, `stall`, `truncate` and `invalid-json` damage the
 * response AFTER the request was processed — the dropped-response case that makes idempotency
 * keys matter.
 */
export const FAULT_KINDS = [
  '429',
  '429-no-retry-after',
  '503',
  'edge-403',
  'reset',
  'stall',
  'truncate',
  'invalid-json',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const PRE_HANDLER_FAULTS: readonly FaultKind[] = [
  '429',
  '429-no-retry-after',
  '503',
  'edge-403',
];

export interface FaultRule {
  /** A route key like `GET /content` or `GET /content/{content_item_id}`, or `*` for all. */
  route: string;
  /** One entry per matching request, in order (`ok` lets one through); the rule ends after. */
  sequence?: (FaultKind | 'ok')[];
  /** With `fault`: the chance each matching request gets it (seeded, so runs repeat). */
  probability?: number;
  fault?: FaultKind;
  /** Seconds for `Retry-After` on `429` (default 1). */
  retryAfter?: number;
}

interface ActiveRule extends FaultRule {
  position: number;
}

function checkRule(rule: FaultRule): void {
  const kinds = [...(rule.sequence ?? []), ...(rule.fault ? [rule.fault] : [])];
  for (const kind of kinds) {
    if (kind !== 'ok' && !FAULT_KINDS.includes(kind)) {
      throw new Error(`unknown fault "${kind}" (use ${FAULT_KINDS.join(', ')}, ok)`);
    }
  }
  if (!rule.sequence && !rule.fault) throw new Error('a fault rule needs a sequence or a fault');
  if (rule.probability !== undefined && (rule.probability < 0 || rule.probability > 1)) {
    throw new Error('fault probability must be between 0 and 1');
  }
}

export class Faults {
  readonly #rules: ActiveRule[] = [];
  readonly #rng: Random;

  constructor(rng: Random, rules: FaultRule[] = []) {
    this.#rng = rng;
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): void {
    checkRule(rule);
    this.#rules.push({ ...rule, position: 0 });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  list(): FaultRule[] {
    return this.#rules.map(({ position: _, ...rule }) => rule);
  }

  /** The fault for this request, if any; consumes one step of the first matching sequence. */
  take(routeKey: string): { kind: FaultKind; retryAfter: number } | null {
    for (const rule of this.#rules) {
      if (rule.route !== '*' && rule.route !== routeKey) continue;
      if (rule.sequence) {
        if (rule.position >= rule.sequence.length) continue;
        const kind = rule.sequence[rule.position++];
        if (kind === undefined || kind === 'ok') return null;
        return { kind, retryAfter: rule.retryAfter ?? 1 };
      }
      if (rule.fault && this.#rng.chance(rule.probability ?? 1)) {
        return { kind: rule.fault, retryAfter: rule.retryAfter ?? 1 };
      }
    }
    return null;
  }
}

/**
 * `--fault` flag syntax: `ROUTE=KIND[,KIND...]` (a sequence) or `ROUTE=KIND@P` (a probability),
 * e.g. `GET /content=503,503,ok` or `*=reset@0.05`.
 */
export function parseFaultFlag(text: string): FaultRule {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new Error(`--fault "${text}": use ROUTE=KIND[,KIND...] or ROUTE=KIND@P`);
  const route = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const at = spec.indexOf('@');
  const rule: FaultRule =
    at >= 0
      ? { route, fault: spec.slice(0, at) as FaultKind, probability: Number(spec.slice(at + 1)) }
      : { route, sequence: spec.split(',').map((s) => s.trim()) as (FaultKind | 'ok')[] };
  if (rule.probability !== undefined && Number.isNaN(rule.probability)) {
    throw new Error(`--fault "${text}": probability must be a number`);
  }
  checkRule(rule);
  return rule;
}
