import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  isRetryableStatus,
  isSafeToRetry,
  parseRetryAfter,
  retryAfterWithSkew,
} from '../src/core/retry-policy.ts';

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('adds a small positive skew to Retry-After and grows backoff per attempt', () => {
    for (let i = 0; i < 50; i++) {
      const skewed = retryAfterWithSkew(1000);
      expect(skewed).toBeGreaterThanOrEqual(1000);
      expect(skewed).toBeLessThanOrEqual(1150);
    }
    expect(backoffMs(1)).toBeLessThanOrEqual(625);
    expect(backoffMs(3)).toBeGreaterThanOrEqual(1500);
    expect(backoffMs(20)).toBeLessThanOrEqual(10_000);
  });

  it('retries 408, 429 and 5xx only; POST only with a key on a deduping route', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
    expect(isSafeToRetry('GET', false)).toBe(true);
    expect(isSafeToRetry('DELETE', false)).toBe(true);
    expect(isSafeToRetry('POST', true)).toBe(true);
    expect(isSafeToRetry('POST', false)).toBe(false);
    expect(isSafeToRetry('PATCH', false)).toBe(false);
  });
});
