import type { Order } from '../api/types';

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
