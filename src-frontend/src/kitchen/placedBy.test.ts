import { describe, expect, it } from 'vitest';
import type { Order } from '../api/types';
import { placedBy } from './placedBy';

const order = (history: Order['status_history']) => ({ status_history: history }) as Order;
const step = (from: Order['status'] | null, to: Order['status'], by_role: string | null) => ({ from, to, at: '2026-11-25T10:00:00Z', by: 'u', by_role });

describe("a ticket's header says who placed the order", () => {
  it('from the step that created it, not a later one', () => {
    expect(placedBy(order([step(null, 'PENDING', 'waiter'), step('PENDING', 'CONFIRMED', 'restaurant_admin')]))).toBe('by waiter');
    expect(placedBy(order([step(null, 'PENDING', 'guest'), step('PENDING', 'CONFIRMED', 'waiter')]))).toBe('by guest');
    expect(placedBy(order([step(null, 'CONFIRMED', 'customer')]))).toBe('by guest');
    expect(placedBy(order([step(null, 'PENDING', 'restaurant_admin')]))).toBe('by manager');
  });

  it('says nothing when it is not known', () => {
    expect(placedBy(order([]))).toBeNull();
    expect(placedBy(order([step(null, 'PENDING', null)]))).toBeNull();
    expect(placedBy(order([step(null, 'PENDING', 'robot')]))).toBeNull();
  });
});
