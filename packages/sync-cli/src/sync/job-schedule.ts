/**
 * When a watching process polls each pending job: by its expected finish, learned from the jobs
 * that already landed in this process. Poll timing lives here, in memory only: it is this
 * process's guess, not a fact about the project, so it never goes into the committed state.
 *
 * Before any job has landed the schedule knows nothing (RoboWrite documents 10–17 minutes, an
 * emulator or another provider may take seconds), so a job is polled one interval after it
 * started and then at doubling gaps. Once jobs land, each landing teaches a duration (a lower
 * bound: the last time that job was seen running), and a job is first polled at the median of
 * those, then at gaps that grow with how overdue it is. Gaps never exceed `maxGapMs`.
 *
 * Where polls are the only way drafts are found (a provider without a listing), the oldest job
 * is also probed every interval until the first landing: the first duration learned is then
 * tight to an interval, not loose by a doubling gap, and so is every job scheduled by it.
 */

export interface ScheduleRules {
  /** The watch interval: the shortest gap between two polls of one job. */
  intervalMs: number;
  /** The longest gap between two polls of one job. */
  maxGapMs: number;
}

/** What this process has seen of one job. */
export interface JobTiming {
  startedAt: number;
  /** When it was last polled (null: never by this process). */
  lastPollAt: number | null;
  /** When it was last seen still running (null: never). */
  lastRunningAt: number | null;
}

/** The longest gap the seed calls reasonable for RoboWrite ("every 15–30 seconds"). */
export const DEFAULT_MAX_GAP_MS = 30_000;

/**
 * Which of the learned durations a job's first poll waits for: the (upper) median. Each is a
 * lower bound, and the first ones, learned at the prior's doubling gaps, can be loose by half;
 * the median of the rest, learned one interval apart, is close to the real duration.
 */
const EXPECTED_QUANTILE = 0.5;
/** Past its expected finish a job is polled at gaps of a quarter of how overdue it is. */
const OVERDUE_SHARE = 0.25;
/** The most recent landings are what the schedule learns from. */
const LEARNED_KEPT = 200;

/** The duration a job's first poll waits for, or null before anything has landed. */
export function expectedDuration(learned: readonly number[]): number | null {
  if (learned.length === 0) return null;
  const sorted = [...learned].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * EXPECTED_QUANTILE)] ?? null;
}

/**
 * When a job is next due for a poll. Never polled: at its expected finish (one interval before
 * anything has landed). Polled: the gap grows with the time since the expected finish (since the
 * start, before anything has landed), between one interval and `maxGapMs`.
 */
export function nextPollAt(
  timing: Readonly<JobTiming>,
  learned: readonly number[],
  rules: ScheduleRules,
): number {
  const expected = expectedDuration(learned);
  const expectedAt = timing.startedAt + (expected ?? 0);
  if (timing.lastPollAt === null) {
    return expected === null ? timing.startedAt + rules.intervalMs : expectedAt;
  }
  const overdue = Math.max(0, timing.lastPollAt - expectedAt);
  const share = expected === null ? 1 : OVERDUE_SHARE;
  const gap = Math.min(rules.maxGapMs, Math.max(rules.intervalMs, overdue * share));
  return Math.max(timing.lastPollAt + gap, expectedAt);
}

/**
 * What a landing teaches: the job ran at least until it was last seen running. A job never seen
 * running by this process (it landed before its first poll) teaches nothing: it may have landed
 * long ago.
 */
export function learnedFrom(timing: Readonly<JobTiming>): number | null {
  if (timing.lastRunningAt === null) return null;
  return Math.max(0, timing.lastRunningAt - timing.startedAt);
}

/**
 * The probe's poll time for the oldest pending job: every interval, while nothing has landed.
 * Null when it is not probed.
 */
