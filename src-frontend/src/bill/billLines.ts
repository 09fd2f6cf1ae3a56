import type { Bill, Order } from '../api/types';
import { modifierText } from '../lib/orders';

export interface BillLine {
  key: string;
  name: string;
  /** The options picked, e.g. "Large, Olives"; empty when none (or not known yet). */
  modifiers: string;
  quantity: number;
  lineTotal: number;
}

const cents = (amount: number) => Math.round(amount * 100);

/**
 * The bill's lines as a diner reads them: identical dishes (same item, same options, same price) on one
 * line with their quantities added up, each with its options. The orders service lists a line per
 * ordered item, in each order's item order; the table's orders (same order) tell the options. Without
 * them the lines stay one per ordered item, since two lines of one dish may differ in their options.
 */
export function billLines(bill: Bill, orders: Order[] | undefined): BillLine[] {
  const byOrder = new Map((orders ?? []).map((o) => [o.id, o]));
  const nth = new Map<string, number>();
  const lines = new Map<string, BillLine>();
  bill.lines.forEach((l, i) => {
    const n = nth.get(l.order_id) ?? 0;
    nth.set(l.order_id, n + 1);
    const item = byOrder.get(l.order_id)?.items[n];
    const picked = item && item.menu_item_id === l.menu_item_id ? item.modifiers : null;
    // a line whose options are not known is never merged with another
    const key = picked ? [l.menu_item_id, picked.map((m) => m.option_id).sort().join('+'), cents(l.unit_price)].join('|') : `${l.order_id}-${i}`;
    const same = lines.get(key);
    if (same) {
      same.quantity += l.quantity;
      same.lineTotal = (cents(same.lineTotal) + cents(l.line_total)) / 100;
    } else {
      lines.set(key, { key, name: l.name, modifiers: picked ? modifierText(picked) : '', quantity: l.quantity, lineTotal: l.line_total });
    }
  });
  return [...lines.values()];
}
