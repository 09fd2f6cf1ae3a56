import type { Order } from '../api/types';
import { modifierText } from '../lib/orders';
import { Button } from '../ui/ui';
import { ADVANCE_LABEL, NEXT_STATUS } from './board';
import { tapButton, type Tap } from './taps';
import { AGE_CLASSES, ageLevel, ageText, type AgeThresholds } from './ticketAge';

export function tableOf(order: Order): string {
  return order.table_label ?? (order.table_id ? 'Table' : 'Takeaway');
}

/** One ticket: the table, how long it has waited (coloured by age), its lines and the next step. */
export function TicketCard({ order: t, now, thresholds, tap, onTap }: { order: Order; now: number; thresholds: AgeThresholds; tap: Tap | undefined; onTap: (order: Order) => Promise<void> }) {
  const level = ageLevel(t.created_at, now, thresholds);
  return (
    <li className={`rounded-lg border-l-8 p-3 text-stone-900 ${AGE_CLASSES[level]}`} data-testid="ticket" data-order-id={t.id} data-age={level}>
      <div className="flex items-center justify-between">
        <span className="text-lg font-bold">{tableOf(t)}</span>
        <span className="font-mono text-lg" aria-label={`Waiting ${ageText(t.created_at, now)}`}>
          {ageText(t.created_at, now)}
        </span>
      </div>
      <TicketItems order={t} />
      {NEXT_STATUS[t.status] && <TapButton order={t} tap={tap} onTap={onTap} />}
    </li>
  );
}

function TapButton({ order, tap, onTap }: { order: Order; tap: Tap | undefined; onTap: (order: Order) => Promise<void> }) {
  const button = tapButton(tap, ADVANCE_LABEL[order.status] ?? '');
  return (
    <>
      <Button className="mt-2 min-h-12 w-full text-base" onClick={() => void onTap(order)} disabled={button.disabled} aria-busy={tap?.state === 'pending'}>
        {button.label}
      </Button>
      {tap?.state === 'failed' && (
        <p role="alert" className="mt-1 rounded bg-red-100 px-2 py-1 text-sm font-semibold text-red-900" data-testid="tap-failed">
          Not saved — {tap.reason}
        </p>
      )}
    </>
  );
}

export function TicketItems({ order }: { order: Order }) {
  return (
    <>
      <ul className="mt-1">
        {order.items.map((i, n) => (
          <li key={n} className="border-b border-stone-200 py-1 last:border-0">
            <span className="font-semibold">{i.quantity} ×</span> {i.name}
            {i.modifiers.length > 0 && <div className="pl-6 text-sm text-stone-700">{modifierText(i.modifiers)}</div>}
            {i.note && <div className="pl-6 text-sm font-semibold italic text-red-800">Note: {i.note}</div>}
          </li>
        ))}
      </ul>
      {order.note && <p className="mt-1 text-sm font-semibold italic text-red-800">Order note: {order.note}</p>}
    </>
  );
}
