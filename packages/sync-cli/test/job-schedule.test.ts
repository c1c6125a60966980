import { describe, expect, it } from 'vitest';
import {
  duePolls,
  expectedDuration,
  JobSchedule,
  learnedFrom,
  nextPollAt,
  probeAt,
} from '../src/sync/job-schedule.ts';

const rules = { intervalMs: 1_000, maxGapMs: 30_000 };
const fresh = (startedAt: number) => ({ startedAt, lastPollAt: null, lastRunningAt: null });

describe('job schedule (pure)', () => {
  it('before anything lands: first poll one interval after the start, then doubling gaps up to the cap', () => {
    expect(nextPollAt(fresh(0), [], rules)).toBe(1_000);
    const polls: number[] = [];
    let timing = { ...fresh(0), lastPollAt: null as number | null };
    for (let i = 0; i < 8; i++) {
      const at = nextPollAt(timing, [], rules);
      polls.push(at);
      timing = { ...timing, lastPollAt: at };
    }
    expect(polls).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 62_000, 92_000]);
  });

  it('after landings: the first poll waits for the median of the learned durations', () => {
    const learned = [9_000, 8_000, 12_000, 10_000, 11_000];
    expect(expectedDuration(learned)).toBe(10_000);
    // One loose early bound does not decide: the upper median of two is the later.
    expect(expectedDuration([4_000, 9_000])).toBe(9_000);
    expect(expectedDuration([])).toBeNull();
    expect(nextPollAt(fresh(5_000), learned, rules)).toBe(15_000);
  });

  it('past the expected finish, gaps grow with how overdue the job is, from the interval to the cap', () => {
    const learned = [10_000];
    const at = (lastPollAt: number) =>
      nextPollAt({ startedAt: 0, lastPollAt, lastRunningAt: lastPollAt }, learned, rules);
    expect(at(10_000)).toBe(11_000);
    expect(at(12_000)).toBe(13_000);
    expect(at(30_000)).toBe(35_000);
    expect(at(1_000_000)).toBe(1_030_000);
    // A poll before the expected finish (the schedule learned meanwhile) waits for it.
    expect(at(2_000)).toBe(10_000);
  });

  it('a landing teaches the time the job was last seen running; one never seen running teaches nothing', () => {
    expect(learnedFrom({ startedAt: 1_000, lastPollAt: 9_000, lastRunningAt: 8_000 })).toBe(7_000);
    expect(learnedFrom({ startedAt: 1_000, lastPollAt: 9_000, lastRunningAt: null })).toBeNull();
  });

  it('spends polls on the most overdue jobs first, at most the limit', () => {
    const due = new Map([
      ['late', 1_000],
      ['later', 500],
      ['future', 5_000],
      ['now', 2_000],
    ]);
    expect(duePolls(due, 2_000, 2)).toEqual(['later', 'late']);
    expect(duePolls(due, 2_000, 10)).toEqual(['later', 'late', 'now']);
    expect(duePolls(due, 2_000, 0)).toEqual([]);
  });
});

describe('probing the oldest job (providers without a listing)', () => {
  it('polls it every interval until a first landing, then no longer', () => {
    expect(probeAt(fresh(0), [], rules)).toBe(1_000);
    expect(probeAt({ startedAt: 0, lastPollAt: 7_000, lastRunningAt: 7_000 }, [], rules)).toBe(
      8_000,
    );
    expect(probeAt(fresh(0), [5_000], rules)).toBeNull();
    expect(probeAt(undefined, [], rules)).toBeNull();
  });

  it('a probing schedule learns a duration tight to an interval', () => {
    const probing = new JobSchedule(rules, 10, { probe: true });
    const plain = new JobSchedule(rules, 10);
    // Two jobs, the oldest finishing at 9.5 s: polled at every second by the probing schedule.
    for (const schedule of [probing, plain]) {
      for (let now = 1_000; now <= 20_000; now += 1_000) {
        for (const key of schedule.due(
          [
            ['old', 0],
            ['new', 500],
          ],
          now,
        )) {
          schedule.polled(key, now, key === 'old' && now >= 9_500 ? 'landed' : 'running');
        }
        if (schedule.learned.length > 0) break;
      }
    }
    expect(probing.learned).toEqual([9_000]);
    expect(plain.learned).toEqual([8_000]);
  });
});

