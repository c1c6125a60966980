import {
  type EmulatorOptions,
  parseRateLimit,
  type RateLimitOptions,
  type ResolvedOptions,
  resolveOptions,
} from '../options.ts';

/** The seed's three rate-limit rows: generate, status polling, and every other route. */
export const ROUTE_BUCKETS = ['generate', 'status', 'other'] as const;
export type RouteBucket = (typeof ROUTE_BUCKETS)[number];
export type RouteLimits = Record<RouteBucket, RateLimitOptions | false>;

export const DEFAULT_ROUTE_LIMITS: RouteLimits = {
  generate: { requests: 10, windowMs: 60_000 },
  status: { requests: 60, windowMs: 60_000 },
  other: { requests: 200, windowMs: 3_600_000 },
};

/** What WriterzRoom has no use for; given with `provider: 'writerzroom'` it is an error, not a no-op. */
const ROBOWRITE_ONLY = [
  'completionLagMs',
  'queuedAckRate',
  'items',
  'craftedItems',
  'listMarkers',
] as const;

export interface WzrOptions extends ResolvedOptions {
  routeLimits: RouteLimits;
}

export function resolveWzrOptions(input: EmulatorOptions): WzrOptions {
  for (const name of ROBOWRITE_ONLY) {
    if (input[name] !== undefined)
      throw new Error(`${name} is a RoboWrite option; WriterzRoom has no use for it`);
  }
  if (input.rateLimit) {
    throw new Error(
      'WriterzRoom limits each route: use routeLimits (or rateLimit: false for none)',
    );
  }
  for (const outcome of input.jobOutcomes ?? []) checkOutcome(outcome);
  const routeLimits: RouteLimits =
    input.rateLimit === false
      ? { generate: false, status: false, other: false }
      : { ...DEFAULT_ROUTE_LIMITS, ...input.routeLimits };
  for (const limit of Object.values(routeLimits)) {
    if (limit && (limit.requests < 1 || limit.windowMs < 1)) {
      throw new Error('routeLimits need requests >= 1 and windowMs >= 1');
    }
  }
  return { ...resolveOptions({ ...input, rateLimit: false }), routeLimits };
}

/** WriterzRoom generations end `completed` or `failed`; RoboWrite's other outcomes do not exist. */
export function checkOutcome(outcome: string): void {
  if (outcome !== 'completed' && outcome !== 'failed') {
    throw new Error(`WriterzRoom outcomes are completed and failed, got "${outcome}"`);
  }
}

/** `--route-limit generate=5/60s` (or `status=off`) → one bucket's limit. */
export function parseRouteLimit(text: string): Partial<RouteLimits> {
  const eq = text.indexOf('=');
  const bucket = text.slice(0, eq).trim();
  if (eq <= 0 || !(ROUTE_BUCKETS as readonly string[]).includes(bucket)) {
    throw new Error(`--route-limit "${text}": use ${ROUTE_BUCKETS.join('|')}=N/window or =off`);
  }
  return { [bucket]: parseRateLimit(text.slice(eq + 1)) };
}
