import type { Order } from '../api/types';
import { formatTime } from '../lib/dates';
import { itemCount, modifierText, orderRef } from '../lib/orders';
import { Button } from '../ui/ui';
import { ADVANCE_LABEL, NEXT_STATUS } from './board';
import { placedBy } from './placedBy';
import { tapButton, type Tap } from './taps';
import { AGE_CLASSES, ageLevel, ageText, type AgeThresholds } from './ticketAge';

export function tableOf(order: Order): string {
  return order.table_label ?? (order.table_id ? 'Table' : 'Takeaway');
}

/**
 * One ticket: a header band coloured by age (the table, the order's reference, when it came in, how many
 * dishes, who placed it, how long it has waited), its lines and the next step.
 */
export function TicketCard({
  order: t,
  now,
  thresholds,
  timeZone,
  tap,
  onTap,
}: {
  order: Order;
  now: number;
  thresholds: AgeThresholds;
  timeZone: string | undefined;
  tap: Tap | undefined;
  onTap: (order: Order) => Promise<void>;
}) {
  const level = ageLevel(t.created_at, now, thresholds);
  const count = itemCount(t);
  const timeIn = formatTime(t.created_at, timeZone);
  const by = placedBy(t);
  return (
    <li className="overflow-hidden rounded-lg bg-white text-stone-900 min-[1600px]:text-lg" data-testid="ticket" data-order-id={t.id} data-age={level}>
      <header className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 ${AGE_CLASSES[level]}`} data-testid="ticket-header">
        <span className="text-lg font-bold min-[1600px]:text-2xl">{tableOf(t)}</span>
        <span className="font-mono font-semibold" aria-label={`Order ${orderRef(t)}`}>
          {orderRef(t)}
        </span>
        <span aria-label={`In at ${timeIn}`}>{timeIn}</span>
        <span data-testid="ticket-item-count">{count === 1 ? '1 item' : `${count} items`}</span>
        {by && <span data-testid="ticket-placed-by">{by}</span>}
        <span className="ml-auto font-mono text-lg font-bold min-[1600px]:text-2xl" aria-label={`Waiting ${ageText(t.created_at, now)}`}>
          {ageText(t.created_at, now)}
        </span>
      </header>
      <div className="px-3 pb-3">
        <TicketItems order={t} />
        {NEXT_STATUS[t.status] && <TapButton order={t} tap={tap} onTap={onTap} />}
      </div>
    </li>
  );
}

function TapButton({ order, tap, onTap }: { order: Order; tap: Tap | undefined; onTap: (order: Order) => Promise<void> }) {
  const button = tapButton(tap, ADVANCE_LABEL[order.status] ?? '');
  return (
    <>
      <Button className="mt-2 min-h-12 w-full text-base min-[1600px]:min-h-14 min-[1600px]:text-lg" onClick={() => void onTap(order)} disabled={button.disabled} aria-busy={tap?.state === 'pending'}>
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
          <li key={n} className="border-b border-stone-200 py-1 last:border-0" data-testid="ticket-line">
            <span className="font-semibold">{i.quantity} ×</span> {i.name}
            {i.modifiers.length > 0 && <div className="pl-6 text-sm text-stone-700 min-[1600px]:text-base">{modifierText(i.modifiers)}</div>}
            {i.note && <div className="pl-6 text-sm font-semibold italic text-red-800 min-[1600px]:text-base">Note: {i.note}</div>}
          </li>
        ))}
      </ul>
      {order.note && <p className="mt-1 text-sm font-semibold italic text-red-800 min-[1600px]:text-base">Order note: {order.note}</p>}
    </>
  );
}
