import { describe, expect, it } from 'vitest';
import type { EventType } from '../api/eventCatalogue';
import type { LiveEvent, Order, OrderStatus } from '../api/types';
import { boardReducer, EMPTY_BOARD, NEXT_STATUS } from './board';

function order(id: string, status: OrderStatus, createdMin: number, updatedMin = createdMin): Order {
  const t = (m: number) => new Date(Date.parse('2026-11-25T10:00:00Z') + m * 60_000).toISOString();
  return {
    id, restaurant_id: 'r', session_id: 's', table_id: 't', table_label: 'Table 1', customer_id: null, type: 'dine_in', status,
    currency: 'EUR', total_amount: 10, note: null, items: [], created_at: t(createdMin), updated_at: t(updatedMin), status_history: [],
  };
}
const event = (type: EventType, data: Order) => ({ kind: 'event' as const, event: { event_id: `${type}-${data.id}-${data.updated_at}`, type, occurred_at: data.updated_at, restaurant_id: 'r', data } as LiveEvent });

describe('kitchen board', () => {
  it('takes the snapshot as the whole board, oldest first, without finished orders', () => {
    const board = boardReducer(EMPTY_BOARD, { kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r', orders: [order('b', 'PREPARING', 2), order('a', 'PENDING', 1), order('c', 'SERVED', 0)] });
    expect(board.tickets.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('adds a new order live and marks it for the bell', () => {
    const board = boardReducer(EMPTY_BOARD, event('order.created', order('a', 'PENDING', 1)));
    expect(board.tickets.map((t) => t.id)).toEqual(['a']);
    expect(board.newIds).toEqual(['a']);
  });

  it('moves a ticket on status changes and drops it once served or cancelled', () => {
    let board = boardReducer(EMPTY_BOARD, event('order.created', order('a', 'PENDING', 1)));
    board = boardReducer(board, event('order.status_changed', order('a', 'PREPARING', 1, 2)));
    expect(board.tickets[0]!.status).toBe('PREPARING');
    board = boardReducer(board, event('order.status_changed', order('a', 'SERVED', 1, 3)));
    expect(board.tickets).toEqual([]);
    board = boardReducer(board, event('order.created', order('b', 'PENDING', 4)));
    board = boardReducer(board, event('order.cancelled', order('b', 'CANCELLED', 4, 5)));
    expect(board.tickets).toEqual([]);
  });

  it('ignores an older version that arrives after a newer one', () => {
    let board = boardReducer(EMPTY_BOARD, event('order.status_changed', order('a', 'READY', 1, 5)));
    board = boardReducer(board, event('order.status_changed', order('a', 'PREPARING', 1, 3)));
    expect(board.tickets[0]!.status).toBe('READY');
  });

  it('does not ring twice for a redelivered creation, and a reconnect snapshot replaces the board', () => {
    let board = boardReducer(EMPTY_BOARD, event('order.created', order('a', 'PENDING', 1)));
    board = boardReducer(board, event('order.created', order('a', 'PENDING', 1)));
    expect(board.newIds).toEqual(['a']);
    // while disconnected, 'a' was served and 'z' placed: the snapshot on reconnect has the truth
    board = boardReducer(board, { kind: 'snapshot', scope: 'kitchen', restaurant_id: 'r', orders: [order('z', 'PENDING', 9)] });
    expect(board.tickets.map((t) => t.id)).toEqual(['z']);
  });

  it('applies the answer of a one-tap advance right away', () => {
    let board = boardReducer(EMPTY_BOARD, event('order.created', order('a', 'PENDING', 1)));
    board = boardReducer(board, { kind: 'local', order: order('a', 'CONFIRMED', 1, 2) });
    expect(board.tickets[0]!.status).toBe('CONFIRMED');
  });

  it('advances confirm → preparing → ready → served', () => {
    expect([NEXT_STATUS.PENDING, NEXT_STATUS.CONFIRMED, NEXT_STATUS.PREPARING, NEXT_STATUS.READY]).toEqual(['CONFIRMED', 'PREPARING', 'READY', 'SERVED']);
    expect(NEXT_STATUS.SERVED).toBeUndefined();
  });
});
