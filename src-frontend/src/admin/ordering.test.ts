import { describe, expect, it } from 'vitest';
import { moved } from './ordering';

const list = (...orders: number[]) => orders.map((display_order, i) => ({ id: String.fromCharCode(97 + i), display_order }));

describe('moving a category or item', () => {
  it('lets two neighbours trade their orders when no one else shares them', () => {
    expect(moved(list(0, 10, 20), 2, -1)).toEqual([
      { id: 'c', display_order: 10 },
      { id: 'b', display_order: 20 },
    ]);
    expect(moved(list(1, 2, 9000), 2, -1)).toEqual([
      { id: 'c', display_order: 2 },
      { id: 'b', display_order: 9000 },
    ]);
  });

  it('renumbers ties (everything at 0 reads in name order) so the move shows', () => {
    // b is already at 0
    expect(moved(list(0, 0, 0), 1, -1)).toEqual([
      { id: 'a', display_order: 10 },
      { id: 'c', display_order: 20 },
    ]);
  });

  it('renumbers when a neighbour shares its order with a third entry (names would decide)', () => {
    expect(moved(list(0, 0, 5), 2, -1)).toEqual([
      { id: 'c', display_order: 10 },
      { id: 'b', display_order: 20 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moved(list(0, 10), 0, -1)).toEqual([]);
    expect(moved(list(0, 10), 1, 1)).toEqual([]);
    expect(moved([], 0, 1)).toEqual([]);
  });
});
