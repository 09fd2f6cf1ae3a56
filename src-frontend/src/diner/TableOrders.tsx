import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dinerApi } from '../api/endpoints';
import type { Order } from '../api/types';
import { formatMoney } from '../lib/money';
import { modifierText } from '../lib/orders';
import { Badge, Button, ErrorBox, statusTone } from '../ui/ui';
import { RateOrder } from './RateOrder';
import { storeOrder } from './useDinerTable';

export const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Waiting for confirmation',
  CONFIRMED: 'Confirmed',
  PREPARING: 'Preparing',
  READY: 'Ready',
  SERVED: 'Served',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** Every order placed at the table, with its live status; a pending one can be cancelled, a served one rated. */
export function TableOrders({ orders, sessionId, onViewBill }: { orders: Order[]; sessionId: string | null; onViewBill: () => void }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: (id: string) => dinerApi.cancelOrder(id),
    onSuccess: (order) => storeOrder(queryClient, sessionId, order),
  });
  return (
    <section aria-labelledby="orders-heading" className="px-4 py-3" data-testid="table-orders">
      <h2 id="orders-heading" className="mb-2 text-xl font-bold">
        Your table's orders
      </h2>
      {orders.length === 0 ? (
        <p className="text-sm text-stone-600">No orders yet. Everyone at this table sees orders here as they are placed.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {orders.map((o) => (
            <TableOrder key={o.id} order={o} onCancel={() => cancel.mutate(o.id)} cancelling={cancel.isPending} />
          ))}
        </ul>
      )}
      <ErrorBox error={cancel.error} className="mt-2" />
      {orders.length > 0 && sessionId && (
        <Button variant="secondary" className="mt-3 min-h-11 w-full" onClick={onViewBill}>
          View the bill
        </Button>
      )}
    </section>
  );
}

function TableOrder({ order: o, onCancel, cancelling }: { order: Order; onCancel: () => void; cancelling: boolean }) {
  return (
    <li className="rounded-lg border border-stone-300 bg-white p-3" data-testid="diner-order" data-order-id={o.id}>
      <div className="flex items-center justify-between">
        <span className="text-sm text-stone-700">{new Date(o.created_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
        <Badge tone={statusTone(o.status)}>
          <span data-testid="order-status">{STATUS_WORDS[o.status] ?? o.status}</span>
        </Badge>
      </div>
      <ul className="mt-1 text-sm">
        {o.items.map((i, n) => (
          <li key={n}>
            {i.quantity} × {i.name}
            {i.modifiers.length > 0 && <span className="text-stone-600"> ({modifierText(i.modifiers)})</span>}
          </li>
        ))}
      </ul>
      <div className="mt-1 flex items-center justify-between">
        <span className="font-semibold">{formatMoney(o.total_amount, o.currency)}</span>
        {o.status === 'PENDING' && (
          <Button variant="ghost" onClick={onCancel} disabled={cancelling}>
            Cancel
          </Button>
        )}
      </div>
      {(o.status === 'SERVED' || o.status === 'COMPLETED') && <RateOrder orderId={o.id} />}
    </li>
  );
}
