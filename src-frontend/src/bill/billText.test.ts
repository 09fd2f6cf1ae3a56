import { describe, expect, it } from 'vitest';
import type { BillPart } from '../api/types';
import { modifierLine, partLabel } from './billText';

const part = (n: number, dinerId: string | null, name: string | null): BillPart => ({ part: n, diner_id: dinerId, name, subtotal: 1, tip: 0, amount: 1 });

describe('bill parts', () => {
  it('says "You" for the diner\'s own part and names the others as they named themselves', () => {
    const parts = [part(1, 'ben', 'Ben'), part(2, 'me', 'Ada'), part(3, 'carla', null)];
    expect(parts.map((p) => partLabel('items', p, 'me'))).toEqual(['Ben', 'You', 'Guest 3']);
  });

  it('names every part for staff, who are nobody at the table', () => {
    const parts = [part(1, 'ada', 'Ada'), part(2, 'ben', null)];
    expect(parts.map((p) => partLabel('items', p))).toEqual(['Ada', 'Guest 2']);
    expect(parts.map((p) => partLabel('items', p, null))).toEqual(['Ada', 'Guest 2']);
  });

  it('numbers equal parts', () => {
    expect(partLabel('equal', part(2, null, null), 'me')).toBe('Person 2');
  });
});

describe('bill options', () => {
  it('prints each option with what it adds to the price', () => {
    const line = modifierLine(
      [
        { option_id: 'l', name: 'Large', price_delta: 2 },
        { option_id: 'b', name: 'Basil', price_delta: 0 },
        { option_id: 'o', name: 'Olives', price_delta: 0.5 },
      ],
      'EUR',
    );
    expect(line).toMatch(/^Large \(\+€2\.00\), Basil, Olives \(\+€0\.50\)$/);
    expect(modifierLine([{ option_id: 'h', name: 'Half', price_delta: -1.5 }], 'EUR')).toMatch(/^Half \(−€1\.50\)$/);
    expect(modifierLine([], 'EUR')).toBe('');
  });
});
