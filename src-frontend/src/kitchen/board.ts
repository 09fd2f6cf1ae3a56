import type { EventEnvelope, LiveMessage, Order, OrderStatus } from '../api/types';

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

function byAge(a: Order, b: Order): number {
  return Date.parse(a.created_at) - Date.parse(b.created_at) || a.id.localeCompare(b.id);
}

/** A newer version of an order replaces an older one, never the other way round (events can cross). */
function newer(incoming: Order, existing: Order | undefined): boolean {
  return !existing || Date.parse(incoming.updated_at) >= Date.parse(existing.updated_at);
}

export function upsertOrder(tickets: Order[], order: Order): Order[] {
  const existing = tickets.find((t) => t.id === order.id);
  if (!newer(order, existing)) return tickets;
  const rest = tickets.filter((t) => t.id !== order.id);
  return ON_BOARD.includes(order.status) ? [...rest, order].sort(byAge) : rest;
}

/** The board after a live message: a snapshot replaces everything (a reconnect loses nothing). */
export function boardReducer(state: BoardState, message: LiveMessage | { kind: 'local'; order: Order }): BoardState {
  if (message.kind === 'local') return { ...state, tickets: upsertOrder(state.tickets, message.order) };
  if (message.kind === 'snapshot' && message.scope === 'kitchen') {
    return { tickets: message.orders.filter((o) => ON_BOARD.includes(o.status)).sort(byAge), newIds: [] };
  }
  if (message.kind !== 'event') return state;
  const event = message.event as EventEnvelope<Order>;
  if (!event.type.startsWith('order.')) return state;
  const order = event.data;
  const tickets = upsertOrder(state.tickets, order);
  const isNew = event.type === 'order.created' && !state.tickets.some((t) => t.id === order.id);
  return { tickets, newIds: isNew ? [...state.newIds, order.id] : state.newIds };
}

export function isOnBoard(status: OrderStatus): boolean {
  return ON_BOARD.includes(status);
}
