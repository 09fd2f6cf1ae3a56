import type { Bill, Order } from '../api/types';
import { formatMoney } from '../lib/money';
import { billLines } from './billLines';

/**
 * A bill as diners and staff both see it: identical dishes on one line with their options, subtotal,
 * tip and total, and the split's parts. `orders` (the table's) tell each line's options.
 */
export function BillView({ bill: b, orders }: { bill: Bill; orders: Order[] | undefined }) {
  const lines = billLines(b, orders);
  return (
    <div className="flex flex-col gap-2" data-testid="bill">
      {lines.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing on the bill yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 text-sm" aria-label="Bill lines">
          {lines.map((l) => (
            <li key={l.key} className="flex justify-between gap-2 py-1" data-testid="bill-line">
              <span>
                {l.quantity} × {l.name}
                {l.modifiers && <span className="block text-xs text-stone-600">{l.modifiers}</span>}
              </span>
              <span className="whitespace-nowrap">{formatMoney(l.lineTotal, b.currency)}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-2 gap-1 border-t border-stone-300 pt-2 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right">{formatMoney(b.subtotal, b.currency)}</dd>
        <dt>Tip</dt>
        <dd className="text-right">{formatMoney(b.tip, b.currency)}</dd>
        <dt className="font-bold">Total</dt>
        <dd className="text-right font-bold">{formatMoney(b.total, b.currency)}</dd>
      </dl>
      {b.split.mode !== 'none' && (
        <ul className="rounded-md bg-stone-100 p-2 text-sm" aria-label="Split">
          {b.split.parts.map((p) => (
            <li key={p.part} className="flex justify-between">
              <span>{b.split.mode === 'items' ? `Diner ${p.part}` : `Person ${p.part}`}</span>
              <span className="font-semibold">{formatMoney(p.amount, b.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
