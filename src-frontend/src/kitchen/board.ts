import type { LiveMessage, Order, OrderStatus } from '../api/types';
import { isNewer, sortByAge, upsertOrder } from '../lib/orders';
import { isOrderEvent } from '../live/events';

const ON_BOARD: OrderStatus[] = ['PENDING', 'CONFIRMED', 'PREPARING', 'READY'];

/** The one-tap step of each board status; READY's step bumps the ticket off the board (served). */
export const NEXT_STATUS: Partial<Record<OrderStatus, OrderStatus>> = {
  PENDING: 'CONFIRMED',
  CONFIRMED: 'PREPARING',
  PREPARING: 'READY',
  READY: 'SERVED',
};

export const ADVANCE_LABEL: Partial<Record<OrderStatus, string>> = {
  PENDING: 'Confirm',
  CONFIRMED: 'Start preparing',
  PREPARING: 'Mark ready',
  READY: 'Bump (served)',
};

export interface BoardState {
  tickets: Order[];
  /** Ids of orders that arrived live since the last snapshot (they ring the bell). */
  newIds: string[];
}

export const EMPTY_BOARD: BoardState = { tickets: [], newIds: [] };

/** The tickets with `order` in it, oldest first; a ticket leaves the board once served or cancelled. */
export function upsertTicket(tickets: Order[], order: Order): Order[] {
  if (!isNewer(order, tickets)) return tickets;
  return ON_BOARD.includes(order.status) ? upsertOrder(tickets, order) : tickets.filter((t) => t.id !== order.id);
}

/** The board after a live message: a snapshot replaces everything (a reconnect loses nothing). */
export function boardReducer(state: BoardState, message: LiveMessage | { kind: 'local'; order: Order }): BoardState {
  if (message.kind === 'local') return { ...state, tickets: upsertTicket(state.tickets, message.order) };
  if (message.kind === 'snapshot' && message.scope === 'kitchen') {
    return { tickets: sortByAge(message.orders.filter((o) => ON_BOARD.includes(o.status))), newIds: [] };
  }
  if (message.kind !== 'event') return state;
  const event = message.event;
  if (!isOrderEvent(event)) return state;
  const order = event.data;
  const tickets = upsertTicket(state.tickets, order);
  const isNew = event.type === 'order.created' && !state.tickets.some((t) => t.id === order.id);
  return { tickets, newIds: isNew ? [...state.newIds, order.id] : state.newIds };
}

export function isOnBoard(status: OrderStatus): boolean {
  return ON_BOARD.includes(status);
}
