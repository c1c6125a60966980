import { describe, expect, it } from 'vitest';
import {
  afterRateLimited,
  currentShare,
  FULL_SHARE,
  growthStep,
  isShare,
  MIN_SHARE,
  type Share,
} from '../src/core/budget-share.ts';

const LIMIT = 120;
const WINDOW = 60_000;

describe('the share of the limit a budget allows itself (AIMD)', () => {
  it('is the whole limit until a 429, however long it runs', () => {
    expect(currentShare(FULL_SHARE, LIMIT, WINDOW, 0)).toBe(120);
    expect(currentShare(FULL_SHARE, LIMIT, WINDOW, 10 * 24 * 3_600_000)).toBe(120);
  });

  it('halves on a 429', () => {
    const cut = afterRateLimited(FULL_SHARE, LIMIT, WINDOW, 1_000, 900);
    expect(cut).toEqual({ base: 60, cutAt: 1_000 });
    expect(currentShare(cut, LIMIT, WINDOW, 1_000)).toBe(60);
  });

  it('cuts once per overload: a 429 for a request sent before the last cut changes nothing', () => {
    const cut = afterRateLimited(FULL_SHARE, LIMIT, WINDOW, 1_000, 900);
    expect(afterRateLimited(cut, LIMIT, WINDOW, 1_050, 950)).toBe(cut);
    // Sent after the cut, under the smaller share: a new overload, cut again.
    expect(afterRateLimited(cut, LIMIT, WINDOW, 2_000, 1_500)).toEqual({ base: 30, cutAt: 2_000 });
  });

  it('never cuts below one request per window', () => {
    let share: Share = FULL_SHARE;
    for (let i = 1; i <= 20; i++) share = afterRateLimited(share, LIMIT, WINDOW, i * 10, i * 10);
    expect(share.base).toBe(MIN_SHARE);
    expect(currentShare(share, LIMIT, WINDOW, 200)).toBe(1);
  });

  it('grows back a twentieth of the limit per whole window without a 429, up to the limit', () => {
    const cut: Share = { base: 30, cutAt: 0 };
    expect(growthStep(LIMIT)).toBe(6);
    expect(currentShare(cut, LIMIT, WINDOW, WINDOW - 1)).toBe(30);
    expect(currentShare(cut, LIMIT, WINDOW, WINDOW)).toBe(36);
    expect(currentShare(cut, LIMIT, WINDOW, 3 * WINDOW + 5)).toBe(48);
    expect(currentShare(cut, LIMIT, WINDOW, 15 * WINDOW)).toBe(120);
    expect(currentShare(cut, LIMIT, WINDOW, 100 * WINDOW)).toBe(120);
  });

  it('grows by at least one request per window for small limits', () => {
    expect(growthStep(10)).toBe(1);
    expect(growthStep(1)).toBe(1);
    expect(currentShare({ base: 1, cutAt: 0 }, 10, 1_000, 4_000)).toBe(5);
  });

  it('halves what it had grown back to, not the share right after the last cut', () => {
    const grown = currentShare({ base: 20, cutAt: 0 }, LIMIT, WINDOW, 5 * WINDOW);
    expect(grown).toBe(50);
    const cut = afterRateLimited({ base: 20, cutAt: 0 }, LIMIT, WINDOW, 5 * WINDOW, 5 * WINDOW);
    expect(cut.base).toBe(25);
  });

  it('treats a ledger value that is not a share as none', () => {
    expect(isShare({ base: 30, cutAt: 5 })).toBe(true);
    expect(isShare({ base: 0, cutAt: 5 })).toBe(false);
    expect(isShare({ base: '30', cutAt: 5 })).toBe(false);
    expect(isShare({ base: 30, cutAt: null })).toBe(false);
    expect(isShare(null)).toBe(false);
    expect(isShare([30, 5])).toBe(false);
  });
});
