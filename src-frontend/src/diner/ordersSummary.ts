import type { Order, OrderStatus } from '../api/types';

const ACTIVE: OrderStatus[] = ['READY', 'PREPARING', 'CONFIRMED', 'PENDING'];
const WORDS: Partial<Record<OrderStatus, string>> = {
  READY: 'ready',
  PREPARING: 'preparing',
  CONFIRMED: 'confirmed',
  PENDING: 'waiting for confirmation',
  SERVED: 'served',
  COMPLETED: 'served',
};

/**
 * What the sticky orders bar says: "Preparing" when every active order is at one step, "1 ready · 2
 * preparing" when they differ (the news first), "Served" once all are served. Null without orders.
 */
export function ordersSummary(orders: Order[]): string | null {
  const live = orders.filter((o) => o.status !== 'CANCELLED');
  if (live.length === 0) return null;
  const active = ACTIVE.map((s) => [s, live.filter((o) => o.status === s).length] as const).filter(([, n]) => n > 0);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (active.length === 0) return 'Served';
  if (active.length === 1) return capital(WORDS[active[0]![0]]!);
  return active.map(([s, n]) => `${n} ${WORDS[s]}`).join(' · ');
}
