import type { Order } from '../api/types';

const WHO: Record<string, string> = {
  guest: 'guest',
  customer: 'guest',
  waiter: 'waiter',
  restaurant_admin: 'manager',
  master_admin: 'admin',
  chef: 'kitchen',
};

/**
 * Who placed the order, as the kitchen asks it ("by waiter", "by guest"): the role of its first status step,
 * the one that created it. The order carries no person's name, only the role; null when it is not known.
 */
export function placedBy(order: Order): string | null {
  const created = order.status_history.find((s) => s.from === null);
  const who = created?.by_role ? WHO[created.by_role] : undefined;
  return who ? `by ${who}` : null;
}
