import { describe, expect, it } from 'vitest';
import type { Order } from '../api/types';
import { canCancel, isUnserved, itemCount, orderRef, stepsToServed, upsertOrder } from './orders';

function order(id: string, createdMin: number, updatedMin = createdMin, status: Order['status'] = 'PENDING'): Order {
  const t = (m: number) => new Date(Date.parse('2026-11-25T10:00:00Z') + m * 60_000).toISOString();
  return {
    id, restaurant_id: 'r', session_id: 's', table_id: 't', table_label: 'Table 1', customer_id: null, type: 'dine_in', status,
    currency: 'EUR', total_amount: 10, note: null, items: [], created_at: t(createdMin), updated_at: t(updatedMin), status_history: [],
  };
}

describe('orders kept up to date from answers and live events', () => {
  it('adds and replaces orders, oldest first', () => {
    let list = upsertOrder([], order('b', 2));
    list = upsertOrder(list, order('a', 1));
    list = upsertOrder(list, order('b', 2, 3, 'CONFIRMED'));
    expect(list.map((o) => [o.id, o.status])).toEqual([['a', 'PENDING'], ['b', 'CONFIRMED']]);
  });

  it('never lets an older version replace a newer one (events and answers can cross)', () => {
    const list = upsertOrder([order('a', 1, 5, 'PREPARING')], order('a', 1, 2, 'CONFIRMED'));
    expect(list[0]!.status).toBe('PREPARING');
  });
});

describe('what staff do with the orders that keep a tab open', () => {
  it('brings an order to SERVED one step of the status flow at a time', () => {
    expect(stepsToServed('PENDING')).toEqual(['CONFIRMED', 'PREPARING', 'READY', 'SERVED']);
    expect(stepsToServed('CONFIRMED')).toEqual(['PREPARING', 'READY', 'SERVED']);
    expect(stepsToServed('READY')).toEqual(['SERVED']);
    expect(stepsToServed('SERVED')).toEqual([]);
    expect(stepsToServed('CANCELLED')).toEqual([]);
    expect(stepsToServed('COMPLETED')).toEqual([]);
  });

  it('cancels only what the kitchen has not started; unserved is everything before SERVED', () => {
    expect((['PENDING', 'CONFIRMED', 'PREPARING', 'READY', 'SERVED'] as const).map(canCancel)).toEqual([true, true, false, false, false]);
    expect((['PENDING', 'READY', 'SERVED', 'COMPLETED', 'CANCELLED'] as const).map(isUnserved)).toEqual([true, true, false, false, false]);
  });

  it('names an order by a short reference and counts its dishes', () => {
    const o = { ...order('3f2a9c1e-0000-4000-8000-000000000000', 1), items: [{ quantity: 2 }, { quantity: 1 }] as Order['items'] };
    expect(orderRef(o)).toBe('#3F2A');
    expect(itemCount(o)).toBe(3);
  });
});
