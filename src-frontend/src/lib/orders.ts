import type { Order, OrderStatus } from '../api/types';

function byAge(a: Order, b: Order): number {
  return Date.parse(a.created_at) - Date.parse(b.created_at) || a.id.localeCompare(b.id);
}

/**
 * The list with `order` in it, oldest first. A newer version of an order replaces an older one, never the
 * other way round (live events and answers can cross).
 */
export function upsertOrder(orders: Order[], order: Order): Order[] {
  if (!isNewer(order, orders)) return orders;
  return [...orders.filter((o) => o.id !== order.id), order].sort(byAge);
}

/** Whether `order` is at least as new as the list's version of it (or the list has none). */
export function isNewer(order: Order, orders: Order[]): boolean {
  const existing = orders.find((o) => o.id === order.id);
  return !existing || Date.parse(order.updated_at) >= Date.parse(existing.updated_at);
}

export function sortByAge(orders: Order[]): Order[] {
  return [...orders].sort(byAge);
}

/** "2 × Margherita (Large, Olives)": how an order line reads everywhere. */
export function modifierText(modifiers: { name: string }[]): string {
  return modifiers.map((m) => m.name).join(', ');
}

/**
 * A short reference to say and see an order by ("#3F2A", the first characters of its random id): the
 * kitchen's ticket, the orders board and the tab's open orders show the same one. The orders service
 * numbers no orders.
 */
export function orderRef(order: { id: string }): string {
  return `#${order.id.replace(/-/g, '').slice(0, 4).toUpperCase()}`;
}

/** Dishes on an order, counting quantities (2 × Margherita is two). */
export function itemCount(order: Order): number {
  return order.items.reduce((n, i) => n + i.quantity, 0);
}

const TO_SERVED: OrderStatus[] = ['CONFIRMED', 'PREPARING', 'READY', 'SERVED'];

/**
 * The status changes that bring an order to SERVED, one step of the flow at a time (the only changes
 * the orders service accepts): none for an order already served or finished.
 */
export function stepsToServed(status: OrderStatus): OrderStatus[] {
  if (status === 'PENDING') return TO_SERVED;
  const at = TO_SERVED.indexOf(status);
  return at < 0 || status === 'SERVED' ? [] : TO_SERVED.slice(at + 1);
}

/** Orders still on their way from the kitchen (they keep a tab from closing as paid). */
export function isUnserved(status: OrderStatus): boolean {
  return status === 'PENDING' || status === 'CONFIRMED' || status === 'PREPARING' || status === 'READY';
}

/** The status flow cancels only what the kitchen has not started. */
export function canCancel(status: OrderStatus): boolean {
  return status === 'PENDING' || status === 'CONFIRMED';
}
