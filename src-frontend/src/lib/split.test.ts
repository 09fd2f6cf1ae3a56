import type { Bill } from '../api/types';
import { describe, expect, it } from 'vitest';
import { equalSplitCents, previewBill, tipCents } from './split';

describe('bill split', () => {
  it('splits so the parts add up to the total to the cent', () => {
    expect(equalSplitCents(1000, 3)).toEqual([334, 333, 333]);
    expect(equalSplitCents(1001, 4)).toEqual([251, 250, 250, 250]);
    for (const [total, parts] of [[9999, 7], [1, 3], [0, 2], [123456, 50]] as const) {
      const shares = equalSplitCents(total, parts);
      expect(shares).toHaveLength(parts);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a split into no parts', () => {
    expect(() => equalSplitCents(100, 0)).toThrow(RangeError);
    expect(() => equalSplitCents(100, 1.5)).toThrow(RangeError);
  });

  it('rounds a percentage tip to the cent', () => {
    expect(tipCents(2350, 10)).toBe(235);
    expect(tipCents(1999, 15)).toBe(300);
  });
});

describe('bill preview', () => {
  const last: Bill = {
    session_id: 's', table_id: 't', table_label: 'T1', status: 'open', currency: 'EUR', lines: [], grouped_lines: [],
    subtotal: 100, tip: 0, total: 100, split: { mode: 'none', parts: [] },
  };

  it('previews an equal split with tip whose parts add up to the total', () => {
    const p = previewBill(last, { split: 'equal', parts: 3, tipPercent: 10 });
    expect(p.tip).toBe(10);
    expect(p.total).toBe(110);
    expect(p.split.parts.map((x) => x.amount)).toEqual([36.68, 36.66, 36.66]);
    expect(Math.round(p.split.parts.reduce((a, x) => a + x.amount, 0) * 100)).toBe(11000);
  });

  it('drops the parts for one bill', () => {
    expect(previewBill({ ...last, split: { mode: 'equal', parts: [{ part: 1, diner_id: null, name: null, subtotal: 100, tip: 0, amount: 100 }] } }, { split: 'none' }).split).toEqual({ mode: 'none', parts: [] });
  });
});
