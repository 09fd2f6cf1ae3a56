import { useMutation } from '@tanstack/react-query';
import { staffApi } from '../api/endpoints';
import type { Order } from '../api/types';
import { formatTime } from '../lib/dates';
import { canCancel, isUnserved, modifierText, orderRef, stepsToServed } from '../lib/orders';
import { Badge, Button, ErrorBox, statusTone } from '../ui/ui';

/**
 * Brings an order to SERVED through the status flow, one accepted step at a time, from its current state
 * (the kitchen may be moving it meanwhile, so each step starts from a fresh read).
 */
async function serve(order: Order): Promise<void> {
  let current = order;
  for (;;) {
    const next = stepsToServed(current.status)[0];
    if (!next) return;
    current = await staffApi.setOrderStatus(current.id, next).catch(async (e: unknown) => {
      const fresh = await staffApi.order(current.id);
      if (fresh.status === current.status) throw e;
      return fresh;
    });
  }
}

/**
 * The orders that keep a tab from closing as paid (issue 17, fault 10): which they are, and for each a way
 * forward through the existing status endpoints: mark it served, or cancel it while the kitchen has not
 * started it. `onClose` closes the tab once they are all settled.
 */
export function OpenOrders({ orders, timeZone, onChanged, onClose, closing }: { orders: Order[]; timeZone: string | undefined; onChanged: () => Promise<unknown>; onClose: () => void; closing: boolean }) {
  const open = orders.filter((o) => isUnserved(o.status));
  const settle = useMutation({
    mutationFn: async ({ targets, action }: { targets: Order[]; action: 'serve' | 'cancel' }) => {
      for (const o of targets) await (action === 'serve' ? serve(o) : staffApi.setOrderStatus(o.id, 'CANCELLED'));
    },
    onSettled: () => onChanged(),
  });
  const serveAllAndClose = useMutation({
    mutationFn: async () => {
      for (const o of open) await serve(o);
      await onChanged();
    },
    onSuccess: onClose,
  });
  const busy = settle.isPending || serveAllAndClose.isPending || closing;

  if (open.length === 0) {
    return (
      <section aria-label="Orders not served" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
        <p className="font-semibold text-emerald-900">Every order of this tab is served now.</p>
        <Button className="mt-2" onClick={onClose} disabled={busy}>
          Mark paid and close
        </Button>
      </section>
    );
  }
  return (
    <section aria-label="Orders not served" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
      <p className="font-semibold text-amber-950">
        {open.length === 1 ? 'One order of this tab is not served yet' : `${open.length} orders of this tab are not served yet`}: a tab closes as paid once
        everything on it was served. Mark them served, or cancel those the kitchen has not started.
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {open.map((o) => (
          <li key={o.id} className="rounded border border-amber-200 bg-white p-2" data-testid="open-order" data-order-id={o.id}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">
                {orderRef(o)} · {formatTime(o.created_at, timeZone)}
              </span>
              <Badge tone={statusTone(o.status)}>{o.status}</Badge>
              <span className="ml-auto flex gap-2">
                <Button variant="secondary" onClick={() => settle.mutate({ targets: [o], action: 'serve' })} disabled={busy} aria-label={`Mark ${orderRef(o)} served`}>
                  Mark served
                </Button>
                {canCancel(o.status) && (
                  <Button variant="danger" onClick={() => settle.mutate({ targets: [o], action: 'cancel' })} disabled={busy} aria-label={`Cancel ${orderRef(o)}`}>
                    Cancel order
                  </Button>
                )}
              </span>
            </div>
            <p className="mt-1 text-stone-700">{o.items.map((i) => `${i.quantity}× ${i.name}${i.modifiers.length ? ` (${modifierText(i.modifiers)})` : ''}`).join('; ')}</p>
          </li>
        ))}
      </ul>
      <ErrorBox error={settle.error ?? serveAllAndClose.error} className="mt-2" />
      <Button className="mt-3" onClick={() => serveAllAndClose.mutate()} disabled={busy}>
        Mark all served and close
      </Button>
    </section>
  );
}