export function probeAt(
  oldest: Readonly<JobTiming> | undefined,
  learned: readonly number[],
  rules: ScheduleRules,
): number | null {
  if (!oldest || learned.length > 0) return null;
  return (oldest.lastPollAt ?? oldest.startedAt) + rules.intervalMs;
}

/** The order polls are spent in: most overdue first, `limit` at most. */
export function duePolls(due: ReadonlyMap<string, number>, now: number, limit: number): string[] {
  return [...due]
    .filter(([, at]) => at <= now)
    .sort(([, a], [, b]) => a - b)
    .slice(0, Math.max(0, limit))
    .map(([key]) => key);
}

/**
 * One watching process's schedule: the timings of the jobs it has polled and the durations it
 * has learned. `pull` asks which jobs to poll this cycle and reports each poll's outcome.
 */
export class JobSchedule {
  readonly #timings = new Map<string, JobTiming>();
  readonly #learned: number[] = [];
  readonly #rules: ScheduleRules;
  /** How many jobs one cycle may poll (the rest of the cycle's budget goes to the listing). */
  readonly pollsPerCycle: number;
  /** Whether the oldest job is probed every interval until a first landing (see above). */
  readonly #probe: boolean;

  /**
   * `continuing`: the schedule this one replaces (new rules after a config reload, same API):
   * its learned durations and job timings carry over, so a reload does not start from nothing.
   */
  constructor(
    rules: ScheduleRules,
    pollsPerCycle: number,
    options: { probe?: boolean; continuing?: JobSchedule | undefined } = {},
  ) {
    this.#rules = rules;
    this.pollsPerCycle = Math.max(1, Math.floor(pollsPerCycle));
    this.#probe = options.probe ?? false;
    const previous = options.continuing;
    if (!previous) return;
    this.#learned.push(...previous.#learned);
    for (const [key, timing] of previous.#timings) this.#timings.set(key, { ...timing });
  }

  /** Durations learned so far (a copy). */
  get learned(): readonly number[] {
    return [...this.#learned];
  }

  #timing(key: string, startedAt: number): JobTiming {
    let timing = this.#timings.get(key);
    if (!timing) {
      timing = { startedAt, lastPollAt: null, lastRunningAt: null };
      this.#timings.set(key, timing);
    }
    return timing;
  }

  /** The jobs to poll now, from the pending ones (key and start time), most overdue first. */
  due(pending: Iterable<[string, number]>, now: number): string[] {
    const at = new Map<string, number>();
    let oldest: [string, JobTiming] | undefined;
    for (const [key, startedAt] of pending) {
      const timing = this.#timing(key, startedAt);
      at.set(key, nextPollAt(timing, this.#learned, this.#rules));
      if (!oldest || timing.startedAt < oldest[1].startedAt) oldest = [key, timing];
    }
    const probe = this.#probe && oldest ? probeAt(oldest[1], this.#learned, this.#rules) : null;
    if (oldest && probe !== null) at.set(oldest[0], Math.min(at.get(oldest[0]) ?? probe, probe));
    // Jobs no longer pending (collected by another run, or gone from the state) are forgotten.
    for (const key of this.#timings.keys()) if (!at.has(key)) this.#timings.delete(key);
    return duePolls(at, now, this.pollsPerCycle);
  }

  /**
   * A poll's answer: still running, ended (landed or not; only a landing teaches), or none (the
   * poll failed: the job is polled again at its next gap, and nothing is learned).
   */
  polled(key: string, at: number, result: 'running' | 'landed' | 'ended' | 'failed'): void {
    const timing = this.#timings.get(key);
    if (!timing) return;
    timing.lastPollAt = at;
    if (result === 'running' || result === 'failed') {
      if (result === 'running') timing.lastRunningAt = at;
      return;
    }
    const learned = result === 'landed' ? learnedFrom(timing) : null;
    if (learned !== null) this.#learned.push(learned);
    if (this.#learned.length > LEARNED_KEPT) this.#learned.shift();
    this.#timings.delete(key);
  }
}
