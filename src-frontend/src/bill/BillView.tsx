import type { Bill } from '../api/types';
import { formatMoney } from '../lib/money';
import { modifierLine, partLabel } from './billText';

/**
 * A bill as diners and staff both see it: identical dishes on one line with their options (both as the
 * orders service groups them), subtotal, tip and total, and the split's parts. `me` is the diner's own id,
 * so its part reads "You"; staff pass none and read every part by name.
 */
export function BillView({ bill: b, me }: { bill: Bill; me?: string | null }) {
  return (
    <div className="flex flex-col gap-2" data-testid="bill">
      {b.grouped_lines.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing on the bill yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 text-sm" aria-label="Bill lines">
          {b.grouped_lines.map((l, i) => (
            <li key={i} className="flex justify-between gap-2 py-1" data-testid="bill-line">
              <span>
                {l.quantity} × {l.name}
                {l.modifiers.length > 0 && (
                  <span className="block text-xs text-stone-600" data-testid="bill-line-options">
                    {modifierLine(l.modifiers, b.currency)}
                  </span>
                )}
              </span>
              <span className="whitespace-nowrap">{formatMoney(l.line_total, b.currency)}</span>
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
            <li key={p.part} className="flex justify-between" data-testid="bill-part">
              <span className="truncate">{partLabel(b.split.mode, p, me)}</span>
              <span className="font-semibold">{formatMoney(p.amount, b.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
