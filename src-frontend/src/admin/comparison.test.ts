import { describe, expect, it } from 'vitest';
import { changeBetween, comparedTo, previousRange } from './comparison';

describe('analytics: the previous period', () => {
  it('is the same length, just before', () => {
    expect(previousRange({ from: '2026-11-24', to: '2026-11-30' })).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(previousRange({ from: '2026-12-01', to: '2026-12-01' })).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    // across a month end and a daylight-saving change (calendar days, not 24-hour steps)
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(comparedTo({ from: '2026-11-24', to: '2026-11-30' })).toBe('vs previous 7 days');
    expect(comparedTo({ from: '2026-12-01', to: '2026-12-01' })).toBe('vs previous day');
  });

  it('says how each figure moved', () => {
    expect(changeBetween(112, 100)).toEqual({ text: '+12%', trend: 'up' });
    expect(changeBetween(95, 100)).toEqual({ text: '−5%', trend: 'down' });
    expect(changeBetween(100.2, 100)).toEqual({ text: 'no change', trend: 'same' });
    expect(changeBetween(5, 0)).toEqual({ text: 'new', trend: 'up' });
    expect(changeBetween(0, 0)).toEqual({ text: 'no change', trend: 'same' });
    expect(changeBetween(null, 10)).toEqual({ text: '—', trend: 'none' });
    expect(changeBetween(10, null)).toEqual({ text: '—', trend: 'none' });
  });
});
