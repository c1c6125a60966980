import type { FaultRule } from './faults.ts';
import type { CraftedItem, JobOutcome } from './store/types.ts';

export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

export interface EmulatorOptions {
  /**
   * Which API to serve: `robowrite` (default) or `writerzroom` (see the README's sections);
   * `'writer'` takes `WriterEmulatorOptions`.
   */
  provider?: 'robowrite' | 'writerzroom';
  /**
   * WriterzRoom only: per-key limits per route group, each overriding its documented default
   * (generate 10/60 s, status 60/60 s, every other route 200/hour); `rateLimit: false` turns all off.
   */
  routeLimits?: Partial<Record<'generate' | 'status' | 'other', RateLimitOptions | false>>;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; `0` (the programmatic default) picks a free one. The bin defaults to 4010. */
  port?: number;
  /** How long a generation job runs, in ms. Default 3000 (the real API takes 10–17 minutes). */
  jobDurationMs?: number;
  /**
   * How long a finished run still reads `running` before its completion callback lands.
   * Default 15% of the job duration.
   */
  completionLagMs?: number;
  /** Probability that a 202 reads `queued` with an empty `workflow_id`. Default 0.05. */
  queuedAckRate?: number;
  /** Fixed window per organization; default 120 requests / 60 s; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** `demo` (default) seeds two organizations; `empty` seeds the same orgs with no content. */
  fixture?: 'demo' | 'empty';
  /** Pre-create this many content items (generated lazily) in the demo organization. */
  items?: number;
  /**
   * Items whose one version carries exactly this Markdown body (and these sources) instead of a
   * generated draft, in the demo organization's primary brand: for tests of how consumers treat
   * what the API sends, such as hostile HTML or URLs. Not on the command line.
   */
  craftedItems?: CraftedItem[];
  /** Whether `GET /content` summaries carry `updated_at`, `latest_version_id`, `version_count`. */
  listMarkers?: boolean;
  /** Faults to inject from the start (more can be added through `emulator.faults`). */
  faults?: FaultRule[];
  /** Outcomes for the next jobs, in order; later jobs get the natural outcome. */
  jobOutcomes?: JobOutcome[];
  /** Persist state to this JSON file (atomic writes) and reload it on start. */
  stateFile?: string;
  /** Seed for ids and drafts. */
  seed?: string;
  /** Clock in epoch ms; tests pass a controllable one. */
  now?: () => number;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  jobDurationMs: number;
  completionLagMs: number;
  queuedAckRate: number;
  rateLimit: RateLimitOptions | false;
  fixture: 'demo' | 'empty';
  items: number;
  craftedItems: CraftedItem[];
  listMarkers: boolean;
  faults: FaultRule[];
  jobOutcomes: JobOutcome[];
  stateFile: string | null;
  seed: string;
  now: () => number;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_JOB_DURATION_MS = 3000;
export const MAX_ITEMS = 100_000;

/** The options every personality takes, in the input shape they share. */
type ServerInput = Pick<
  EmulatorOptions,
  'host' | 'port' | 'jobDurationMs' | 'rateLimit' | 'faults' | 'stateFile' | 'seed' | 'now'
>;

/** Those options resolved and checked (one clear line each), the same for every personality. */
export type ServerBasics = Pick<
  ResolvedOptions,
  'host' | 'port' | 'jobDurationMs' | 'rateLimit' | 'faults' | 'stateFile' | 'seed' | 'now'
>;

export function resolveServerBasics(options: ServerInput): ServerBasics {
  const jobDurationMs = options.jobDurationMs ?? DEFAULT_JOB_DURATION_MS;
  if (!Number.isFinite(jobDurationMs) || jobDurationMs < 0) {
    throw new Error(`jobDurationMs must be a non-negative number, got ${jobDurationMs}`);
  }
  const rateLimit = options.rateLimit ?? { requests: 120, windowMs: 60_000 };
  if (rateLimit && (rateLimit.requests < 1 || rateLimit.windowMs < 1)) {
    throw new Error('rateLimit needs requests >= 1 and windowMs >= 1');
  }
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    jobDurationMs,
    rateLimit,
    faults: options.faults ?? [],
    stateFile: options.stateFile ?? null,
    seed: options.seed ?? 'robowrite',
    now: options.now ?? Date.now,
  };
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const basics = resolveServerBasics(options);
  const items = options.items ?? 0;
  if (!Number.isInteger(items) || items < 0 || items > MAX_ITEMS) {
    throw new Error(`items must be an integer between 0 and ${MAX_ITEMS}, got ${items}`);
  }
  return {
    ...basics,
    completionLagMs: options.completionLagMs ?? Math.round(basics.jobDurationMs * 0.15),
    queuedAckRate: options.queuedAckRate ?? 0.05,
    fixture: options.fixture ?? 'demo',
    items,
    craftedItems: [...(options.craftedItems ?? [])],
    listMarkers: options.listMarkers ?? true,
    jobOutcomes: [...(options.jobOutcomes ?? [])],
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500`, `500ms`, `3s`, `15m` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: "${text}" (use e.g. 500ms, 3s, 15m)`);
  return Math.round(Number(m[1]) * (UNIT_MS[m[2] ?? 'ms'] ?? 1));
}

/** `120/60s` → { requests: 120, windowMs: 60000 }; `off` → false. */
export function parseRateLimit(text: string): RateLimitOptions | false {
  if (text.trim() === 'off') return false;
  const m = /^(\d+)\/(.+)$/.exec(text.trim());
  if (!m) throw new Error(`not a rate limit: "${text}" (use e.g. 120/60s or off)`);
  const requests = Number(m[1]);
  const windowMs = parseDuration(m[2] as string);
  if (requests < 1 || windowMs < 1) throw new Error(`not a rate limit: "${text}"`);
  return { requests, windowMs };
}
