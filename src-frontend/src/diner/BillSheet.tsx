import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dinerApi, type BillAsk } from '../api/endpoints';
import { formatMoney } from '../lib/money';
import { previewBill } from '../lib/split';
import { ErrorBox, Loading, Modal } from '../ui/ui';

/** The table's bill with tip and split (equal parts or per diner), computed by the orders service. */
export function BillSheet({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const [ask, setAsk] = useState<BillAsk>({ split: 'none', parts: 2, tipPercent: 0 });
  const bill = useQuery({
    queryKey: ['bill', sessionId, ask],
    queryFn: () => dinerApi.bill(sessionId, ask),
    placeholderData: (last) => (last ? previewBill(last, ask) : undefined),
  });
  const b = bill.data;
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title="Your bill" side>
      <div className="flex flex-col gap-3">
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-semibold">Split</legend>
          {(['none', 'equal', 'items'] as const).map((mode) => (
            <label key={mode} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="split" checked={ask.split === mode} onChange={() => setAsk((a) => ({ ...a, split: mode }))} />
              {mode === 'none' ? 'One bill' : mode === 'equal' ? 'Equal parts' : 'By what each ordered'}
            </label>
          ))}
        </fieldset>
        <div className="flex gap-3">
          {ask.split === 'equal' && (
            <div className="flex flex-col gap-1">
              <label htmlFor="bill-parts" className="text-sm font-medium">
                People
              </label>
              <input
                id="bill-parts"
                type="number"
                min={1}
                max={50}
                value={ask.parts}
                onChange={(e) => setAsk((a) => ({ ...a, parts: Math.min(50, Math.max(1, Number(e.target.value) || 1)) }))}
                className="w-24 rounded-md border border-stone-400 px-3 py-2"
              />
            </div>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor="bill-tip" className="text-sm font-medium">
              Tip
            </label>
            <select
              id="bill-tip"
              value={ask.tipPercent}
              onChange={(e) => setAsk((a) => ({ ...a, tipPercent: Number(e.target.value) }))}
              className="rounded-md border border-stone-400 px-3 py-2"
            >
              {[0, 5, 10, 15].map((p) => (
                <option key={p} value={p}>
                  {p === 0 ? 'No tip' : `${p} %`}
                </option>
              ))}
            </select>
          </div>
        </div>
        {bill.isPending && <Loading label="Adding up the bill…" />}
        <ErrorBox error={bill.error} />
        {b && (
          <div className="flex flex-col gap-2" data-testid="bill">
            {b.lines.length === 0 ? (
              <p className="text-sm text-stone-700">Nothing on the bill yet.</p>
            ) : (
              <ul className="divide-y divide-stone-200 text-sm">
                {b.lines.map((l, i) => (
                  <li key={`${l.order_id}-${i}`} className="flex justify-between py-1">
                    <span>
                      {l.quantity} × {l.name}
                    </span>
                    <span>{formatMoney(l.line_total, b.currency)}</span>
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
        )}
      </div>
    </Modal>
  );
}