describe('JobSchedule', () => {
  it('learns from landings and polls the next jobs at the learned duration', () => {
    const schedule = new JobSchedule(rules, 10);
    expect(schedule.due([['a', 0]], 500)).toEqual([]);
    expect(schedule.due([['a', 0]], 1_000)).toEqual(['a']);
    schedule.polled('a', 1_000, 'running');
    expect(schedule.due([['a', 0]], 1_500)).toEqual([]);
    expect(schedule.due([['a', 0]], 2_000)).toEqual(['a']);
    schedule.polled('a', 2_000, 'running');
    schedule.polled('a', 4_000, 'landed');
    expect(schedule.learned).toEqual([2_000]);
    // A job started later is not polled before the learned duration has passed.
    expect(schedule.due([['b', 10_000]], 11_000)).toEqual([]);
    expect(schedule.due([['b', 10_000]], 12_000)).toEqual(['b']);
  });

  it('a failed poll waits for the next gap and teaches nothing', () => {
    const schedule = new JobSchedule(rules, 10);
    expect(schedule.due([['f', 0]], 1_000)).toEqual(['f']);
    schedule.polled('f', 1_000, 'failed');
    expect(schedule.due([['f', 0]], 1_500)).toEqual([]);
    expect(schedule.due([['f', 0]], 2_000)).toEqual(['f']);
    schedule.polled('f', 2_000, 'failed');
    schedule.polled('f', 4_000, 'landed');
    expect(schedule.learned).toEqual([]);
  });

  it('a job that ended without landing teaches nothing; forgotten jobs are dropped', () => {
    const schedule = new JobSchedule(rules, 10);
    schedule.due([['x', 0]], 1_000);
    schedule.polled('x', 1_000, 'running');
    schedule.polled('x', 2_000, 'ended');
    expect(schedule.learned).toEqual([]);
    // Polling a key the schedule does not know is a no-op.
    schedule.polled('unknown', 3_000, 'landed');
    expect(schedule.learned).toEqual([]);
  });

  it('never polls more than its per-cycle share, and at least one', () => {
    const pending: [string, number][] = Array.from({ length: 50 }, (_, i) => [`job-${i}`, 0]);
    expect(new JobSchedule(rules, 6.7).due(pending, 60_000)).toHaveLength(6);
    expect(new JobSchedule(rules, 0.2).due(pending, 60_000)).toHaveLength(1);
  });
  it('a schedule continuing another keeps its learned durations and job timings, under new rules', () => {
    const before = new JobSchedule(rules, 10);
    before.due(
      [
        ['a', 0],
        ['b', 0],
      ],
      1_000,
    );
    before.polled('a', 1_000, 'running');
    before.polled('a', 3_000, 'landed');
    before.polled('b', 1_000, 'running');
    const wider = { intervalMs: 2_000, maxGapMs: 30_000 };
    const after = new JobSchedule(wider, 10, { continuing: before });
    expect(after.learned).toEqual([1_000]);
    // b was polled at 1 s: under the new rules its next poll is one (new) interval later.
    expect(after.due([['b', 0]], 2_500)).toEqual([]);
    expect(after.due([['b', 0]], 3_000)).toEqual(['b']);
    // A job new to both is first polled at the learned duration, not one interval in.
    expect(after.due([['c', 10_000]], 10_999)).toEqual([]);
    expect(after.due([['c', 10_000]], 11_000)).toEqual(['c']);
    // The two are separate from here on: what the new one learns is its own.
    after.polled('c', 11_000, 'running');
    after.polled('c', 16_000, 'landed');
    expect(after.learned).toEqual([1_000, 1_000]);
    expect(before.learned).toEqual([1_000]);
  });

  it('a schedule that continues nothing starts from nothing: first polls one interval in', () => {
    const blank = new JobSchedule({ intervalMs: 2_000, maxGapMs: 30_000 }, 10);
    expect(blank.learned).toEqual([]);
    expect(blank.due([['c', 10_000]], 11_000)).toEqual([]);
    expect(blank.due([['c', 10_000]], 12_000)).toEqual(['c']);
  });
});
