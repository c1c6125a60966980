import { describe, expect, it } from 'vitest';
import { BOUNDS, boundProblem, parseBounded } from '../src/config/bounds.ts';
import { parseConfig } from '../src/config/load-config.ts';

const TIMER_LIMIT = 2 ** 31 - 1;

describe('numeric bounds (issue 10, item 9)', () => {
  it('issue 10 #9: every upper bound stays under Node’s timer limit', () => {
    for (const bound of Object.values(BOUNDS)) expect(bound.max).toBeLessThan(TIMER_LIMIT);
  });

  it.each(['2147483648', '0', '-5', '1e3', '0x10', '1.5', '', 'abc', '99999999999999999'])(
    'parseBounded refuses %j for the watch interval',
    (text) => {
      expect(() => parseBounded(text, BOUNDS.watchIntervalMs)).toThrow(RangeError);
    },
  );

  it('parseBounded accepts the ends of the range', () => {
    expect(parseBounded('100', BOUNDS.watchIntervalMs)).toBe(100);
    expect(parseBounded('3600000', BOUNDS.watchIntervalMs)).toBe(3_600_000);
    expect(parseBounded('50', BOUNDS.pollIntervalMs)).toBe(50);
  });

  it('boundProblem names the range', () => {
    expect(boundProblem(2_147_483_648, BOUNDS.waitTimeoutMs)).toBe(
      'expected a whole number from 1000 to 86400000 (ms)',
    );
    expect(boundProblem(Number.NaN, BOUNDS.requestsPerMinute)).not.toBeNull();
    expect(boundProblem(60, BOUNDS.requestsPerMinute)).toBeNull();
  });

  it('the config refuses watch values out of range, naming the key', () => {
    expect(() => parseConfig({ watch: { intervalMs: 2_147_483_648 } }, 'cfg')).toThrow(
      'cfg: watch.intervalMs',
    );
    expect(() => parseConfig({ watch: { requestsPerMinute: 1e9 } }, 'cfg')).toThrow(
      'cfg: watch.requestsPerMinute',
    );
    expect(parseConfig({ watch: { intervalMs: 100 } }, 'cfg').watch.intervalMs).toBe(100);
  });
});
