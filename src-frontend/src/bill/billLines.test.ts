import { describe, expect, it } from 'vitest';
import type { Bill, Order, OrderItem } from '../api/types';
import { billLines } from './billLines';

const large = { option_id: 'large', name: 'Large', price_delta: 2 };
const olives = { option_id: 'olives', name: 'Olives', price_delta: 0.5 };
const item = (menuItemId: string, name: string, unit: number, quantity: number, modifiers: OrderItem['modifiers'] = []): OrderItem => ({
  menu_item_id: menuItemId, name, quantity, unit_price: unit, modifiers, note: null, line_total: unit * quantity,
});
const order = (id: string, items: OrderItem[]): Order => ({
  id, restaurant_id: 'r', session_id: 's', table_id: 't', table_label: 'T1', customer_id: null, type: 'dine_in', status: 'SERVED', currency: 'EUR',
  total_amount: 0, note: null, items, created_at: '2026-12-01T10:00:00Z', updated_at: '2026-12-01T10:00:00Z', status_history: [],
});
const billOf = (orders: Order[]): Bill => ({
  session_id: 's', table_id: 't', table_label: 'T1', status: 'open', currency: 'EUR', subtotal: 0, tip: 0, total: 0, split: { mode: 'none', parts: [] },
  lines: orders.flatMap((o) => o.items.map((i) => ({ order_id: o.id, diner_id: null, menu_item_id: i.menu_item_id, name: i.name, quantity: i.quantity, unit_price: i.unit_price, line_total: i.line_total }))),
});

describe('bill lines', () => {
  const orders = [
    order('o1', [item('pizza', 'Margherita', 12.5, 1, [large, olives]), item('water', 'Water', 2, 1)]),
    order('o2', [item('pizza', 'Margherita', 12.5, 2, [olives, large]), item('pizza', 'Margherita', 10, 1), item('water', 'Water', 2, 1)]),
  ];

  it('puts identical dishes on one line with their options, quantities and totals added up', () => {
    expect(billLines(billOf(orders), orders).map((l) => [l.quantity, l.name, l.modifiers, l.lineTotal])).toEqual([
      [3, 'Margherita', 'Large, Olives', 37.5],
      [2, 'Water', '', 4],
      [1, 'Margherita', '', 10],
    ]);
  });

  it('adds money to the cent', () => {
    const cheap = [order('a', [item('bread', 'Bread', 0.1, 1)]), order('b', [item('bread', 'Bread', 0.1, 1)]), order('c', [item('bread', 'Bread', 0.1, 1)])];
    expect(billLines(billOf(cheap), cheap)[0]!.lineTotal).toBe(0.3);
  });

  it('keeps one line per ordered item while the options are not known', () => {
    expect(billLines(billOf(orders), undefined)).toHaveLength(5);
  });
});
